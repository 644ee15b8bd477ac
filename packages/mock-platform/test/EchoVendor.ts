/**
 * A vendor module for the request path's own tests: its handlers answer what they were given — the route, the path
 * parameters, the parsed query, the url and method they see — so two ways through the platform can be compared by
 * their answers; others are slow (interruptible or not), fail with a `PlatformError`, or die. `routedEcho` has the
 * same routes plus one for any method, which leaves its dispatch to Effect's router (RouteIndex.direct).
 */
import { Effect } from "effect"
import { HttpRouter, HttpServerRequest } from "effect/http"
import { setTimeout as wait } from "node:timers/promises"
import { defaultMessage, defaultStatus, jsonResponse, PlatformError, type VendorModule } from "../src/index.ts"

const echo = Effect.gen(function*() {
  const request = yield* HttpServerRequest.HttpServerRequest
  const context = yield* HttpRouter.RouteContext
  const query = yield* HttpServerRequest.ParsedSearchParams
  return jsonResponse(200, {
    route: context.route.path,
    params: context.params,
    query,
    url: request.url,
    method: request.method
  })
})

// Slept on the real clock, as the server answers in real time (MockServer.ts).
const slow = Effect.gen(function*() {
  const params = yield* HttpRouter.params
  yield* Effect.promise(() => wait(Number(params["ms"] ?? "0")))
  return jsonResponse(200, { slept: params["ms"] })
})

const routes = [
  HttpRouter.route("GET", "/echo/:a/items/:b", echo),
  HttpRouter.route("PUT", "/echo/:a/items/:b", echo),
  HttpRouter.route("GET", "/echo/static", echo),
  HttpRouter.route("DELETE", "/echo/:a", echo),
  HttpRouter.route("GET", "/slow/:ms", slow),
  HttpRouter.route("GET", "/steady/:ms", slow, { uninterruptible: true }),
  HttpRouter.route(
    "GET",
    "/refuse",
    Effect.fail(new PlatformError({ failure: { _tag: "MalformedBody", detail: "no" } }))
  ),
  HttpRouter.route("GET", "/boom", Effect.die("a bug in a handler"))
]

const makeEcho = (name: string, extra: ReadonlyArray<HttpRouter.Route<PlatformError, never>>): VendorModule => ({
  name,
  defaultPort: 4998,
  credentials: [{ token: "echo-token", description: "anyone" }],
  renderError: (failure, nowMillis) => ({
    status: defaultStatus(failure),
    body: { error: defaultMessage(failure), at: nowMillis > 0 }
  }),
  make: Effect.succeed({ routes: [...routes, ...extra], reset: Effect.void, seed: Effect.void })
})

export const echoVendor = makeEcho("echo", [])
export const routedEcho = makeEcho("echo", [HttpRouter.route("*", "/any", echo)])
