/**
 * Optional enforcement of a vendor's documented rate limits (fixed windows per credential, optionally per route),
 * turned on with `layer(module, { rateLimit: true })`. Off by default so tests and conformance runs are not
 * throttled; faults of kind `rateLimit` give a 429 on demand without it.
 *
 * Only requests carrying one of the vendor's known credentials are counted (an unauthenticated request creates no
 * state: the vendor refuses it anyway), per route *pattern* rather than concrete path, in bounded counters.
 */
import { Clock, Effect } from "effect"
import type { RateLimitWindow } from "./VendorModule.ts"
import { makeWindowCounters } from "./WindowCounters.ts"

export interface Throttled {
  readonly limit: number
  readonly retryAfterSeconds: number
  readonly resetAt: number
}

export interface RateLimiter {
  /**
   * Counts one request of `credential` (a known tenant credential, or undefined for none) to `route` (its route
   * pattern); answers how it is throttled, or undefined when it may proceed.
   */
  readonly hit: (credential: string | undefined, route: string) => Effect.Effect<Throttled | undefined>
  /** Whether any window is enforced: when not, `hit` never throttles and a caller may skip it (and its key). */
  readonly enabled: boolean
  readonly reset: Effect.Effect<void>
  /** How many counters are held (for tests of the bound). */
  readonly size: Effect.Effect<number>
}

export const makeRateLimiter = (
  windows: ReadonlyArray<RateLimitWindow>,
  options: { readonly maxKeys?: number } = {}
): Effect.Effect<RateLimiter> =>
  Effect.sync(() => {
    const counters = makeWindowCounters(options)
    return {
      enabled: windows.length > 0,
      hit: (credential, route) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          Effect.sync(() => {
            if (credential === undefined) return undefined
            let throttled: Throttled | undefined
            windows.forEach((window, index) => {
              const span = window.windowSeconds * 1000
              const { startAt, used } = counters.hit(
                `${index}|${credential}|${window.perRoute ? route : ""}`,
                span,
                now
              )
              if (used > window.limit && throttled === undefined) {
                const resetMs = startAt + span
                throttled = {
                  limit: window.limit,
                  retryAfterSeconds: Math.max(1, Math.ceil((resetMs - now) / 1000)),
                  resetAt: Math.ceil(resetMs / 1000)
                }
              }
            })
            return throttled
          })),
      reset: Effect.sync(() => counters.clear()),
      size: Effect.sync(() => counters.size())
    }
  })
