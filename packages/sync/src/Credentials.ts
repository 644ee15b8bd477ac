/**
 * Credential references resolved by the runner from its own environment, never from the database: an endpoint
 * `{ vendor, credential: "acme_eu" }` reads the vendor's own variables (its registry entry's `env`) with the
 * reference in front — `ACME_EU_<VARIABLE>` — and hands them to the adapter's `fromConfig`, where secrets stay
 * `Redacted`; the reference `default` reads them unprefixed. Two more variables belong to the reference itself:
 *
 * - `<REF>_RATE_LIMIT` (`100/10s`): the credential's limit, held by all runners together (SharedRateLimiter);
 * - `<REF>_MOCK` (`http://127.0.0.1:4020`): the vendor's local mock server at that origin, with its demo
 *   credential (development and tests).
 *
 * Every HTTP request of the adapter passes the shared limiter first, so what the vendor sees is what was reserved.
 */
import { ContactDirectory } from "@contactkit/domain"
import { vendorNamed } from "@contactkit/registry"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { ConfigProvider, Context, Effect, Layer, Redacted, type Scope } from "effect"
import { HttpClient } from "effect/http"
import { parseRateLimit, type RateLimit, SharedRateLimiter } from "./SharedRateLimiter.ts"
import { cached, SetupError, SyncDirectories } from "./SyncDirectories.ts"
import { type Endpoint, endpointLabel } from "./SyncJob.ts"

type Variables = Readonly<Record<string, string | undefined>>

/** The reference that stands for the vendor's own variables, unprefixed (the CLI's vendor without a profile). */
export const defaultCredential = "default"

/** `ACME_EU_` for the reference `acme_eu`. */
export const prefixOf = (credential: string): string => `${credential.toUpperCase()}_`

/** The name a vendor variable has for a reference: prefixed, except for the default reference. */
const variableOf = (credential: string, name: string) =>
  credential === defaultCredential ? name : `${prefixOf(credential)}${name}`

/**
 * The HTTP client every request of one credential goes through: first its slot, then the request. Requests go
 * through undici's own `request` (keep-alive connections of one dispatcher per credential) rather than `fetch`,
 * which wraps the same undici in WHATWG streams: 128-178 against 440-547 µs of client CPU a small POST, side by
 * side against a bare `node:http` server. Failures carry the same system and undici error codes (`ECONNREFUSED`,
 * `UND_ERR_SOCKET`, …) that the adapters read to tell a request that never left from one that may have landed.
 */
const limitedHttp = (key: string, rateLimit: RateLimit | undefined) =>
  Layer.effect(
    HttpClient.HttpClient,
    Effect.gen(function*() {
      const client = yield* HttpClient.HttpClient
      if (rateLimit === undefined) return client
      const limiter = yield* SharedRateLimiter
      return HttpClient.tapRequest(client, () => limiter.take(key, rateLimit))
    })
  ).pipe(Layer.provide(NodeHttpClient.layerUndici))

const openFrom =
  (variables: Variables) =>
  (endpoint: Endpoint): Effect.Effect<ContactDirectory.Service, SetupError, Scope.Scope | SharedRateLimiter> =>
    Effect.gen(function*() {
      const label = endpointLabel(endpoint)
      const vendor = vendorNamed(endpoint.vendor)
      if (vendor === undefined) return yield* new SetupError({ endpoint: label, detail: "no such vendor" })
      const prefix = prefixOf(endpoint.credential)
      const limitText = variables[`${prefix}RATE_LIMIT`]
      const rateLimit = limitText === undefined ? undefined : parseRateLimit(limitText)
      if (limitText !== undefined && rateLimit === undefined) {
        return yield* new SetupError({ endpoint: label, detail: `${prefix}RATE_LIMIT must read like 100/10s` })
      }
      const mock = variables[`${prefix}MOCK`]
      const values: Record<string, string> = {}
      const missing: Array<string> = []
      for (const variable of vendor.env) {
        const name = variableOf(endpoint.credential, variable.name)
        const value = variables[name]
        if (value !== undefined && value !== "") values[variable.name] = value
        else missing.push(name)
      }
      if (mock === undefined && missing.length > 0) {
        return yield* new SetupError({ endpoint: label, detail: `set ${missing.join(", ")} (or ${prefix}MOCK)` })
      }
      const adapter = mock === undefined
        ? vendor.fromConfig.pipe(Layer.provide(ConfigProvider.layer(ConfigProvider.fromUnknown(values))))
        : vendor.atMock(`${mock.replace(/\/+$/u, "")}${vendor.apiPath}`, Redacted.make(vendor.mockApiKey), {
          rateLimit: false
        })
      const context = yield* Layer.build(adapter.pipe(Layer.provide(limitedHttp(label, rateLimit)))).pipe(
        // A configuration error names the variable and the rule, never a value.
        Effect.mapError((error) => new SetupError({ endpoint: label, detail: error.message }))
      )
      return Context.get(context, ContactDirectory)
    })

/** Directories from the runner's variables (normally `process.env`), with the shared limiter from the database. */
export const layerFromVariables = (variables: Variables): Layer.Layer<SyncDirectories, never, SharedRateLimiter> =>
  Layer.unwrap(Effect.gen(function*() {
    const limiter = yield* SharedRateLimiter
    return cached((endpoint) => openFrom(variables)(endpoint).pipe(Effect.provideService(SharedRateLimiter, limiter)))
  }))
