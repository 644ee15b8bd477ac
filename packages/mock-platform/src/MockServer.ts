/**
 * A running mock vendor server, as a service tests and the CLI can depend on, and the layer that serves one
 * vendor module on 127.0.0.1 (port 0 picks a free port, for tests) behind the connection limits of
 * ConnectionLimits.ts.
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { Clock, Context, Effect, Layer } from "effect"
import { HttpServer } from "effect/http"
import type * as Http from "node:http"
import { STATUS_CODES } from "node:http"
import type { Duplex } from "node:stream"
import type { ConnectionLimits } from "./ConnectionLimits.ts"
import { limitedServer } from "./ConnectionLimits.ts"
import { makeApp } from "./MockApp.ts"
import type { VendorErrorResponse, VendorModule } from "./VendorModule.ts"

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
  /** Override some connection limits (default `defaultConnectionLimits`), e.g. short timeouts in a test. */
  readonly connections?: Partial<ConnectionLimits>
}

/** A whole HTTP/1.1 answer as bytes, closing the connection: for sockets Node's parser has given up on. */
const rawAnswer = (answer: VendorErrorResponse): string => {
  const body = JSON.stringify(answer.body)
  const headers = Object.entries(answer.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`).join("")
  return `HTTP/1.1 ${answer.status} ${
    STATUS_CODES[answer.status] ?? "Error"
  }\r\ncontent-type: application/json\r\n${headers}` +
    `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
}

// Node's own answers to requests it cannot parse, which a `clientError` listener replaces.
const nodeAnswer = (code: string | undefined) =>
  code === "HPE_HEADER_OVERFLOW"
    ? "HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n"
    : code === "ERR_HTTP_REQUEST_TIMEOUT"
    ? "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n"
    : "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"

/**
 * Node refuses methods it does not know (`FOO`) before any handler runs, with a bare 400. The vendor's server
 * would route them like any other method, so the request line is read back from the refused bytes and answered
 * with the vendor's own error body.
 */
const onClientError = (
  unknownMethod: (method: string, url: string, nowMillis: number) => VendorErrorResponse,
  clock: Clock.Clock
) =>
(error: Error & { readonly code?: string; readonly rawPacket?: Buffer }, socket: Duplex) => {
  if (!socket.writable) return socket.destroy()
  const line = error.code === "HPE_INVALID_METHOD"
    ? /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\/\S*) HTTP\/1\.[01]\r?\n/u.exec(error.rawPacket?.toString("latin1") ?? "")
    : null
  const answer = line === null
    ? nodeAnswer(error.code)
    : rawAnswer(unknownMethod(line[1] ?? "", line[2] ?? "/", clock.currentTimeMillisUnsafe()))
  socket.end(answer, () => socket.destroy())
}

// A fresh Node server for every build of the layer, so a layer value can be built (and listen) more than once.
export const layer = (module: VendorModule, options: LayerOptions = {}): Layer.Layer<MockServer> =>
  Layer.unwrap(Effect.sync(() => serve(module, options, limitedServer(options.connections))))

const serve = (module: VendorModule, options: LayerOptions, server: Http.Server): Layer.Layer<MockServer> =>
  Layer.effect(
    MockServer,
    Effect.gen(function*() {
      const instance = yield* module.make
      if (options.seed ?? true) yield* instance.seed
      const { app, unknownMethod } = yield* makeApp(module, instance, options)
      const clock = yield* Clock.Clock
      server.on("clientError", onClientError(unknownMethod, clock))
      const http = yield* HttpServer.HttpServer
      yield* http.serve(app)
      const port = "port" in http.address ? http.address.port : 0
      return MockServer.of({ vendor: module.name, url: `http://127.0.0.1:${port}` })
    }).pipe(
      // A server answers real clients in real time: under a test's TestClock, latency faults would never end and
      // timestamps would be 1970. The request fibers inherit this clock from here.
      Effect.provideService(Clock.Clock, Clock.Clock.defaultValue())
    )
  ).pipe(
    Layer.provide(NodeHttpServer.layer(() => server, { port: options.port ?? 0, host: "127.0.0.1" })),
    Layer.orDie
  )
