/**
 * Deskpro's per-API-key limit: an admin may cap each key at so many requests an hour or a day, and a key past its
 * cap gets 429 until the window turns (API reference, "API Key Limits"). No limit is set by default, as on a new
 * key; set one with `PUT /__admin/deskpro/rate-limit {"limit": 100, "windowSeconds": 3600}` (or
 * `{"enabled": false}`), or embed `makeDeskpro({ rateLimit: … })`. Deskpro documents no rate-limit headers.
 */
import { makeWindowCounters } from "@contactkit/mock-platform"
import { Clock, Effect, Ref } from "effect"

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

export const makeKeyLimiter = (initial: KeyLimit | false): Effect.Effect<KeyLimiter> =>
  Effect.gen(function*() {
    const settings = yield* Ref.make(initial)
    // Only authenticated keys are counted (the route checks the key first), each updated in place.
    const counters = makeWindowCounters()
    return {
      allow: (key) =>
        Effect.gen(function*() {
          const current = yield* Ref.get(settings)
          if (current === false) return true
          const now = yield* Clock.currentTimeMillis
          return counters.hit(key, current.windowSeconds * 1000, now).used <= current.limit
        }),
      configure: (limit) => Effect.andThen(Ref.set(settings, limit), Effect.sync(counters.clear)),
      settings: Ref.get(settings),
      reset: Effect.sync(counters.clear)
    }
  })
