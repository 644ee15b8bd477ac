/**
 * The HTTP application around one vendor instance: exact request targets (RequestTarget.ts), the admin API on its
 * own router, fault injection, optional rate limiting, the body limits, the request log, vendor-shaped 404s and
 * 405s, and the last line of defence that turns a defect into a logged, vendor-shaped 500. A client that
 * disconnects is recorded as 499 and logged as a disconnect, never as a defect. Everything a vendor module does
 * not have to repeat.
 *
 * A vendor request takes one of two ways: the common request (no fault rule, no rate limit) the short one of
 * CommonRequest.ts, every other the full pipeline of VendorPipeline.ts; they share their parts
 * (PipelineParts.ts) and answer and log alike.
 */
import { Cause, Clock, Effect, Layer, type Scope } from "effect"
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "effect/http"
import { adminRoutes } from "./Admin.ts"
import { isCommonRequest, serveCommon } from "./CommonRequest.ts"
import { makeFaultStore } from "./Faults.ts"
import { makePipelineParts } from "./PipelineParts.ts"
import { defaultMessage, PlatformError } from "./PlatformFailure.ts"
import { makeRateLimiter } from "./RateLimiter.ts"
import { makeRequestLog } from "./RequestLog.ts"
import { requestTarget } from "./RequestTarget.ts"
import { jsonResponse, withAllow } from "./Responses.ts"
import { makeRouteIndex, routerConfig } from "./RouteIndex.ts"
import type { VendorErrorResponse, VendorInstance, VendorModule } from "./VendorModule.ts"
import { vendorPipeline } from "./VendorPipeline.ts"

export interface AppOptions {
  readonly rateLimit?: boolean
}

export interface MockApp {
  readonly app: Effect.Effect<
    HttpServerResponse.HttpServerResponse,
    unknown,
    HttpServerRequest.HttpServerRequest | Scope.Scope
  >
  /**
   * The answer to a request Node's parser refused for its method (`FOO /path`): what the vendor says to a method it
   * does not route, also recorded in the request log.
   */
  readonly unknownMethod: (method: string, url: string, nowMillis: number) => VendorErrorResponse
}

const isAdminRoute = (route: HttpRouter.Route<any, any>) =>
  route.path === "/__admin" || route.path.startsWith("/__admin/")

const isRouteNotFound = (error: unknown) =>
  typeof error === "object" && error !== null && "_tag" in error && error._tag === "HttpServerError" &&
  "reason" in error && (error.reason as { _tag?: string })._tag === "RouteNotFound"

export const makeApp = (module: VendorModule, instance: VendorInstance, options: AppOptions = {}) =>
  Effect.gen(function*() {
    const faults = yield* makeFaultStore
    const log = yield* makeRequestLog
    const limiter = yield* makeRateLimiter(options.rateLimit === true ? module.rateLimits ?? [] : [])
    // The server's clock (MockServer provides the real one), read directly on the per-request path.
    const clock = yield* Clock.Clock
    const caseInsensitive = module.caseInsensitivePaths ?? false
    const vendorRoutes = instance.routes.filter((route) => !isAdminRoute(route))
    const extraAdmin = [...instance.routes.filter(isAdminRoute), ...(instance.adminRoutes ?? [])]
    const index = makeRouteIndex(vendorRoutes, { caseInsensitive })
    // Routes the index reaches as Effect's router would are dispatched directly, matched once; others by the router.
    const router = index.direct ? undefined : yield* HttpRouter.toHttpEffect(HttpRouter.addAll(vendorRoutes)).pipe(
      Effect.provideService(HttpRouter.RouterConfig, routerConfig(caseInsensitive))
    )
    const parts = makePipelineParts({ module, clock, faults, limiter, log, index }, router)
    const dispatchAdmin = yield* HttpRouter.toHttpEffect(
      Layer.mergeAll(
        HttpRouter.addAll(adminRoutes({ module, instance, faults, log, limiter, routes: vendorRoutes })),
        HttpRouter.addAll(extraAdmin)
      )
    ).pipe(Effect.provideService(HttpRouter.RouterConfig, routerConfig(false)))

    const adminHandled = Effect.catchCause(dispatchAdmin, (cause) => {
      if (Cause.hasInterruptsOnly(cause)) return Effect.failCause(cause)
      const error = Cause.findErrorOption(cause)
      if (error._tag === "Some" && error.value instanceof PlatformError) {
        return Effect.succeed(jsonResponse(400, { error: defaultMessage(error.value.failure) }))
      }
      if (error._tag === "Some" && isRouteNotFound(error.value)) {
        return Effect.succeed(jsonResponse(404, { error: "No such admin route." }))
      }
      return Effect.logError(`${module.name} mock: defect in the admin API`, Cause.pretty(cause)).pipe(
        Effect.as(jsonResponse(500, { error: "Internal server error." }))
      )
    })

    const app = Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
      const target = requestTarget(request.url)
      if (target._tag === "Admin") return adminHandled
      // The vendor's routes see the target's url (`;` escaped); the log keeps what the client sent.
      const routed = target._tag === "Vendor" && target.url !== request.url
        ? request.modify({ url: target.url })
        : request
      if (isCommonRequest(parts, target)) {
        return serveCommon(parts, routed, target, request.url)
      }
      const pipeline = vendorPipeline(parts, target, request.url)
      return routed === request
        ? pipeline
        : Effect.provideService(pipeline, HttpServerRequest.HttpServerRequest, routed)
    })

    const unknownMethod = (method: string, url: string, nowMillis: number): VendorErrorResponse => {
      const target = requestTarget(url)
      if (target._tag === "Admin") return { status: 405, body: { error: `The admin API has no ${method} method.` } }
      const failure = target._tag === "Vendor"
        ? parts.notFound(method, target.url, target.path)
        : { _tag: "RouteNotFound" as const, method, path: target.path }
      const answer = withAllow(failure, module.renderError(failure, nowMillis))
      Effect.runSync(log.append({
        time: new Date(nowMillis).toISOString(),
        method,
        url,
        headers: {},
        body: "",
        status: answer.status,
        durationMs: 0
      }))
      return answer
    }

    return { app, unknownMethod } satisfies MockApp
  })
