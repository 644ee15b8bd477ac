/**
 * Monica's API throttle (`RateLimiter::for('api')`, 60 requests per minute per user): a fixed window per token
 * whose counters Laravel reports on every response (`X-RateLimit-Limit`, `X-RateLimit-Remaining`) and, once
 * exceeded, answers 429 with `Retry-After` and `X-RateLimit-Reset`. It lives in the module rather than the platform
 * because the platform's limiter does not report remaining counts on successful responses; its counters are the
 * platform's bounded `WindowCounters`.
 */
import { makeWindowCounters } from "@contactkit/mock-platform"
import { Clock, Effect } from "effect"

export interface RateLimitSettings {
  readonly limit: number
  readonly windowSeconds: number
}

export type Throttle =
  | { readonly _tag: "Off" }
  | { readonly _tag: "Allowed"; readonly limit: number; readonly remaining: number }
  | { readonly _tag: "Exceeded"; readonly limit: number; readonly retryAfterSeconds: number; readonly resetAt: number }

export interface MonicaRateLimiter {
  /** Counts one request of an authenticated token; unauthenticated requests are never counted (no state per junk token). */
  readonly hit: (key: string) => Effect.Effect<Throttle>
  /** Switches throttling on (with the given settings) or off; counters start afresh either way. */
  readonly configure: (settings: RateLimitSettings | false) => Effect.Effect<void>
  readonly settings: Effect.Effect<RateLimitSettings | false>
  readonly reset: Effect.Effect<void>
  /** How many tokens have a counter now. */
  readonly trackedKeys: Effect.Effect<number>
}

const off: Effect.Effect<Throttle> = Effect.succeed({ _tag: "Off" })

export const makeRateLimiter = (initial: RateLimitSettings | false): Effect.Effect<MonicaRateLimiter> =>
  Effect.sync(() => {
    // Read on every request: a plain variable, so a request with throttling off costs one shared effect.
    let current = initial
    // Bounded, updated in place: idle tokens are forgotten, and only known tokens are ever counted (see `hit`).
    const counters = makeWindowCounters()
    const count = (key: string, settings: RateLimitSettings) =>
      Effect.map(Clock.currentTimeMillis, (now): Throttle => {
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
    return {
      hit: (key) => Effect.suspend(() => (current === false ? off : count(key, current))),
      configure: (next) =>
        Effect.sync(() => {
          current = next
          counters.clear()
        }),
      settings: Effect.sync(() => current),
      reset: Effect.sync(() => counters.clear()),
      trackedKeys: Effect.sync(() => counters.size())
    }
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
