/**
 * What the two ways through the vendor pipeline share — the full one (VendorPipeline.ts: faults, rate limits,
 * bodies) and the common request's (CommonRequest.ts) — so that they cannot answer or log a request differently:
 * the vendor's rendering of platform failures, the route lookup, the guard that turns whatever a handler does into
 * the vendor's answer, and the request log's entry.
 */
import { Cause, type Clock, Effect, type Scope } from "effect"
import { HttpServerRequest } from "effect/http"
import type { HttpServerResponse } from "effect/http"
import type { FaultStore } from "./Faults.ts"
import type { PlatformFailure } from "./PlatformFailure.ts"
import { PlatformError } from "./PlatformFailure.ts"
import type { RateLimiter } from "./RateLimiter.ts"
import type { RequestLog } from "./RequestLog.ts"
import { vendorAnswer } from "./Responses.ts"
import { runRoute } from "./RouteDispatch.ts"
import type { RouteIndex, RouteMatch } from "./RouteIndex.ts"
import type { VendorModule } from "./VendorModule.ts"

type Response = HttpServerResponse.HttpServerResponse
type Request = HttpServerRequest.HttpServerRequest

/** Effect's router over the vendor's routes, for the route shapes `RouteIndex.direct` leaves to it. */
export type RouterDispatch = Effect.Effect<Response, unknown, Request | Scope.Scope>

export interface PipelineParts {
  readonly module: VendorModule
  readonly clock: Clock.Clock
  readonly faults: FaultStore
  readonly limiter: RateLimiter
  readonly log: RequestLog
  readonly index: RouteIndex
  /** A platform failure as the vendor's answer (a 405 with `Allow`). */
  readonly render: (failure: PlatformFailure) => Effect.Effect<Response>
  /** The vendor's 404, or its 405 when the path exists for other methods. */
  readonly notFound: (method: string, url: string, path: string) => PlatformFailure
  /**
   * The vendor's answer to `request` (its url the escaped target), which `match` is what the index found for:
   * the route handler's response, or the vendor's 404/405 when nothing matched, its rendering of a
   * `PlatformError`, or a logged 500 for a defect. Fails only when interrupted (the client disconnected).
   * `path` is the path as the client sent it, for the vendor's "no such route" message.
   */
  readonly answer: (
    request: Request,
    match: RouteMatch | undefined,
    path: string
  ) => Effect.Effect<Response, never, Request | Scope.Scope>
  /**
   * How the request is written in the log once its status is known (0 for a dropped or cut answer), `started` read
   * from the server's clock when it arrived; `seen` is what only the full pipeline knows (the body, the fault).
   */
  readonly recorder: (
    request: Request,
    rawUrl: string,
    started: number,
    seen: { readonly body: string; readonly route: string | undefined; readonly fault?: string | undefined }
  ) => (status: number, unsentStatus?: number) => void
  /** Logs that the client went away before its answer, and records it as 499. */
  readonly disconnected: (
    request: Request,
    path: string,
    record: (status: number, unsentStatus?: number) => void,
    unsentStatus?: number
  ) => Effect.Effect<void>
}

const isRouteNotFound = (error: unknown) =>
  typeof error === "object" && error !== null && "_tag" in error && error._tag === "HttpServerError" &&
  "reason" in error && (error.reason as { _tag?: string })._tag === "RouteNotFound"

export const makePipelineParts = (
  stores: Omit<PipelineParts, "render" | "notFound" | "answer" | "recorder" | "disconnected">,
  router: RouterDispatch | undefined
): PipelineParts => {
  const { clock, index, module } = stores
  const render = (failure: PlatformFailure) =>
    Effect.sync(() => vendorAnswer(failure, module.renderError(failure, clock.currentTimeMillisUnsafe())))
  const notFound = (method: string, url: string, path: string): PlatformFailure => {
    const allowedMethods = index.allowedMethods(url)
    return allowedMethods.length > 0
      ? { _tag: "RouteNotFound", method, path, allowedMethods }
      : { _tag: "RouteNotFound", method, path }
  }

  // Platform failures and unknown routes are the client's doing, and so is a disconnect; anything else is our bug.
  const recover = (request: Request, path: string) => (cause: Cause.Cause<unknown>) => {
    if (Cause.hasInterruptsOnly(cause)) return Effect.failCause(cause as Cause.Cause<never>)
    const error = Cause.findErrorOption(cause)
    if (error._tag === "Some" && error.value instanceof PlatformError) return render(error.value.failure)
    if (error._tag === "Some" && isRouteNotFound(error.value)) {
      return render(notFound(request.method, request.url, path))
    }
    return Effect.logError(`${module.name} mock: defect while handling a request`, Cause.pretty(cause)).pipe(
      Effect.andThen(render({ _tag: "ServerError", status: 500, message: "Internal server error." }))
    )
  }

  const answer = (request: Request, match: RouteMatch | undefined, path: string) => {
    if (router !== undefined) {
      const routed = Effect.provideService(router, HttpServerRequest.HttpServerRequest, request)
      return Effect.catchCause(routed, recover(request, path))
    }
    if (match === undefined) return render(notFound(request.method, request.url, path))
    return Effect.catchCause(runRoute<unknown, Request | Scope.Scope>(match, request), recover(request, path))
  }

  const recorder: PipelineParts["recorder"] = (request, rawUrl, started, seen) => (status, unsentStatus) =>
    stores.log.record({
      startedMillis: started,
      method: request.method,
      url: rawUrl,
      headers: request.headers,
      body: seen.body,
      status,
      durationMs: clock.currentTimeMillisUnsafe() - started,
      route: seen.route,
      fault: seen.fault,
      unsentStatus
    })

  const disconnected = (
    request: Request,
    path: string,
    record: (status: number, unsentStatus?: number) => void,
    unsentStatus?: number
  ) =>
    Effect.logInfo(`${module.name} mock: the client disconnected before the answer to ${request.method} ${path}`).pipe(
      Effect.andThen(Effect.sync(() => record(499, unsentStatus)))
    )

  return { ...stores, render, notFound, answer, recorder, disconnected }
}
