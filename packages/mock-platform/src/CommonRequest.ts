/**
 * The request most traffic is — no fault rule set, no rate limit enforced, no body, a well-formed target — taken
 * through the platform in as few steps as it needs: route it once, run the handler, record it in the log, and
 * notice a client that went away. For such a request the full pipeline (VendorPipeline.ts) does exactly this and
 * nothing more, through a dozen Effect steps and the allocations that go with them; both use the same parts
 * (PipelineParts.ts), so the answer and the log entry are the same either way, which the tests check.
 */
import { Effect } from "effect"
import type { HttpServerRequest, HttpServerResponse } from "effect/http"
import { rawResponse } from "./FaultResponses.ts"
import type { PipelineParts } from "./PipelineParts.ts"
import type { RequestTarget } from "./RequestTarget.ts"

type Request = HttpServerRequest.HttpServerRequest

/**
 * HTTP/1.1 (RFC 9112 §6.3): without `Content-Length` or `Transfer-Encoding` a request has no body; neither has one
 * whose `Content-Length` is 0. The same test `readBodyText` makes before it reads anything.
 */
export const hasNoBody = (headers: Request["headers"]): boolean => {
  const length = headers["content-length"]
  return (length === undefined || length === "0") && headers["transfer-encoding"] === undefined
}

/** Whether the full pipeline would do nothing for this request but route, answer and log it. */
export const isCommonRequest = (parts: PipelineParts, request: Request, target: RequestTarget): boolean =>
  target._tag === "Vendor" && !parts.limiter.enabled && !parts.faults.hasRules() && hasNoBody(request.headers)

/**
 * Serves a common request. `request` carries the target's (escaped) url, `rawUrl` is what the client sent.
 */
export const serveCommon = (
  parts: PipelineParts,
  request: Request,
  target: Extract<RequestTarget, { _tag: "Vendor" }>,
  rawUrl: string
) => {
  const { clock } = parts
  const started = clock.currentTimeMillisUnsafe()
  const match = parts.index.find(request.method, target.url)
  const record = parts.recorder(request, rawUrl, started, { body: "", route: match?.route.path })
  const finish = (response: HttpServerResponse.HttpServerResponse) => {
    // Node marks the response destroyed when the client's connection closes before the answer is written.
    if (rawResponse(request).destroyed) {
      return Effect.as(parts.disconnected(request, target.path, record, response.status), response)
    }
    record(response.status)
    return Effect.succeed(response)
  }
  return Effect.matchCauseEffect(parts.answer(request, match, target.path), {
    onSuccess: finish,
    // `answer` fails only when the client's disconnect interrupted the handler.
    onFailure: (cause) => Effect.andThen(parts.disconnected(request, target.path, record), Effect.failCause(cause))
  })
}
