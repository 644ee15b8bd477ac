/**
 * Child-process entry: the Effect floor. Effect's own HTTP server on Node (`NodeHttpServer`, `HttpRouter`) answering
 * each recorded request with the exact bytes the mock answered, doing nothing else — what any mock built on Effect's
 * server pays per request before it does any work of its own. Between the bare `node:http` server and the mock, it
 * says how much of the gap is the server and how much the mock.
 *
 * Usage: `node serveEffectBytes.ts <file>` (the file `serveBytes.ts` reads); prints its URL on the first line.
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Console, Effect } from "effect"
import { HttpRouter, HttpServer, HttpServerRequest, HttpServerResponse } from "effect/http"
import { readFileSync } from "node:fs"
import { createServer } from "node:http"
import type { RecordedAnswer as Recorded } from "./RecordedAnswer.ts"

const recorded = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as ReadonlyArray<Recorded>

const routes = recorded.map((r) => {
  const bytes = new TextEncoder().encode(r.body)
  const answer = HttpServerResponse.uint8Array(bytes, { status: r.status, contentType: r.contentType })
  // A body is read before answering, as the mock and the bare server do.
  const handler = r.method === "GET"
    ? Effect.succeed(answer)
    : Effect.as(Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => request.text), answer)
  return HttpRouter.route(r.method, (r.path.split("?")[0] ?? r.path) as HttpRouter.PathInput, handler)
})

const server = createServer()
server.keepAliveTimeout = 60_000

const program = Effect.gen(function*() {
  const app = yield* HttpRouter.toHttpEffect(HttpRouter.addAll(routes))
  const http = yield* HttpServer.HttpServer
  yield* http.serve(app)
  const port = "port" in http.address ? http.address.port : 0
  yield* Console.log(`http://127.0.0.1:${port}`)
  return yield* Effect.never
}).pipe(Effect.provide(NodeHttpServer.layer(() => server, { port: 0, host: "127.0.0.1" })), Effect.scoped)

NodeRuntime.runMain(program)
