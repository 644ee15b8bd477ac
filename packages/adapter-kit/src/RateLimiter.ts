/**
 * A client-side rate limiter set from a vendor's documented limits (say, 30 requests to
 * one endpoint per 30 s), so a bulk listing slows itself down instead of collecting 429s.
 * It is Effect's own `RateLimiter` (`effect/persistence`) over its in-memory store, one per client: each request
 * takes a slot in a fixed window (the first request opens it) and waits, when the window is full, for the window
 * its slot falls in — so a window is never overbooked. It reads `Clock`, so tests drive it with `TestClock`.
 */
import { Duration, Effect } from "effect"
import { RateLimiter as EffectRateLimiter } from "effect/persistence"

export interface RateLimit {
  /** At most this many requests… */
  readonly limit: number
  /** …in any window of this length. */
  readonly window: Duration.Input
}

/** Wraps an effect so it starts only when the window has room for it. */
export type RateLimiter = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>

export const makeRateLimiter = (rateLimit: RateLimit): Effect.Effect<RateLimiter> =>
  Effect.gen(function*() {
    const limiter = yield* EffectRateLimiter.make.pipe(Effect.provide(EffectRateLimiter.layerStoreMemory))
    const slot = limiter.consume({
      key: "requests",
      algorithm: "fixed-window",
      onExceeded: "delay",
      limit: Math.max(1, rateLimit.limit),
      window: Duration.fromInputUnsafe(rateLimit.window)
    }).pipe(
      Effect.flatMap(({ delay }) => Duration.isZero(delay) ? Effect.void : Effect.sleep(delay)),
      // The in-memory store cannot fail; "delay" never refuses a slot.
      Effect.orDie
    )
    return <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.andThen(slot, effect)
  })

/** No limit: every request starts at once. */
export const unlimited: RateLimiter = (effect) => effect
