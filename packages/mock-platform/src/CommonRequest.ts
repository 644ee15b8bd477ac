/**
 * The request most traffic is — no fault rule set, no rate limit enforced, a well-formed target — taken through the
 * platform in as few steps as it needs: read its body (if it has one) with the platform's limits, route it once, run
 * the handler, record it in the log, and notice a client that went away. For such a request the full pipeline
 * (VendorPipeline.ts) does exactly this and nothing more, through a dozen Effect steps and the allocations that go
 * with them; both use the same parts (PipelineParts.ts, RequestBody.ts), so the answer and the log entry are the
 * same either way, which the tests check.
 */
import { Effect, Result } from "effect"
import type { HttpServerRequest, HttpServerResponse } from "effect/http"
import { HttpServerResponse as Response } from "effect/http"
import { rawResponse } from "./FaultResponses.ts"
import type { PipelineParts } from "./PipelineParts.ts"
import type { PlatformError } from "./PlatformFailure.ts"
import { bodyTextOf, hasNoBody } from "./RequestBody.ts"
import type { RequestTarget } from "./RequestTarget.ts"

type Request = HttpServerRequest.HttpServerRequest
type VendorTarget = Extract<RequestTarget, { _tag: "Vendor" }>

/** Whether the full pipeline would do nothing for this request but read its body, route, answer and log it. */
export const isCommonRequest = (parts: PipelineParts, target: RequestTarget): target is VendorTarget =>
  target._tag === "Vendor" && !parts.limiter.enabled && !parts.faults.hasRules()

const noBody: Result.Result<string, PlatformError> = Result.succeed("")

/**
 * Serves a common request. `request` carries the target's (escaped) url, `rawUrl` is what the client sent.
 */
export const serveCommon = (parts: PipelineParts, request: Request, target: VendorTarget, rawUrl: string) => {
  const started = parts.clock.currentTimeMillisUnsafe()
  return hasNoBody(request.headers)
    ? dispatch(parts, request, target, rawUrl, started, noBody)
    : Effect.flatMap(
      Effect.result(bodyTextOf(request)),
      (body) => dispatch(parts, request, target, rawUrl, started, body)
    )
}

/** The rest once the body is read: the handler's answer, or the vendor's 4xx for a body refused by the limits. */
const dispatch = (
  parts: PipelineParts,
  request: Request,
  target: VendorTarget,
  rawUrl: string,
  started: number,
  body: Result.Result<string, PlatformError>
) => {
  const match = parts.index.find(request.method, target.url)
  const record = parts.recorder(request, rawUrl, started, {
    body: Result.isSuccess(body) ? body.success : "",
    route: match?.route.path
  })
  const finish = (response: HttpServerResponse.HttpServerResponse) => {
    // Node marks the response destroyed when the client's connection closes before the answer is written.
    if (rawResponse(request).destroyed) {
      return Effect.as(parts.disconnected(request, target.path, record, response.status), response)
    }
    record(response.status)
    return Effect.succeed(response)
  }
  const answer = Result.isSuccess(body)
    ? parts.answer(request, match, target.path)
    // The rest of a body cut at the limit is never read, so the connection cannot carry another request.
    : Effect.map(parts.render(body.failure.failure), (refused) => Response.setHeader(refused, "connection", "close"))
  return Effect.matchCauseEffect(answer, {
    onSuccess: finish,
    // `answer` fails only when the client's disconnect interrupted the handler.
    onFailure: (cause) => Effect.andThen(parts.disconnected(request, target.path, record), Effect.failCause(cause))
  })
}
