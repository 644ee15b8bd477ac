/**
 * The shared limiter on the embedded store, under TestClock: two limiters over one database (two runners) taking
 * slots for one credential at once never start two requests closer than the limit's spacing, so no window holds
 * more than the limit, at any pace; requests of one runner that wait together reserve their slots in one
 * statement, none unused; another credential is not held up; limits read as written. A runner that has a
 * credential to itself reserves growing windows, so it asks the database far less often than once a request, and
 * never waits longer than a spacing more than the limit makes it.
 */
import { assert, describe, it, layer } from "@effect/vitest"
import { Clock, Deferred, Duration, Effect, Fiber, Layer, Ref } from "effect"
import { SqlClient } from "effect/sql"
import { TestClock } from "effect/testing"
import fc from "fast-check"
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

  it.effect("requests of one runner waiting together reserve their slots in one statement, one slot each", () =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const limiter = yield* make
      const changes = sql<{ readonly n: number }>`SELECT total_changes() AS n`.pipe(
        Effect.map((rows) => Number(rows[0]?.n))
      )
      const before = yield* changes
      // The database is busy (another statement holds the connection) while five requests come in: the first
      // reserves for itself, the four queued behind it reserve together (a block holds at most a second of slots:
      // four at this limit's spacing).
      const busy = yield* Deferred.make<void>()
      const holder = yield* Effect.forkChild(sql.withTransaction(Deferred.await(busy)))
      yield* Effect.yieldNow
      const starts: Array<number> = []
      const fiber = yield* Effect.forkChild(
        Effect.all(
          Array.from({ length: 5 }, () =>
            Effect.andThen(
              limiter.take("vendor@together", limit),
              Effect.map(Clock.currentTimeMillis, (now) => void starts.push(now))
            )),
          { concurrency: "unbounded" }
        )
      )
      // Let every request come in and queue before the database is free again.
      for (let i = 0; i < 10; i++) yield* Effect.yieldNow
      yield* Deferred.succeed(busy, undefined)
      yield* Fiber.join(holder)
      yield* TestClock.adjust("10 seconds")
      yield* Fiber.join(fiber)
      assert.strictEqual((yield* changes) - before, 2, "two reservations for five requests")
      starts.sort((a, b) => a - b)
      const spacing = spacingOf(limit)
      for (let i = 1; i < starts.length; i++) assert.isAtLeast(starts[i]! - starts[i - 1]!, Math.floor(spacing))
      // No slot was reserved that no request used: the fifth started four spacings after the first.
      assert.strictEqual(starts.length, 5)
      assert.isAtMost(starts[4]! - starts[0]!, Math.ceil(4 * spacing) + 4)
    }))

  it.effect("two limiters sending at any pace never start two requests within a spacing", () =>
    Effect.gen(function*() {
      const context = yield* Effect.context<SqlClient.SqlClient>()
      const spacing = spacingOf(limit)
      let run = 0
      // Each limiter sends requests one after another, pausing before each as generated (up to a few spacings).
      const paceArb = fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 12 })
      const property = (paces: ReadonlyArray<ReadonlyArray<number>>) =>
        Effect.gen(function*() {
          const key = `vendor@paced${++run}`
          const starts: Array<number> = []
          const sender = (pauses: ReadonlyArray<number>) =>
            Effect.flatMap(make, (limiter) =>
              Effect.forEach(pauses, (pause) =>
                Effect.sleep(Duration.millis(pause)).pipe(
                  Effect.andThen(limiter.take(key, limit)),
                  Effect.andThen(Effect.map(Clock.currentTimeMillis, (now) => void starts.push(now)))
                ), { discard: true }))
          const fiber = yield* Effect.forkChild(Effect.all(paces.map(sender), { concurrency: "unbounded" }))
          yield* TestClock.adjust("60 seconds")
          yield* Fiber.join(fiber)
          starts.sort((a, b) => a - b)
          assert.strictEqual(starts.length, paces.flat().length)
          for (let i = 1; i < starts.length; i++) assert.isAtLeast(starts[i]! - starts[i - 1]!, Math.floor(spacing))
        }).pipe(Effect.provide(TestClock.layer()), Effect.provide(context))
      yield* Effect.promise(() =>
        fc.assert(fc.asyncProperty(fc.tuple(paceArb, paceArb), (paces) => Effect.runPromise(property(paces))), {
          numRuns: 60
        })
      )
    }))

  // A limit whose windows may hold 16 slots (a spacing of about 22 ms).
  const fast = { limit: 50, window: Duration.seconds(1) }
  const reservations = Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{ readonly n: number }>`SELECT total_changes() AS n`
    return Number(rows[0]?.n)
  })

  it.effect("a runner sending back to back asks the database once a window, the windows doubling up to 16 slots", () =>
    Effect.gen(function*() {
      const limiter = yield* make
      const before = yield* reservations
      const starts: Array<number> = []
      const fiber = yield* Effect.forkChild(
        Effect.forEach(
          Array.from({ length: 64 }),
          () =>
            Effect.andThen(
              limiter.take("vendor@steady", fast),
              Effect.map(Clock.currentTimeMillis, (now) => void starts.push(now))
            ),
          { discard: true }
        )
      )
      yield* TestClock.adjust("10 seconds")
      yield* Fiber.join(fiber)
      // Windows of 1, 2, 4, 8, 16, 16, 16 and 16 slots hold the 64 requests: eight statements, not 64.
      assert.strictEqual((yield* reservations) - before, 8)
      const spacing = spacingOf(fast)
      for (let i = 1; i < starts.length; i++) assert.isAtLeast(starts[i]! - starts[i - 1]!, Math.floor(spacing))
      assert.isAtMost(starts[63]! - starts[0]!, Math.ceil(63 * spacing) + 63)
    }))

  it.effect("a runner alone at any pace reserves at most once a request and waits at most a spacing past the limit", () =>
    Effect.gen(function*() {
      const context = yield* Effect.context<SqlClient.SqlClient>()
      const spacing = spacingOf(fast)
      let run = 0
      const property = (pauses: ReadonlyArray<number>) =>
        Effect.gen(function*() {
          const key = `vendor@alone${++run}`
          const limiter = yield* make
          const before = yield* reservations
          const starts: Array<number> = []
          const waits: Array<number> = []
          const fiber = yield* Effect.forkChild(Effect.forEach(pauses, (pause) =>
            Effect.gen(function*() {
              yield* Effect.sleep(Duration.millis(pause))
              const arrived = yield* Clock.currentTimeMillis
              yield* limiter.take(key, fast)
              const now = yield* Clock.currentTimeMillis
              // How much later than the limit alone requires: the arrival, or a spacing after the last start.
              waits.push(now - Math.max(arrived, (starts.at(-1) ?? -Infinity) + spacing))
              starts.push(now)
            }), { discard: true }))
          yield* TestClock.adjust("60 seconds")
          yield* Fiber.join(fiber)
          assert.strictEqual(starts.length, pauses.length)
          assert.isAtMost((yield* reservations) - before, pauses.length)
          for (let i = 1; i < starts.length; i++) assert.isAtLeast(starts[i]! - starts[i - 1]!, Math.floor(spacing))
          for (const wait of waits) assert.isAtMost(wait, Math.ceil(spacing) + 1)
        }).pipe(Effect.provide(TestClock.layer()), Effect.provide(context))
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(
            fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 40 }),
            (pauses) => Effect.runPromise(property(pauses))
          ),
          { numRuns: 60 }
        )
      )
    }))
})
