/**
 * Deskpro's per-API-key limit: an admin may cap each key at so many requests an hour or a day, and a key past its
 * cap gets 429 until the window turns (API reference, "API Key Limits"). No limit is set by default, as on a new
 * key; set one with `PUT /__admin/deskpro/rate-limit {"limit": 100, "windowSeconds": 3600}` (or
 * `{"enabled": false}`), or embed `makeDeskpro({ rateLimit: … })`. Deskpro documents no rate-limit headers.
 */
import { makeSwitchableLimit, type SwitchableLimit } from "@contactkit/mock-platform"
import { Effect } from "effect"

export interface KeyLimit {
  readonly limit: number
  readonly windowSeconds: number
}

export interface KeyLimiter extends Omit<SwitchableLimit<KeyLimit, boolean>, "hit"> {
  /** Counts one request of this key; false when the key is over its limit. */
  readonly allow: (key: string) => Effect.Effect<boolean>
}

export const makeKeyLimiter = (initial: KeyLimit | false): Effect.Effect<KeyLimiter> =>
  Effect.map(
    // Only authenticated keys are counted (the route checks the key first).
    makeSwitchableLimit(
      initial,
      true,
      (counters, key, limit: KeyLimit, now) => counters.hit(key, limit.windowSeconds * 1000, now).used <= limit.limit
    ),
    ({ hit, ...rest }): KeyLimiter => ({ allow: hit, ...rest })
  )
