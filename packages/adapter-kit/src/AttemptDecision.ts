/**
 * What the policy makes of one attempt's outcome: the answer to hand back, a retry after a delay (and why, for the
 * log), or the call's failure. Writes are never blindly retried: GET, PUT and DELETE may be retried after a 429, a
 * 5xx, a timeout or a transport failure; a POST only after a 429 or a refused connection, and otherwise fails with
 * `VendorUnavailable{mayHaveSucceeded: true}`.
 */
import { RateLimited, VendorUnavailable } from "@contactkit/domain"
import { Duration, Effect } from "effect"
import type { HttpClientRequest, HttpClientResponse } from "effect/http"
import type { Outcome } from "./AttemptOutcome.ts"
import { isWrite } from "./ErrorMapping.ts"
import { backoff, type RetryPolicy } from "./RetryPolicy.ts"
import { excerpt, type Scrub } from "./Scrub.ts"
import { describeTransportFailure } from "./TransportFailure.ts"
import type { VendorRetryAfter } from "./VendorRetryAfter.ts"

export type Decision =
  | { readonly _tag: "Answer"; readonly response: HttpClientResponse.HttpClientResponse }
  | { readonly _tag: "Retry"; readonly delay: Duration.Duration; readonly why: string }

/** The request an outcome belongs to, as the decision needs it. */
export interface Attempt {
  readonly request: HttpClientRequest.HttpClientRequest
  /** `METHOD URL` without credentials or query, scrubbed: how errors and logs name the request. */
  readonly where: string
  /** 0 for the first attempt. */
  readonly attempt: number
}

export interface DecisionContext {
  readonly policy: RetryPolicy
  readonly timeout: Duration.Duration
  readonly scrub: Scrub
  readonly retryAfter: VendorRetryAfter
}

const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"])

const answer = (response: HttpClientResponse.HttpClientResponse): Decision => ({ _tag: "Answer", response })
const retry = (why: string) => (delay: Duration.Duration): Decision => ({ _tag: "Retry", delay, why })

export const makeDecide = (context: DecisionContext) => {
  const { policy, retryAfter, scrub, timeout } = context

  const bodyExcerpt = (response: HttpClientResponse.HttpClientResponse) =>
    response.text.pipe(
      Effect.map((text) => excerpt(text, scrub)),
      Effect.orElseSucceed(() => "")
    )

  return (
    outcome: Outcome,
    { attempt, request, where }: Attempt
  ): Effect.Effect<Decision, RateLimited | VendorUnavailable> =>
    Effect.gen(function*() {
      const method = request.method.toUpperCase()
      const idempotent = idempotentMethods.has(method)
      const mayHaveSucceeded = isWrite(request)
      const canRetry = attempt < policy.times
      switch (outcome._tag) {
        case "Response": {
          const { response } = outcome
          if (response.status === 429) {
            const delay = yield* retryAfter.fromVendor(response)
            if (canRetry && (delay === undefined || retryAfter.waitable(delay))) {
              return retry("got 429")(delay ?? (yield* backoff(policy, attempt)))
            }
            return yield* new RateLimited(delay === undefined ? {} : { retryAfter: delay })
          }
          if (response.status >= 500) {
            if (canRetry && idempotent) {
              const asked = yield* retryAfter.fromHeader(response)
              const delay = yield* backoff(policy, attempt)
              return retry(`got ${response.status}`)(
                asked !== undefined && retryAfter.waitable(asked) ? Duration.max(asked, delay) : delay
              )
            }
            const text = yield* bodyExcerpt(response)
            return yield* new VendorUnavailable({
              status: response.status,
              detail: text === "" ? `HTTP ${response.status}` : `HTTP ${response.status}: ${text}`,
              mayHaveSucceeded
            })
          }
          return answer(response)
        }
        case "Cut": {
          const status = outcome.response.status
          if (canRetry && idempotent) {
            return retry(`got ${status}, then the body broke off`)(yield* backoff(policy, attempt))
          }
          return yield* new VendorUnavailable({
            status,
            detail: `HTTP ${status}, then the connection broke before the whole body arrived`,
            mayHaveSucceeded
          })
        }
        case "Timeout": {
          if (canRetry && idempotent) return retry("timed out")(yield* backoff(policy, attempt))
          return yield* new VendorUnavailable({
            detail: `${where}: no answer within ${Duration.format(timeout)} (timed out)`,
            mayHaveSucceeded
          })
        }
        case "Failure": {
          const transport = outcome.error.reason._tag === "TransportError"
          if (canRetry && transport && (idempotent || outcome.refused)) {
            return retry("transport failure")(yield* backoff(policy, attempt))
          }
          return yield* new VendorUnavailable({
            detail: scrub(describeTransportFailure(method, request.url, outcome.error, outcome.error.message)),
            // A request that never left (refused, unencodable, bad URL) cannot have been processed.
            mayHaveSucceeded: mayHaveSucceeded && transport && !outcome.refused
          })
        }
      }
    })
}
