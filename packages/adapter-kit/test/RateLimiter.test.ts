import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, Ref } from "effect"
import { TestClock } from "effect/testing"
import { makeRateLimiter } from "../src/index.ts"

describe("RateLimiter", () => {
  it.effect("lets `limit` requests through per window and holds the next until the window slides", () =>
    Effect.gen(function*() {
      const limited = yield* makeRateLimiter({ limit: 2, window: "10 seconds" })
      const done = yield* Ref.make(0)
      const fiber = yield* Effect.forkChild(
        Effect.forEach([1, 2, 3], () => limited(Ref.update(done, (n) => n + 1)), { concurrency: "unbounded" })
      )
      yield* Effect.yieldNow
      assert.strictEqual(yield* Ref.get(done), 2)
      yield* TestClock.adjust("9 seconds")
      assert.strictEqual(yield* Ref.get(done), 2)
      yield* TestClock.adjust("1 second")
      yield* Fiber.join(fiber)
      assert.strictEqual(yield* Ref.get(done), 3)
    }))
})
