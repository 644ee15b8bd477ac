/**
 * A harness for an adapter running against its vendor's mock server, with Prism in between as referee: the mock
 * serves on a free port, the server `prism proxy --errors <vendor>/openapi.yaml` starts stands in front of it (run in
 * this process, `prismInProcess`), and the adapter only ever talks to Prism. Faults are injected through the mock's
 * admin API, which Prism never sees.
 */
import { ContactDirectory } from "@contactkit/domain"
import { layer as mockLayer, MockServer } from "@contactkit/mock-platform"
import type { Tuning, Vendor } from "@contactkit/vendor-kit"
import { Context, Effect, Layer, Redacted, Ref } from "effect"
import { FetchHttpClient, HttpClient } from "effect/http"
import { type Fault, type Harness, HarnessControl } from "./Harness.ts"
import { prismInProcess } from "./PrismInProcess.ts"
import type { ScenarioName } from "./Scenarios.ts"

/** Fast retries and no client-side limit: the mock answers at once, and its own throttle is off. */
const tuning: Tuning = { rateLimit: false, retry: { base: "50 millis", max: "500 millis" } }

const adminCall = (url: string, method: "POST" | "DELETE", body?: unknown) =>
  Effect.promise(() =>
    fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    }).then((response) => response.text())
  ).pipe(Effect.asVoid)

/** The fetch client, counting every request it sends (retries included): what `requestsSent` reports. */
const counting = (sent: Ref.Ref<number>): Layer.Layer<HttpClient.HttpClient> =>
  Layer.effect(
    HttpClient.HttpClient,
    Effect.map(HttpClient.HttpClient, HttpClient.tapRequest(() => Ref.update(sent, (n) => n + 1)))
  ).pipe(Layer.provide(FetchHttpClient.layer))

export const mockedHarness = (vendor: Vendor): Harness => {
  const specBasePath = vendor.specBasePath ?? ""
  // Prism ignores the path of a server URL, so the document's base path goes on the upstream instead and the
  // adapter calls Prism with the rest of its API path.
  const apiPathAtPrism = vendor.apiPath.slice(specBasePath.length)
  const directory = (
    origin: string,
    apiKey: string,
    client: Layer.Layer<HttpClient.HttpClient> = FetchHttpClient.layer,
    more: Tuning = {}
  ) =>
    vendor.atMock(`${origin}${apiPathAtPrism}`, Redacted.make(apiKey), { ...tuning, ...more }).pipe(
      Layer.provide(client)
    )
  const service = (layer: Layer.Layer<ContactDirectory>) =>
    Effect.map(Layer.build(layer), (context) => Context.get(context, ContactDirectory))
  const layer = Layer.unwrap(
    Effect.gen(function*() {
      const mock = yield* MockServer
      const prism = yield* prismInProcess({ spec: vendor.openapi, upstream: `${mock.url}${specBasePath}` })
      const sent = yield* Ref.make(0)
      const control = HarnessControl.of({
        injectFault: (fault: Fault) => adminCall(`${mock.url}/__admin/faults`, "POST", fault),
        clearFaults: adminCall(`${mock.url}/__admin/faults`, "DELETE"),
        withBadCredentials: service(directory(prism.url, "not-a-valid-token")),
        withTimeout: (timeout) => service(directory(prism.url, vendor.mockApiKey, FetchHttpClient.layer, { timeout })),
        ...(vendor.unmodelled === undefined ? {} : { unmodelled: vendor.unmodelled(mock.url) }),
        violations: prism.violations,
        requestsSent: Ref.get(sent)
      })
      return Layer.merge(
        directory(prism.url, vendor.mockApiKey, counting(sent)),
        Layer.succeed(HarnessControl, control)
      )
    })
  ).pipe(Layer.provide(mockLayer(vendor.mockWithoutThrottle ?? vendor.mock, { port: 0, seed: true })))
  return {
    name: vendor.name,
    capabilities: vendor.capabilities,
    layer,
    ...(vendor.skip === undefined ? {} : { skip: vendor.skip as Partial<Record<ScenarioName, string>> })
  }
}
