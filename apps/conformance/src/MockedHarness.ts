/**
 * A harness for an adapter running against its vendor's mock server, with Prism in between as
 * referee: the mock serves on a free port, `prism proxy --errors specs/openapi/<vendor>.yaml`
 * stands in front of it, and the adapter only ever talks to Prism. Faults are injected through
 * the mock's admin API, which Prism never sees.
 */
import { type Capabilities, ContactDirectory, type ContactId } from "@contactkit/domain"
import { layer as mockLayer, MockServer, type VendorModule } from "@contactkit/mock-servers"
import { Context, Effect, Layer, Redacted } from "effect"
import { fileURLToPath } from "node:url"
import { type Fault, type Harness, HarnessControl } from "./Harness.ts"
import { prismProxy } from "./Prism.ts"

export interface MockedVendor {
  readonly name: string
  readonly module: VendorModule
  /** The vendor's document in `specs/openapi/`. */
  readonly spec: string
  /**
   * The base path the document's paths are relative to (Phone.com's are under `/v4`). Prism ignores
   * the path of a server URL, so it is put on the upstream instead: clients call Prism without it.
   */
  readonly basePath?: string
  readonly capabilities: Capabilities
  /** The adapter under test, pointed at `origin` (Prism, in front of the mock) with this key. */
  readonly directory: (origin: string, apiKey: Redacted.Redacted<string>) => Layer.Layer<ContactDirectory>
  /** A credential the mock accepts. */
  readonly apiKey: string
  /** Vendor data the domain does not model, set and checked through the mock's own API. */
  readonly unmodelled?: (mockUrl: string) => {
    readonly attach: (id: ContactId) => Effect.Effect<void>
    readonly isIntact: (id: ContactId) => Effect.Effect<boolean>
  }
  readonly skip?: Harness["skip"]
}

const specPath = (file: string) => fileURLToPath(new URL(`../../../specs/openapi/${file}`, import.meta.url))

const adminCall = (url: string, method: "POST" | "DELETE", body?: unknown) =>
  Effect.promise(() =>
    fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    }).then((response) => response.text())
  ).pipe(Effect.asVoid)

export const mockedHarness = (vendor: MockedVendor): Harness => {
  const layer = Layer.unwrap(
    Effect.gen(function*() {
      const mock = yield* MockServer
      const prism = yield* prismProxy({ spec: specPath(vendor.spec), upstream: `${mock.url}${vendor.basePath ?? ""}` })
      const control = HarnessControl.of({
        injectFault: (fault: Fault) => adminCall(`${mock.url}/__admin/faults`, "POST", fault),
        clearFaults: adminCall(`${mock.url}/__admin/faults`, "DELETE"),
        withBadCredentials: Layer.build(vendor.directory(prism.url, Redacted.make("not-a-valid-token"))).pipe(
          Effect.map((context) => Context.get(context, ContactDirectory))
        ),
        ...(vendor.unmodelled === undefined ? {} : { unmodelled: vendor.unmodelled(mock.url) }),
        violations: prism.violations
      })
      return Layer.merge(
        vendor.directory(prism.url, Redacted.make(vendor.apiKey)),
        Layer.succeed(HarnessControl, control)
      )
    })
  ).pipe(Layer.provide(mockLayer(vendor.module, { port: 0, seed: true })))
  return {
    name: vendor.name,
    capabilities: vendor.capabilities,
    layer,
    ...(vendor.skip === undefined ? {} : { skip: vendor.skip })
  }
}
