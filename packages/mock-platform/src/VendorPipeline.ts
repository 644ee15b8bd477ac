/**
 * The full way of a vendor request through the platform, for every request that is not the common one
 * (CommonRequest.ts): fault rules (latency, status, rate limit, malformed, truncated, drop), the enforced rate limit,
 * the request body read with its limits before dispatch, a refused target's 404, and a client that disconnects
 * (recorded as 499, with the status the mock had ready when it was processed anyway).
 */
import { Clock, Effect, Fiber } from "effect"
import { HttpServerRequest, HttpServerResponse } from "effect/http"
import { drop, malform, rawResponse, truncate } from "./FaultResponses.ts"
import type { Fault } from "./Faults.ts"
import { knownCredential } from "./KnownCredential.ts"
import type { PipelineParts } from "./PipelineParts.ts"
import { readBodyText } from "./RequestBody.ts"
import type { RequestTarget } from "./RequestTarget.ts"

type Response = HttpServerResponse.HttpServerResponse

// Only consulted when a fault fired or a rate limit is enforced; otherwise the request goes straight on.
const beforeHandler = (
  parts: PipelineParts,
  fault: Fault | undefined,
  headers: HttpServerRequest.HttpServerRequest["headers"],
  route: string
) =>
  Effect.gen(function*() {
    const { limiter, module, render } = parts
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

/** `rawUrl` is what the client sent; the request in context carries the target's (escaped) url. */
export const vendorPipeline = (
  parts: PipelineParts,
  target: Exclude<RequestTarget, { _tag: "Admin" }>,
  rawUrl: string
) =>
  Effect.gen(function*() {
    const { clock, faults, index, limiter, render } = parts
    const request = yield* HttpServerRequest.HttpServerRequest
    const path = target.path
    const started = clock.currentTimeMillisUnsafe()
    const fault = yield* faults.take(request.method, path)
    const body = yield* Effect.result(readBodyText)
    const match = target._tag === "Vendor" ? index.find(request.method, target.url) : undefined
    const route = match?.route.path
    const record = parts.recorder(request, rawUrl, started, {
      body: body._tag === "Success" ? body.success : "",
      route,
      fault: fault?.kind
    })
    const disconnected = (unsentStatus?: number) => parts.disconnected(request, path, record, unsentStatus)

    if (fault?.kind === "drop") {
      yield* Effect.uninterruptible(Effect.andThen(Effect.sync(() => record(0)), drop(request)))
      return HttpServerResponse.empty()
    }
    const answer = Effect.gen(function*() {
      const early = fault === undefined && !limiter.enabled
        ? undefined
        : yield* beforeHandler(parts, fault, request.headers, route ?? "(no route)")
      if (early !== undefined) return { early: true, response: early }
      if (body._tag === "Failure") {
        // The rest of a body cut at the limit is never read, so the connection cannot carry another request.
        const refused = yield* render(body.failure.failure)
        return { early: false, response: HttpServerResponse.setHeader(refused, "connection", "close") }
      }
      if (target._tag === "Refused") {
        return { early: false, response: yield* render({ _tag: "RouteNotFound", method: request.method, path }) }
      }
      return { early: false, response: yield* parts.answer(request, match, path) }
    })
    const finish = ({ early, response }: { early: boolean; response: Response }) =>
      Effect.gen(function*() {
        // Node marks the response destroyed when the client's connection closes before the answer is written.
        if (rawResponse(request).destroyed) {
          yield* disconnected(response.status)
          return response
        }
        if (!early && fault?.kind === "truncated") {
          yield* Effect.uninterruptible(Effect.andThen(Effect.sync(() => record(0)), truncate(request, response)))
          return HttpServerResponse.empty()
        }
        record(response.status)
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
