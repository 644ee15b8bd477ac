/**
 * Monica's API throttle (`RateLimiter::for('api')`, 60 requests per minute per user): a fixed window per token
 * whose counters Laravel reports on every response (`X-RateLimit-Limit`, `X-RateLimit-Remaining`) and, once
 * exceeded, answers 429 with `Retry-After` and `X-RateLimit-Reset`. It lives in the module rather than the platform
 * because the platform's limiter does not report remaining counts on successful responses; its counters are the
 * platform's bounded `WindowCounters`.
 */
import { makeSwitchableLimit, type SwitchableLimit } from "@contactkit/mock-platform"
import type { Effect } from "effect"

export interface RateLimitSettings {
  readonly limit: number
  readonly windowSeconds: number
}

export type Throttle =
  | { readonly _tag: "Off" }
  | { readonly _tag: "Allowed"; readonly limit: number; readonly remaining: number }
  | { readonly _tag: "Exceeded"; readonly limit: number; readonly retryAfterSeconds: number; readonly resetAt: number }

/**
 * `hit` counts one request of an authenticated token; unauthenticated requests are never counted (no state per junk
 * token), and idle tokens are forgotten (the counters are bounded).
 */
export type MonicaRateLimiter = SwitchableLimit<RateLimitSettings, Throttle>

export const makeRateLimiter = (initial: RateLimitSettings | false): Effect.Effect<MonicaRateLimiter> =>
  makeSwitchableLimit(initial, { _tag: "Off" }, (counters, key, settings: RateLimitSettings, now): Throttle => {
    const span = settings.windowSeconds * 1000
    const { startAt, used } = counters.hit(key, span, now)
    if (used > settings.limit) {
      const resetMs = startAt + span
      return {
        _tag: "Exceeded",
        limit: settings.limit,
        retryAfterSeconds: Math.max(1, Math.ceil((resetMs - now) / 1000)),
        resetAt: Math.ceil(resetMs / 1000)
      }
    }
    return { _tag: "Allowed", limit: settings.limit, remaining: settings.limit - used }
  })

/** The headers Laravel's `ThrottleRequests` adds to an allowed response. */
export const allowedHeaders = (throttle: Throttle): Record<string, string> =>
  throttle._tag === "Allowed"
    ? { "x-ratelimit-limit": String(throttle.limit), "x-ratelimit-remaining": String(throttle.remaining) }
    : {}

/** The headers of a throttled (429) response. */
export const exceededHeaders = (limit: number, retryAfterSeconds: number, resetAt: number): Record<string, string> => ({
  "retry-after": String(retryAfterSeconds),
  "x-ratelimit-reset": String(resetAt),
  "x-ratelimit-limit": String(limit),
  "x-ratelimit-remaining": "0"
})
