/**
 * Deskpro's optional API rate limit (`core.api_rate_limit` requests per `core.api_rate_limit_interval` seconds, per
 * API key; `ApiKey::getRateLimitInfo`): a fixed window whose `reset_stamp` is set by the first request in it. When
 * the helpdesk has a limit, every answer after authentication carries `X-RateLimit-Limit`, `-Remaining` and
 * `-Reset`; over the limit the answer is 429 `rate_limit_exceeded`, and there is no `Retry-After`. Off by default,
 * as on a Deskpro installation; the module's options or `PUT /__admin/deskpro-legacy/rate-limit` turn it on.
 */
import { Clock, Effect, Ref } from "effect"

export interface RateLimitSettings {
  readonly limit: number
  readonly intervalSeconds: number
}

export type Throttle =
  | { readonly _tag: "Off" }
  | { readonly _tag: "Allowed"; readonly limit: number; readonly remaining: number; readonly resetAt: number }
  | { readonly _tag: "Exceeded"; readonly limit: number; readonly resetAt: number }

export interface LegacyRateLimiter {
  readonly hit: (key: string) => Effect.Effect<Throttle>
  /** Switches the limit on (with these settings) or off; counts start afresh either way. */
  readonly configure: (settings: RateLimitSettings | false) => Effect.Effect<void>
  readonly settings: Effect.Effect<RateLimitSettings | false>
  readonly reset: Effect.Effect<void>
}

export const makeRateLimiter = (initial: RateLimitSettings | false): Effect.Effect<LegacyRateLimiter> =>
  Effect.gen(function*() {
    const settings = yield* Ref.make(initial)
    // key → [reset stamp (Unix seconds), hits]
    const counters = yield* Ref.make(new Map<string, readonly [number, number]>())
    return {
      hit: (key) =>
        Effect.gen(function*() {
          const current = yield* Ref.get(settings)
          if (current === false) return { _tag: "Off" } as const
          const now = Math.floor((yield* Clock.currentTimeMillis) / 1000)
          return yield* Ref.modify(counters, (map): readonly [Throttle, Map<string, readonly [number, number]>] => {
            const [stamp, hits] = map.get(key) ?? [0, 0]
            const [resetAt, used] = stamp <= now ? [now + current.intervalSeconds, 0] : [stamp, hits]
            if (used >= current.limit) {
              return [{ _tag: "Exceeded", limit: current.limit, resetAt }, new Map(map).set(key, [resetAt, used])]
            }
            const next = new Map(map).set(key, [resetAt, used + 1])
            return [{ _tag: "Allowed", limit: current.limit, remaining: current.limit - used - 1, resetAt }, next]
          })
        }),
      configure: (next) => Effect.andThen(Ref.set(settings, next), Ref.set(counters, new Map())),
      settings: Ref.get(settings),
      reset: Ref.set(counters, new Map())
    }
  })

/** The three headers, on every answer while a limit is set (remaining is 0 on a 429). */
export const rateLimitHeaders = (throttle: Throttle): Record<string, string> =>
  throttle._tag === "Off" ? {} : {
    "x-ratelimit-limit": String(throttle.limit),
    "x-ratelimit-remaining": String(throttle._tag === "Allowed" ? throttle.remaining : 0),
    "x-ratelimit-reset": String(throttle.resetAt)
  }
