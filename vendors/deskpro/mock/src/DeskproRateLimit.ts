/**
 * Deskpro's per-API-key limit: an admin may cap each key at so many requests an hour or a day, and a key past its
 * cap gets 429 until the window turns (API reference, "API Key Limits"). No limit is set by default, as on a new
 * key; set one with `PUT /__admin/deskpro/rate-limit {"limit": 100, "windowSeconds": 3600}` (or
 * `{"enabled": false}`), or embed `makeDeskpro({ rateLimit: … })`. Deskpro documents no rate-limit headers.
 */
import { makeWindowCounters } from "@contactkit/mock-platform"
import { Clock, Effect } from "effect"

export interface KeyLimit {
  readonly limit: number
  readonly windowSeconds: number
}

export interface KeyLimiter {
  /** Counts one request of this key; false when the key is over its limit. */
  readonly allow: (key: string) => Effect.Effect<boolean>
  /** Sets the limit (or none); counters start afresh. */
  readonly configure: (limit: KeyLimit | false) => Effect.Effect<void>
  readonly settings: Effect.Effect<KeyLimit | false>
  readonly reset: Effect.Effect<void>
}

const allowed = Effect.succeed(true)

export const makeKeyLimiter = (initial: KeyLimit | false): Effect.Effect<KeyLimiter> =>
  Effect.sync(() => {
    // Read on every request: a plain variable, so a request with no limit set costs one shared effect.
    let current = initial
    // Only authenticated keys are counted (the route checks the key first), each updated in place.
    const counters = makeWindowCounters()
    const count = (key: string, limit: KeyLimit) =>
      Effect.map(
        Clock.currentTimeMillis,
        (now) => counters.hit(key, limit.windowSeconds * 1000, now).used <= limit.limit
      )
    return {
      allow: (key) => Effect.suspend(() => (current === false ? allowed : count(key, current))),
      configure: (limit) =>
        Effect.sync(() => {
          current = limit
          counters.clear()
        }),
      settings: Effect.sync(() => current),
      reset: Effect.sync(counters.clear)
    }
  })
