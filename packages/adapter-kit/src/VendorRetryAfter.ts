/**
 * How long a vendor asks to be left alone, read from its answer: `Retry-After`, else a reset header holding the
 * Unix time the limit resets (`X-RateLimit-Reset` style, by `Clock`), else for a 429 the vendor's own hint in the
 * body. And whether a wait is one the retry policy is willing to honour.
 */
import { Clock, Duration, Effect, Option } from "effect"
import { Headers, type HttpClientResponse } from "effect/http"
import { parseRetryAfter, type RetryPolicy } from "./RetryPolicy.ts"

export interface RetryAfterOptions {
  /** A header holding the Unix time (seconds) at which a 429's limit resets, read when there is no `Retry-After`. */
  readonly resetHeader?: string | undefined
  /** Reads a retry delay from a 429 body, for vendors that put it there rather than in `Retry-After`. */
  readonly retryAfterHint?: ((body: unknown) => Duration.Duration | undefined) | undefined
}

export interface VendorRetryAfter {
  /** `Retry-After` alone (what a 5xx is read for). */
  readonly fromHeader: (response: HttpClientResponse.HttpClientResponse) => Effect.Effect<Duration.Duration | undefined>
  /** The header's delay, else the reset header's, else the vendor's hint in the body (what a 429 is read for). */
  readonly fromVendor: (response: HttpClientResponse.HttpClientResponse) => Effect.Effect<Duration.Duration | undefined>
  /** A wait the policy is willing to honour. */
  readonly waitable: (delay: Duration.Duration) => boolean
}

export const makeRetryAfter = (options: RetryAfterOptions, policy: RetryPolicy): VendorRetryAfter => {
  const fromHeader = (response: HttpClientResponse.HttpClientResponse) =>
    parseRetryAfter(Option.getOrUndefined(Headers.get(response.headers, "retry-after")))

  /** Until the time a reset header names, when the vendor sends one (never negative). */
  const fromReset = (response: HttpClientResponse.HttpClientResponse) =>
    Effect.gen(function*() {
      const text = options.resetHeader === undefined
        ? undefined
        : Option.getOrUndefined(Headers.get(response.headers, options.resetHeader))
      const reset = text === undefined || !/^\s*\d+\s*$/u.test(text) ? undefined : Number(text) * 1000
      if (reset === undefined) return undefined
      return Duration.millis(Math.max(0, reset - (yield* Clock.currentTimeMillis)))
    })

  const fromVendor = (response: HttpClientResponse.HttpClientResponse) =>
    Effect.gen(function*() {
      const header = (yield* fromHeader(response)) ?? (yield* fromReset(response))
      if (header !== undefined || options.retryAfterHint === undefined) return header
      const hint = options.retryAfterHint
      return yield* response.json.pipe(
        Effect.map((body) => hint(body)),
        Effect.orElseSucceed(() => undefined)
      )
    })

  const waitable = (delay: Duration.Duration) => Duration.toMillis(delay) <= Duration.toMillis(policy.maxRetryAfter)

  return { fromHeader, fromVendor, waitable }
}
