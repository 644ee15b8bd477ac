/**
 * A client-side rate limiter set from a vendor's documented limits (say, 30 requests to
 * one endpoint per 30 s), so a bulk listing slows itself down instead of collecting 429s.
 * A sliding window over `Clock`, so tests drive it with `TestClock`.
 */
import { Clock, Duration, Effect, Ref, Semaphore } from "effect"

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
    const windowMillis = Duration.toMillis(rateLimit.window)
    const limit = Math.max(1, rateLimit.limit)
    const starts = yield* Ref.make<ReadonlyArray<number>>([])
    // One waiter at a time decides its start, so the window is never overbooked.
    const gate = yield* Semaphore.make(1)
    const admit: Effect.Effect<void> = Effect.gen(function*() {
      const now = yield* Clock.currentTimeMillis
      const recent = (yield* Ref.get(starts)).filter((t) => t > now - windowMillis)
      if (recent.length < limit) {
        yield* Ref.set(starts, [...recent, now])
        return
      }
      yield* Ref.set(starts, recent)
      yield* Effect.sleep(Duration.millis(recent[0]! + windowMillis - now))
      yield* admit
    })
    const admitOne = Semaphore.withPermits(gate, 1)(admit)
    return <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.andThen(admitOne, effect)
  })

/** No limit: every request starts at once. */
export const unlimited: RateLimiter = (effect) => effect
