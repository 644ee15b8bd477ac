/**
 * Monica's API throttle (`RateLimiter::for('api')`, 60 requests per minute per user): a fixed window per token
 * whose counters Laravel reports on every response (`X-RateLimit-Limit`, `X-RateLimit-Remaining`) and, once
 * exceeded, answers 429 with `Retry-After` and `X-RateLimit-Reset`. It lives in the module rather than the platform
 * because the platform's limiter does not report remaining counts on successful responses.
 */
import { Clock, Effect, Ref } from "effect"

export interface RateLimitSettings {
  readonly limit: number
  readonly windowSeconds: number
}

export type Throttle =
  | { readonly _tag: "Off" }
  | { readonly _tag: "Allowed"; readonly limit: number; readonly remaining: number }
  | { readonly _tag: "Exceeded"; readonly limit: number; readonly retryAfterSeconds: number; readonly resetAt: number }

export interface MonicaRateLimiter {
  readonly hit: (key: string) => Effect.Effect<Throttle>
  /** Switches throttling on (with the given settings) or off; counters start afresh either way. */
  readonly configure: (settings: RateLimitSettings | false) => Effect.Effect<void>
  readonly settings: Effect.Effect<RateLimitSettings | false>
  readonly reset: Effect.Effect<void>
}

export const makeRateLimiter = (initial: RateLimitSettings | false): Effect.Effect<MonicaRateLimiter> =>
  Effect.gen(function*() {
    const settings = yield* Ref.make(initial)
    // token → [window start (ms), hits]
    const counters = yield* Ref.make(new Map<string, readonly [number, number]>())
    return {
      hit: (key) =>
        Effect.gen(function*() {
          const current = yield* Ref.get(settings)
          if (current === false) return { _tag: "Off" } as const
          const now = yield* Clock.currentTimeMillis
          const span = current.windowSeconds * 1000
          return yield* Ref.modify(counters, (map): readonly [Throttle, Map<string, readonly [number, number]>] => {
            const [start, hits] = map.get(key) ?? [now, 0]
            const startAt = now - start >= span ? now : start
            const used = (startAt === start ? hits : 0) + 1
            const next = new Map(map).set(key, [startAt, Math.min(used, current.limit + 1)])
            if (used > current.limit) {
              const resetMs = startAt + span
              return [{
                _tag: "Exceeded",
                limit: current.limit,
                retryAfterSeconds: Math.max(1, Math.ceil((resetMs - now) / 1000)),
                resetAt: Math.ceil(resetMs / 1000)
              }, next]
            }
            return [{ _tag: "Allowed", limit: current.limit, remaining: current.limit - used }, next]
          })
        }),
      configure: (next) => Effect.andThen(Ref.set(settings, next), Ref.set(counters, new Map())),
      settings: Ref.get(settings),
      reset: Ref.set(counters, new Map())
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
