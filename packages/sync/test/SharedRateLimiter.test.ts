/**
 * The shared limiter on the embedded store, under TestClock: two limiters over one database (two runners) taking
 * slots for one credential at once never start two requests closer than the limit's spacing, so no window holds
 * more than the limit; another credential is not held up; limits read as written.
 */
import { assert, describe, it, layer } from "@effect/vitest"
import { Clock, Duration, Effect, Fiber, Layer, Ref } from "effect"
import { TestClock } from "effect/testing"
import * as NodeSqliteClient from "../src/NodeSqliteClient.ts"
import { make, parseRateLimit, spacingOf } from "../src/SharedRateLimiter.ts"
import { migrate } from "../src/SyncTables.ts"

const database = Layer.effectDiscard(migrate).pipe(
  Layer.provideMerge(NodeSqliteClient.layer({ filename: ":memory:" })),
  Layer.orDie
)

const limit = { limit: 5, window: Duration.seconds(1) }

describe("parseRateLimit", () => {
  it("reads a count over a window", () => {
    assert.deepStrictEqual(parseRateLimit("100/10s"), { limit: 100, window: Duration.seconds(10) })
    assert.deepStrictEqual(parseRateLimit("60/1m"), { limit: 60, window: Duration.minutes(1) })
    assert.deepStrictEqual(parseRateLimit("5 / s"), { limit: 5, window: Duration.seconds(1) })
    assert.isUndefined(parseRateLimit("fast"))
    assert.isUndefined(parseRateLimit("10/10 parsecs"))
  })
})

layer(database)("SharedRateLimiter", (it) => {
  it.effect("two limiters on one database space one credential's requests by the limit, together", () =>
    Effect.gen(function*() {
      const first = yield* make
      const second = yield* make
      const starts = yield* Ref.make<ReadonlyArray<number>>([])
      const request = (limiter: typeof first) =>
        Effect.andThen(
          limiter.take("vendor@shared", limit),
          Effect.flatMap(Clock.currentTimeMillis, (now) => Ref.update(starts, (all) => [...all, now]))
        )
      const fiber = yield* Effect.forkChild(
        Effect.all([...Array(8)].flatMap(() => [request(first), request(second)]), { concurrency: "unbounded" })
      )
      yield* TestClock.adjust("10 seconds")
      yield* Fiber.join(fiber)
      const times = [...(yield* Ref.get(starts))].sort((a, b) => a - b)
      assert.strictEqual(times.length, 16)
      const spacing = spacingOf(limit)
      for (let i = 1; i < times.length; i++) assert.isAtLeast(times[i]! - times[i - 1]!, Math.floor(spacing))
      // No window of the limit's length holds more than the limit.
      for (let i = 0; i < times.length; i++) {
        assert.isAtMost(times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length, limit.limit)
      }
      // The last started about 15 spacings after the first: the limiter did not wait longer than it must.
      assert.isAtMost(times[15]! - times[0]!, Math.ceil(15 * spacing) + 15)
    }))

  it.effect("another credential's requests are not held up", () =>
    Effect.gen(function*() {
      const limiter = yield* make
      yield* Effect.forkChild(Effect.all([...Array(10)].map(() => limiter.take("vendor@busy", limit))))
      const before = yield* Clock.currentTimeMillis
      yield* limiter.take("vendor@quiet", limit)
      assert.strictEqual((yield* Clock.currentTimeMillis) - before, 0)
    }))
})
