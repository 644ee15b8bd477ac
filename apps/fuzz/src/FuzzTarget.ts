/**
 * What spec fuzzing runs against: one vendor's mock (seeded, its own throttle off) behind
 * the server `prism proxy --errors <openapi.yaml>` starts (run in this process: `prismInProcess`, which loads Prism's
 * packages once for every vendor instead of a command line per vendor), with the vendor's dereferenced document and
 * the credential headers. Built once per vendor and fuzzed with every seed: each run begins from the freshly seeded
 * state anyway (`restart`).
 */
import $RefParser from "@apidevtools/json-schema-ref-parser"
// The referee alone (`./prism`), not the whole suite: the fuzzing needs none of the scenarios or their generators.
import { prismInProcess } from "@contactkit/conformance/prism"
import { layer as mockLayer, MockServer } from "@contactkit/mock-platform"
import type { Vendor } from "@contactkit/vendor-kit"
import { mockRequest } from "@contactkit/vendor-kit"
import { Context, Effect, Layer, Ref } from "effect"
import { authHeaders, type SecuredDocument } from "./SpecAuth.ts"
import type { OpenApiDocument } from "./SpecRequests.ts"

export class FuzzTarget extends Context.Service<FuzzTarget, {
  readonly vendor: Vendor
  readonly document: OpenApiDocument
  /** Prism's origin: every fuzzed request goes there. */
  readonly url: string
  readonly auth: Readonly<Record<string, string>>
  /** Empties the mock and seeds it again, as a newly started seeded mock is (faults and request log cleared). */
  readonly restart: Effect.Effect<void, Error>
  /** Prism's violation lines logged since the last call: each run reads its own (late lines go to the next). */
  readonly newViolations: Effect.Effect<ReadonlyArray<string>>
}>()("@contactkit/fuzz/FuzzTarget") {
  static readonly layer = (vendor: Vendor): Layer.Layer<FuzzTarget, Error> =>
    Layer.effect(
      FuzzTarget,
      Effect.gen(function*() {
        const document = (yield* Effect.promise(() => $RefParser.dereference(vendor.openapi))) as unknown
        const module = vendor.mockWithoutThrottle ?? vendor.mock
        const mock = Context.get(yield* Layer.build(mockLayer(module, { port: 0, seed: true })), MockServer)
        const prism = yield* prismInProcess({
          spec: vendor.openapi,
          upstream: `${mock.url}${vendor.specBasePath ?? ""}`
        })
        const read = yield* Ref.make(0)
        return FuzzTarget.of({
          vendor,
          document: document as OpenApiDocument,
          url: prism.url,
          auth: authHeaders(module, document as SecuredDocument),
          restart: Effect.andThen(
            mockRequest(`${mock.url}/__admin/reset`, { method: "POST" }),
            mockRequest(`${mock.url}/__admin/seed`, { method: "POST", body: {} })
          ),
          newViolations: Effect.flatMap(
            prism.violations,
            (all) => Ref.modify(read, (from) => [all.slice(from), all.length])
          )
        })
      })
    )
}
