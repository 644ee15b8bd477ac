/**
 * Running the CLI in-process against mocks on port 0: each registered vendor's mock (throttle off) is served
 * once per test file, the CLI's `Directories` point each vendor's adapter at its mock, and standard output and
 * error are captured. Counting happens at the mock: a fresh adapter lists what it holds, and its request log
 * says what was sent.
 */
import { type Contact, ContactDirectory } from "@contactkit/domain"
import { layer as mockLayer, MockServer } from "@contactkit/mock-platform"
import { vendors } from "@contactkit/registry"
import type { Vendor } from "@contactkit/vendor-kit"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Context, Effect, Layer, Redacted, Stream } from "effect"
import { FetchHttpClient } from "effect/http"
import { runCli } from "../src/Cli.ts"
import { Directories } from "../src/Directories.ts"
import { type Captured, layerCapture } from "../src/Output.ts"
import { Environment } from "../src/VendorConfiguration.ts"

/** Fast retries and no client-side limit: the mock answers at once and its throttle is off. */
const tuning = { rateLimit: false, retry: { base: "10 millis", max: "50 millis" } } as const

export interface Mocks {
  readonly urlOf: (vendor: Vendor) => string
}

export class MockUrls extends Context.Service<MockUrls, Mocks>()("@contactkit/cli/test/MockUrls") {}

/** Every registered vendor's mock on a free port, seeded with its demo data. */
export const mocksLayer: Layer.Layer<MockUrls> = Layer.effect(
  MockUrls,
  Effect.gen(function*() {
    const urls = new Map<string, string>()
    for (const vendor of vendors) {
      const context = yield* Layer.build(mockLayer(vendor.mockWithoutThrottle ?? vendor.mock, { port: 0 }))
      urls.set(vendor.name, Context.get(context, MockServer).url)
    }
    return MockUrls.of({ urlOf: (vendor) => urls.get(vendor.name)! })
  })
)

/** The adapter of `vendor` at its mock, with the mock's tenant-A credential. */
export const directoryAt = (mocks: Mocks, vendor: Vendor) =>
  vendor.atMock(`${mocks.urlOf(vendor)}${vendor.apiPath}`, Redacted.make(vendor.mockApiKey), tuning).pipe(
    Layer.provide(FetchHttpClient.layer)
  )

export interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `contactkit …args` with the vendors at their mocks and an empty environment. */
export const contactkit = (...args: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const mocks = yield* MockUrls
    const captured: Captured = { stdout: [], stderr: [] }
    const directories = Layer.succeed(
      Directories,
      Directories.of({ open: (choice) => directoryAt(mocks, choice.vendor) })
    )
    const code = yield* runCli(args).pipe(
      Effect.provide(Layer.mergeAll(
        NodeServices.layer,
        layerCapture(captured),
        directories,
        Layer.succeed(Environment, { variables: {} })
      ))
    )
    return { code, stdout: captured.stdout.join(""), stderr: captured.stderr.join("") } satisfies Run
  })

/** Every contact the vendor's mock holds for tenant A, listed through a fresh adapter. */
export const contactsAt = (vendor: Vendor) =>
  Effect.gen(function*() {
    const mocks = yield* MockUrls
    const context = yield* Layer.build(directoryAt(mocks, vendor))
    const directory = Context.get(context, ContactDirectory)
    return yield* Stream.runCollect(directory.list())
  }).pipe(Effect.scoped, Effect.map((chunk): ReadonlyArray<Contact> => [...chunk]))

/** A call to the mock's admin API (`/__admin/...`). */
export const admin = (vendor: Vendor, method: string, path: string, body?: unknown) =>
  Effect.gen(function*() {
    const mocks = yield* MockUrls
    return yield* Effect.promise(() =>
      fetch(`${mocks.urlOf(vendor)}/__admin${path}`, {
        method,
        headers: { "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      }).then((response) => response.json() as Promise<any>)
    )
  })

/** The requests the mock logged since its log was last cleared: method, path and status. */
export const requestsAt = (vendor: Vendor) =>
  Effect.map(
    admin(vendor, "GET", "/requests"),
    (body): ReadonlyArray<{ method: string; url: string; status: number }> => body.requests
  )
