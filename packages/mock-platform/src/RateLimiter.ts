/**
 * Optional enforcement of a vendor's documented rate limits (fixed windows per credential, optionally per route),
 * turned on with `layer(module, { rateLimit: true })`. Off by default so tests and conformance runs are not
 * throttled; faults of kind `rateLimit` give a 429 on demand without it.
 */
import { Clock, Effect, Ref } from "effect"
import type { RateLimitWindow } from "./VendorModule.ts"

export interface Throttled {
  readonly limit: number
  readonly retryAfterSeconds: number
  readonly resetAt: number
}

export interface RateLimiter {
  /** Counts one request; answers how it is throttled, or undefined when it may proceed. */
  readonly hit: (credential: string, route: string) => Effect.Effect<Throttled | undefined>
  readonly reset: Effect.Effect<void>
}

export const makeRateLimiter = (windows: ReadonlyArray<RateLimitWindow>): Effect.Effect<RateLimiter> =>
  Effect.gen(function*() {
    // key → [window start (ms), count]
    const counters = yield* Ref.make(new Map<string, readonly [number, number]>())
    return {
      hit: (credential, route) =>
        Effect.gen(function*() {
          const now = yield* Clock.currentTimeMillis
          return yield* Ref.modify(counters, (current) => {
            const next = new Map(current)
            let throttled: Throttled | undefined
            windows.forEach((window, index) => {
              const key = `${index}|${credential}|${window.perRoute ? route : ""}`
              const span = window.windowSeconds * 1000
              const [start, count] = next.get(key) ?? [now, 0]
              const fresh = now - start >= span
              const startAt = fresh ? now : start
              const used = (fresh ? 0 : count) + 1
              next.set(key, [startAt, used])
              if (used > window.limit && throttled === undefined) {
                const resetMs = startAt + span
                throttled = {
                  limit: window.limit,
                  retryAfterSeconds: Math.max(1, Math.ceil((resetMs - now) / 1000)),
                  resetAt: Math.ceil(resetMs / 1000)
                }
              }
            })
            return [throttled, next] as const
          })
        }),
      reset: Ref.set(counters, new Map())
    }
  })
