/**
 * The HTTP application around one vendor instance: exact request targets (RequestTarget.ts), the admin API on its
 * own router, fault injection, optional rate limiting, the body limits, the request log, vendor-shaped 404s and
 * 405s, and the last line of defence that turns a defect into a logged, vendor-shaped 500. A client that
 * disconnects is recorded as 499 and logged as a disconnect, never as a defect. Everything a vendor module does
 * not have to repeat.
 */
import { Cause, Clock, Effect, Fiber, Layer, type Scope } from "effect"
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "effect/http"
import { adminRoutes } from "./Admin.ts"
import { drop, malform, truncate, watchClient } from "./FaultResponses.ts"
import type { Fault } from "./Faults.ts"
import { makeFaultStore } from "./Faults.ts"
import { knownCredential } from "./KnownCredential.ts"
import type { PlatformFailure } from "./PlatformFailure.ts"
import { defaultMessage, PlatformError } from "./PlatformFailure.ts"
import { makeRateLimiter } from "./RateLimiter.ts"
import { readBodyText } from "./RequestBody.ts"
import { makeRequestLog, redactHeaders } from "./RequestLog.ts"
import { type RequestTarget, requestTarget } from "./RequestTarget.ts"
import { jsonResponse, vendorAnswer, withAllow } from "./Responses.ts"
import { makeRouteIndex, routerConfig } from "./RouteIndex.ts"
import type { VendorErrorResponse, VendorInstance, VendorModule } from "./VendorModule.ts"

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
    const dispatchVendor = yield* HttpRouter.toHttpEffect(HttpRouter.addAll(vendorRoutes)).pipe(
      Effect.provideService(HttpRouter.RouterConfig, routerConfig(caseInsensitive))
    )
    const dispatchAdmin = yield* HttpRouter.toHttpEffect(
      Layer.mergeAll(
        HttpRouter.addAll(adminRoutes({ module, instance, faults, log, limiter, routes: vendorRoutes })),
        HttpRouter.addAll(extraAdmin)
      )
    ).pipe(Effect.provideService(HttpRouter.RouterConfig, routerConfig(false)))

    const renderNow = (failure: PlatformFailure, now: number) => module.renderError(failure, now)
    const render = (failure: PlatformFailure) =>
      Effect.sync(() => vendorAnswer(failure, renderNow(failure, clock.currentTimeMillisUnsafe())))
    const notFound = (method: string, url: string, path: string): PlatformFailure => {
      const allowedMethods = index.allowedMethods(url)
      return allowedMethods.length > 0
        ? { _tag: "RouteNotFound", method, path, allowedMethods }
        : { _tag: "RouteNotFound", method, path }
    }

    // Platform failures and unknown routes are the client's doing, and so is a disconnect; anything else is our bug.
    // `path` is the path as the client sent it, for the vendor's "no such route" message.
    const handled = (method: string, url: string, path: string) =>
      Effect.catchCause(dispatchVendor, (cause) => {
        if (Cause.hasInterruptsOnly(cause)) return Effect.failCause(cause)
        const error = Cause.findErrorOption(cause)
        if (error._tag === "Some" && error.value instanceof PlatformError) return render(error.value.failure)
        if (error._tag === "Some" && isRouteNotFound(error.value)) return render(notFound(method, url, path))
        return Effect.logError(`${module.name} mock: defect while handling a request`, Cause.pretty(cause)).pipe(
          Effect.andThen(render({ _tag: "ServerError", status: 500, message: "Internal server error." }))
        )
      })

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

    // Only consulted when a fault fired or a rate limit is enforced; otherwise the request goes straight on.
    const beforeHandler = (
      fault: Fault | undefined,
      headers: HttpServerRequest.HttpServerRequest["headers"],
      route: string
    ) =>
      Effect.gen(function*() {
        if (fault?.kind === "latency" && fault.completeWrite !== true) yield* Effect.sleep(fault.latencyMs ?? 1000)
        if (fault?.kind === "status") {
          return yield* render({ _tag: "ServerError", status: fault.status ?? 503, message: "Service unavailable." })
        }
        if (fault?.kind === "rateLimit") {
          const retryAfterSeconds = fault.retryAfterSeconds ?? 1
          const now = yield* Clock.currentTimeMillis
          return yield* render({
            _tag: "RateLimited",
            limit: module.rateLimits?.[0]?.limit ?? 30,
            retryAfterSeconds,
            resetAt: Math.ceil(now / 1000) + retryAfterSeconds
          })
        }
        if (!limiter.enabled) return undefined
        const throttled = yield* limiter.hit(knownCredential(module, headers), route)
        if (throttled !== undefined) return yield* render({ _tag: "RateLimited", ...throttled })
        return undefined
      })

    // `rawUrl` is what the client sent; the request in context carries the target's (escaped) url.
    const vendorPipeline = (target: Exclude<RequestTarget, { _tag: "Admin" }>, rawUrl: string) =>
      Effect.gen(function*() {
        const request = yield* HttpServerRequest.HttpServerRequest
        const path = target.path
        const started = clock.currentTimeMillisUnsafe()
        const fault = yield* faults.take(request.method, path)
        const body = yield* Effect.result(readBodyText)
        const route = target._tag === "Vendor" ? index.pattern(request.method, target.url) : undefined
        const record = (status: number, unsentStatus?: number) =>
          Effect.suspend(() =>
            log.append({
              time: new Date(started).toISOString(),
              method: request.method,
              url: rawUrl,
              headers: redactHeaders(request.headers),
              body: body._tag === "Success" ? body.success : "",
              status,
              durationMs: clock.currentTimeMillisUnsafe() - started,
              ...(route === undefined ? {} : { route }),
              ...(fault === undefined ? {} : { fault: fault.kind }),
              ...(unsentStatus === undefined ? {} : { unsentStatus })
            })
          )
        const disconnected = (unsentStatus?: number) =>
          Effect.andThen(
            Effect.logInfo(
              `${module.name} mock: the client disconnected before the answer to ${request.method} ${path}`
            ),
            record(499, unsentStatus)
          )

        if (fault?.kind === "drop") {
          yield* Effect.uninterruptible(Effect.andThen(record(0), drop(request)))
          return HttpServerResponse.empty()
        }
        const clientGone = yield* watchClient(request)
        const answer = Effect.gen(function*() {
          const early = fault === undefined && !limiter.enabled
            ? undefined
            : yield* beforeHandler(fault, request.headers, route ?? "(no route)")
          if (early !== undefined) return { early: true, response: early }
          if (body._tag === "Failure") {
            // The rest of a body cut at the limit is never read, so the connection cannot carry another request.
            const refused = yield* render(body.failure.failure)
            return { early: false, response: HttpServerResponse.setHeader(refused, "connection", "close") }
          }
          if (target._tag === "Refused") {
            return { early: false, response: yield* render({ _tag: "RouteNotFound", method: request.method, path }) }
          }
          return { early: false, response: yield* handled(request.method, request.url, path) }
        })
        const finish = ({ early, response }: { early: boolean; response: HttpServerResponse.HttpServerResponse }) =>
          Effect.gen(function*() {
            if (clientGone()) {
              yield* disconnected(response.status)
              return response
            }
            if (!early && fault?.kind === "truncated") {
              yield* Effect.uninterruptible(Effect.andThen(record(0), truncate(request, response)))
              return HttpServerResponse.empty()
            }
            yield* record(response.status)
            return !early && fault?.kind === "malformed" ? malform(response) : response
          })

        if (fault?.kind === "latency" && fault.completeWrite === true) {
          // Processed whether or not the client is still there, as a real server finishes what it started: on a
          // fiber of its own, which the client's disconnect (interrupting this one) does not reach.
          const work = yield* Effect.forkDetach(
            Effect.andThen(Effect.sleep(fault.latencyMs ?? 1000), Effect.flatMap(answer, finish))
          )
          return yield* Fiber.join(work)
        }
        return yield* Effect.flatMap(answer, finish).pipe(Effect.onInterrupt(() => disconnected()))
      })

    const app = Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const target = requestTarget(request.url)
      if (target._tag === "Admin") return yield* adminHandled
      const pipeline = vendorPipeline(target, request.url)
      if (target._tag === "Vendor" && target.url !== request.url) {
        const rewritten = request.modify({ url: target.url })
        return yield* Effect.provideService(pipeline, HttpServerRequest.HttpServerRequest, rewritten)
      }
      return yield* pipeline
    })

    const unknownMethod = (method: string, url: string, nowMillis: number): VendorErrorResponse => {
      const target = requestTarget(url)
      if (target._tag === "Admin") return { status: 405, body: { error: `The admin API has no ${method} method.` } }
      const failure = target._tag === "Vendor"
        ? notFound(method, target.url, target.path)
        : { _tag: "RouteNotFound" as const, method, path: target.path }
      const answer = withAllow(failure, renderNow(failure, nowMillis))
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
