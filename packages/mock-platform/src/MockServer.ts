/**
 * A running mock vendor server, as a service tests and the CLI can depend on, and the layer that serves one
 * vendor module on 127.0.0.1 (port 0 picks a free port, for tests).
 */
import { NodeHttpServer } from "@effect/platform-node"
import { Clock, Context, Effect, Layer } from "effect"
import { HttpServer } from "effect/http"
import { createServer } from "node:http"
import { makeApp } from "./MockApp.ts"
import type { VendorModule } from "./VendorModule.ts"

export class MockServer extends Context.Service<MockServer, {
  readonly vendor: string
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string
}>()("@contactkit/mock-platform/MockServer") {}

export interface LayerOptions {
  /** Default 0: any free port. */
  readonly port?: number
  /** Load the vendor's deterministic demo data at start (default true). */
  readonly seed?: boolean
  /** Enforce the vendor's documented rate limits (default false). */
  readonly rateLimit?: boolean
}

export const layer = (module: VendorModule, options: LayerOptions = {}): Layer.Layer<MockServer> =>
  Layer.effect(
    MockServer,
    Effect.gen(function*() {
      const instance = yield* module.make
      if (options.seed ?? true) yield* instance.seed
      const app = yield* makeApp(module, instance, options)
      const server = yield* HttpServer.HttpServer
      yield* server.serve(app)
      const port = "port" in server.address ? server.address.port : 0
      return MockServer.of({ vendor: module.name, url: `http://127.0.0.1:${port}` })
    }).pipe(
      // A server answers real clients in real time: under a test's TestClock, latency faults would never end and
      // timestamps would be 1970. The request fibers inherit this clock from here.
      Effect.provideService(Clock.Clock, Clock.Clock.defaultValue())
    )
  ).pipe(
    Layer.provide(NodeHttpServer.layer(() => createServer(), { port: options.port ?? 0, host: "127.0.0.1" })),
    Layer.orDie
  )
