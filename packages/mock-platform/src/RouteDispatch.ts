/**
 * Running the handler of a route the platform has matched itself (RouteIndex.ts), exactly as Effect's router runs
 * it once it has matched: the request, its path parameters (`HttpRouter.params`), the route (`RouteContext`) and the
 * parsed query (`ParsedSearchParams`) in the fiber's context, the route's pattern on the request's span when a
 * tracer records spans, and the handler interruptible (a client that disconnects stops it) unless the route says
 * otherwise. Matching once instead of asking the index and then the router is the point: the router's lookup was a
 * second share of every request's time.
 */
import { Context, Effect, Tracer } from "effect"
import { HttpRouter, HttpServerRequest } from "effect/http"
import type { HttpServerResponse } from "effect/http"
import type { RouteMatch } from "./RouteIndex.ts"

export const runRoute = <E, R>(
  match: RouteMatch,
  request: HttpServerRequest.HttpServerRequest
): Effect.Effect<HttpServerResponse.HttpServerResponse, E, R> =>
  Effect.withFiber((fiber) => {
    const route = match.route
    let context = fiber.context
    if (Context.getUnsafe(context, HttpServerRequest.HttpServerRequest) !== request) {
      context = Context.add(context, HttpServerRequest.HttpServerRequest, request)
    }
    context = Context.add(context, HttpServerRequest.ParsedSearchParams, match.searchParams)
    context = Context.add(context, HttpRouter.RouteContext, { route, params: match.params })
    if (fiber.getRef(Tracer.Tracer) !== Tracer.nativeTracer) {
      const span = Context.getOrUndefined(context, Tracer.ParentSpan)
      if (span !== undefined && span._tag === "Span" && span.sampled) span.attribute("http.route", route.path)
    }
    // As in the router: the request's own frame (Effect's HTTP server) restores the fiber's context when it ends.
    fiber.setContext(context)
    const handler = route.handler as Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
    return route.uninterruptible ? handler : Effect.interruptible(handler)
  })
