/**
 * The client-side limiter (Effect's fixed-window `RateLimiter`) never overbooks a window: in a burst of requests,
 * request i starts at the beginning of window floor(i / limit), for every limit and burst size tried, on
 * `TestClock`; and requests that come after a quiet window start at once.
 */
import { assert, describe, it } from "@effect/vitest"
import { Clock, Effect, Fiber } from "effect"
import { TestClock } from "effect/testing"
import { makeRateLimiter } from "../src/index.ts"

const burst = (limit: number, count: number, windowMillis: number) =>
  Effect.gen(function*() {
    const limited = yield* makeRateLimiter({ limit, window: windowMillis })
    const starts: Array<number> = []
    const fiber = yield* Effect.forkChild(
      Effect.forEach(
        Array.from({ length: count }, (_, i) => i),
        (i) => limited(Effect.map(Clock.currentTimeMillis, (now) => (starts[i] = now))),
        { concurrency: 1 }
      )
    )
    for (let w = 0; w <= Math.ceil(count / limit); w++) yield* TestClock.adjust(windowMillis)
    yield* Fiber.join(fiber)
    return starts
  })

describe("RateLimiter windows", () => {
  for (const [limit, count] of [[1, 4], [2, 5], [3, 9], [5, 12], [30, 61]] as const) {
    it.effect(`limit ${limit}, ${count} requests: request i starts in window floor(i / ${limit})`, () =>
      Effect.gen(function*() {
        const starts = yield* burst(limit, count, 1_000)
        assert.deepStrictEqual(starts, Array.from({ length: count }, (_, i) => Math.floor(i / limit) * 1_000))
      }))
  }

  it.effect("after a quiet window, a request starts at once", () =>
    Effect.gen(function*() {
      const limited = yield* makeRateLimiter({ limit: 2, window: "10 seconds" })
      yield* limited(Effect.void)
      yield* limited(Effect.void)
      yield* TestClock.adjust("25 seconds")
      const before = yield* Clock.currentTimeMillis
      const started = yield* limited(Clock.currentTimeMillis)
      assert.strictEqual(started, before)
    }))
})
