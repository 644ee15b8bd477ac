/**
 * The HTTP application around one vendor instance: admin API, fault injection, optional rate limiting, the body
 * limit, the request log, vendor-shaped 404s, and the last line of defence that turns a defect into a logged,
 * vendor-shaped 500. Everything a vendor module does not have to repeat.
 */
import { NodeHttpServerRequest } from "@effect/platform-node"
import { Cause, Clock, Effect, Layer } from "effect"
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "effect/http"
import type * as Http from "node:http"
import { adminRoutes } from "./Admin.ts"
import type { Fault } from "./Faults.ts"
import { makeFaultStore } from "./Faults.ts"
import type { PlatformFailure } from "./PlatformFailure.ts"
import { PlatformError } from "./PlatformFailure.ts"
import { makeRateLimiter } from "./RateLimiter.ts"
import { readBodyText } from "./RequestBody.ts"
import { makeRequestLog, redactHeaders } from "./RequestLog.ts"
import { fromVendorError } from "./Responses.ts"
import type { VendorInstance, VendorModule } from "./VendorModule.ts"

export interface AppOptions {
  readonly rateLimit?: boolean
}

const bodyBytes = (response: HttpServerResponse.HttpServerResponse): Uint8Array =>
  response.body._tag === "Uint8Array" ? response.body.body : new Uint8Array()

const rawResponse = (request: HttpServerRequest.HttpServerRequest) =>
  NodeHttpServerRequest.toServerResponse(request) as Http.ServerResponse

/** Sends the status line and half of the body, announcing all of it, then cuts the connection. */
const truncate = (request: HttpServerRequest.HttpServerRequest, response: HttpServerResponse.HttpServerResponse) =>
  Effect.callback<void>((resume) => {
    const raw = rawResponse(request)
    const bytes = bodyBytes(response)
    raw.writeHead(response.status, { "content-type": "application/json", "content-length": String(bytes.length) })
    raw.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
      raw.destroy()
      resume(Effect.void)
    })
  })

const drop = (request: HttpServerRequest.HttpServerRequest) => Effect.sync(() => rawResponse(request).destroy())

/** A complete answer whose body is not JSON although it says so: half the real body followed by garbage. */
const malform = (response: HttpServerResponse.HttpServerResponse) => {
  const text = new TextDecoder().decode(bodyBytes(response))
  return HttpServerResponse.text(`${text.slice(0, Math.floor(text.length / 2))}<<malformed>>`, {
    status: response.status,
    contentType: "application/json"
  })
}

export const makeApp = (module: VendorModule, instance: VendorInstance, options: AppOptions = {}) =>
  Effect.gen(function*() {
    const faults = yield* makeFaultStore
    const log = yield* makeRequestLog
    const limiter = yield* makeRateLimiter(options.rateLimit === true ? module.rateLimits ?? [] : [])
    const dispatch = yield* HttpRouter.toHttpEffect(
      Layer.mergeAll(
        HttpRouter.addAll(adminRoutes({ module, instance, faults, log, limiter })),
        HttpRouter.addAll(instance.routes)
      )
    )

    const render = (failure: PlatformFailure) =>
      Effect.map(Clock.currentTimeMillis, (now) => fromVendorError(module.renderError(failure, now)))

    // Platform failures and unknown routes are the client's doing; anything else is our bug.
    const handled = Effect.catchCause(dispatch, (cause) => {
      const error = Cause.findErrorOption(cause)
      if (error._tag === "Some" && error.value instanceof PlatformError) return render(error.value.failure)
      if (
        error._tag === "Some" && error.value._tag === "HttpServerError" && error.value.reason._tag === "RouteNotFound"
      ) {
        return Effect.flatMap(
          HttpServerRequest.HttpServerRequest,
          (request) => render({ _tag: "RouteNotFound", method: request.method, path: request.url.split("?")[0] ?? "" })
        )
      }
      return Effect.logError(`${module.name} mock: defect while handling a request`, Cause.pretty(cause)).pipe(
        Effect.andThen(render({ _tag: "ServerError", status: 500, message: "Internal server error." }))
      )
    })

    const beforeHandler = (fault: Fault | undefined, credential: string, path: string) =>
      Effect.gen(function*() {
        if (fault?.kind === "latency") yield* Effect.sleep(fault.latencyMs ?? 1000)
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
        const throttled = yield* limiter.hit(credential, path)
        if (throttled !== undefined) return yield* render({ _tag: "RateLimited", ...throttled })
        return undefined
      })

    return Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const path = request.url.split("?")[0] ?? ""
      if (path === "/__admin" || path.startsWith("/__admin/")) return yield* handled

      const started = yield* Clock.currentTimeMillis
      const fault = yield* faults.take(request.method, path)
      const body = yield* Effect.result(readBodyText)
      const record = (status: number) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          log.append({
            time: new Date(started).toISOString(),
            method: request.method,
            url: request.url,
            headers: redactHeaders(request.headers),
            body: body._tag === "Success" ? body.success : "",
            status,
            durationMs: now - started,
            ...(fault === undefined ? {} : { fault: fault.kind })
          }))

      if (fault?.kind === "drop") {
        yield* Effect.uninterruptible(Effect.andThen(record(0), drop(request)))
        return HttpServerResponse.empty()
      }
      const early = yield* beforeHandler(fault, request.headers["authorization"] ?? "", path)
      const response = early ?? (body._tag === "Failure"
        ? yield* render(body.failure.failure)
        : yield* handled)
      if (early === undefined && fault?.kind === "truncated") {
        yield* Effect.uninterruptible(Effect.andThen(record(0), truncate(request, response)))
        return HttpServerResponse.empty()
      }
      yield* record(response.status)
      return early === undefined && fault?.kind === "malformed" ? malform(response) : response
    })
  })
