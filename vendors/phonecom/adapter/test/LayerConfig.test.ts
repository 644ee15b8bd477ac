/**
 * `layerConfig` as Effect's drivers have it: the documented variables by default, and any `Config.Wrap<Options>`
 * otherwise — so timeouts, retries and rate limits are configurable too. Also the directory's page size and the
 * operation named on a failure, which the directory (not the client) decides.
 */
import { ContactDirectory, type ContactId } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Config, ConfigProvider, Effect, Layer, Stream } from "effect"
import { FetchHttpClient } from "effect/http"
import nock from "nock"
import { PhonecomContactDirectory } from "../src/index.ts"
import { api, contactsPath, errorBody, origin, useNock, withDirectory } from "./support.ts"

useNock()

const env = {
  PHONECOM_API_URL: `${origin}/v4`,
  PHONECOM_API_KEY: "pc_token_TOPSECRET_77",
  PHONECOM_ACCOUNT_ID: "1315",
  PHONECOM_EXTENSION_ID: "1767"
}

const viaConfig = <A, E>(
  f: (directory: ContactDirectory.Service) => Effect.Effect<A, E>,
  layer: ReturnType<typeof PhonecomContactDirectory.layerConfig>,
  values: Record<string, string>
) =>
  Effect.gen(function*() {
    return yield* f(yield* ContactDirectory)
  }).pipe(
    Effect.provide(layer.pipe(
      Layer.provide(FetchHttpClient.layer),
      Layer.provide(ConfigProvider.layer(ConfigProvider.fromUnknown(values)))
    ))
  )

const wire = { id: 42, first_name: "Ada", emails: [], phone_numbers: [], addresses: [] }

describe("PhonecomContactDirectory.layerConfig", () => {
  it.effect("reads PHONECOM_API_URL, PHONECOM_API_KEY, PHONECOM_ACCOUNT_ID and PHONECOM_EXTENSION_ID by default", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/42`).reply(200, wire)
      const contact = yield* viaConfig((d) => d.get("42" as ContactId), PhonecomContactDirectory.layerConfig(), env)
      assert.strictEqual(contact.name.given, "Ada")
    }))

  it.effect("takes any Config.Wrap<Options>: other variable names, and the retry policy from configuration", () =>
    Effect.gen(function*() {
      // Two 503s: the default policy would retry; `times: 0` from the configuration fails at the first.
      api().get(`${contactsPath}/42`).times(2).reply(503, errorBody(503, "busy"))
      const layer = PhonecomContactDirectory.layerConfig({
        ...PhonecomContactDirectory.defaultConfig,
        apiUrl: Config.String("MY_PHONECOM_URL"),
        retry: Config.succeed({ times: 0 }),
        rateLimit: Config.succeed(false as const)
      })
      const { PHONECOM_API_URL, ...rest } = env
      const error = yield* Effect.flip(
        viaConfig((d) => d.get("42" as ContactId), layer, { ...rest, MY_PHONECOM_URL: PHONECOM_API_URL })
      )
      assert.isTrue(error._tag === "ContactError" && error.reason._tag === "VendorUnavailable")
      assert.strictEqual(nock.pendingMocks().length, 1, "exactly one request: no retry")
    }))

  it.effect("a missing variable is a ConfigError, before any request", () =>
    Effect.gen(function*() {
      const { PHONECOM_ACCOUNT_ID: _, ...rest } = env
      const error = yield* Effect.flip(
        viaConfig((d) => d.get("42" as ContactId), PhonecomContactDirectory.layerConfig(), rest)
      )
      assert.strictEqual(error._tag, "ConfigError")
    }))
})

describe("PhonecomContactDirectory, the directory's part", () => {
  it.effect("list asks for 100 a page when the caller does not say", () =>
    Effect.gen(function*() {
      api().get(contactsPath).query({ limit: "100", offset: "0" }).reply(200, { total: 1, items: [wire] })
      const contacts = yield* withDirectory((d) => Stream.runCollect(d.list()))
      assert.deepStrictEqual(contacts.map((c) => c.id), ["42"])
    }))

  it.effect("a failure of the read inside update is reported as update's, with the reason the client gave", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/42`).reply(404, errorBody(404, "Not found"))
      const error = yield* Effect.flip(withDirectory((d) => d.update("42" as ContactId, { name: { given: "Ida" } })))
      assert.strictEqual(error.operation, "update")
      assert.isTrue(error.reason._tag === "ContactNotFound" && error.reason.id === "42")
    }))

  it.effect("a field reference Phone.com cannot resolve is InvalidContact of that operation, nothing written", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/42`).reply(200, wire)
      const error = yield* Effect.flip(withDirectory((d) => d.fields.remove("42" as ContactId, 3)))
      assert.strictEqual(error.operation, "fields.remove")
      assert.strictEqual(error.reason._tag, "InvalidContact")
      assert.isTrue(nock.isDone())
    }))
})
