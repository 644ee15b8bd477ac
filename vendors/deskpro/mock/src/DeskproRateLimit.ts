/**
 * Deskpro's per-API-key limit: an admin may cap each key at so many requests an hour or a day, and a key past its
 * cap gets 429 until the window turns (API reference, "API Key Limits"). No limit is set by default, as on a new
 * key; set one with `PUT /__admin/deskpro/rate-limit {"limit": 100, "windowSeconds": 3600}` (or
 * `{"enabled": false}`), or embed `makeDeskpro({ rateLimit: … })`. Deskpro documents no rate-limit headers.
 */
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
    // key → [window start (ms), requests]
    const counters = yield* Ref.make(new Map<string, readonly [number, number]>())
    return {
      allow: (key) =>
        Effect.gen(function*() {
          const current = yield* Ref.get(settings)
          if (current === false) return true
          const now = yield* Clock.currentTimeMillis
          return yield* Ref.modify(counters, (map) => {
            const [start, used] = map.get(key) ?? [now, 0]
            const fresh = now - start >= current.windowSeconds * 1000
            const count = (fresh ? 0 : used) + 1
            return [
              count <= current.limit,
              new Map(map).set(key, [fresh ? now : start, Math.min(count, current.limit + 1)])
            ]
          })
        }),
      configure: (limit) => Effect.andThen(Ref.set(settings, limit), Ref.set(counters, new Map())),
      settings: Ref.get(settings),
      reset: Ref.set(counters, new Map())
    }
  })
