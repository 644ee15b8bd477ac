/**
 * The time box a write activity runs in, for all inputs (items that take generated times, any start, concurrency,
 * budget and cap), on the test clock: what comes back is the outcomes of consecutive items from the start, each in
 * its place, at least one when any is left; every item started was finished and none twice; none but the first
 * started once the budget had passed; never more in flight than the concurrency; and a stretch ends before the cap
 * or the list only because its budget ran out.
 */
import { assert, describe, it } from "@effect/vitest"
import { Clock, Effect, Fiber } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { timeBoxed } from "../src/TimeBoxed.ts"

const caseArb = fc.record({
  durations: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }),
  fromShare: fc.double({ min: 0, max: 1, noNaN: true }),
  concurrency: fc.integer({ min: 1, max: 6 }),
  budgetMs: fc.integer({ min: 0, max: 120 }),
  max: fc.integer({ min: 1, max: 40 })
})

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never

interface Started {
  readonly index: number
  readonly at: number
  ended?: number
}

const runCase = ({ budgetMs, concurrency, durations, fromShare, max }: Case) =>
  Effect.gen(function*() {
    const from = Math.floor(fromShare * durations.length)
    const began = yield* Clock.currentTimeMillis
    const started: Array<Started> = []
    let inFlight = 0
    let mostInFlight = 0
    const fiber = yield* timeBoxed({
      items: durations,
      from,
      concurrency,
      budgetMs,
      max,
      run: (duration, index) =>
        Effect.gen(function*() {
          const entry: Started = { index, at: yield* Clock.currentTimeMillis }
          started.push(entry)
          inFlight++
          mostInFlight = Math.max(mostInFlight, inFlight)
          yield* Effect.sleep(duration)
          inFlight--
          entry.ended = yield* Clock.currentTimeMillis
          return `outcome ${index}`
        })
    }).pipe(Effect.forkChild)
    yield* TestClock.adjust(durations.reduce((sum, d) => sum + d, 0) + 1_000)
    const outcomes = yield* Fiber.join(fiber)

    const left = durations.length - from
    if (left === 0) assert.deepStrictEqual(outcomes, [])
    else assert.isAtLeast(outcomes.length, 1)
    assert.isAtMost(outcomes.length, max)
    assert.deepStrictEqual(outcomes, Array.from({ length: outcomes.length }, (_, j) => `outcome ${from + j}`))
    assert.deepStrictEqual(
      started.map((entry) => entry.index).sort((a, b) => a - b),
      Array.from({ length: outcomes.length }, (_, j) => from + j),
      "every item returned was started once, and only those"
    )
    for (const entry of started) {
      assert.isDefined(entry.ended, `item ${entry.index} was finished`)
      if (entry.index !== from) assert.isBelow(entry.at - began, budgetMs, `item ${entry.index} started in time`)
    }
    assert.isAtMost(mostInFlight, concurrency)
    if (outcomes.length < Math.min(left, max)) {
      const lastEnd = Math.max(...started.map((entry) => entry.ended!))
      assert.isAtLeast(lastEnd - began, budgetMs, "a stretch cut short had used its budget")
    }
  }).pipe(Effect.provide(TestClock.layer()))

describe("timeBoxed", () => {
  it("returns consecutive outcomes, starts nothing late, never runs more than its concurrency", () =>
    fc.assert(fc.asyncProperty(caseArb, (testCase) => Effect.runPromise(runCase(testCase))), { numRuns: 300 }))

  it("with quick items and room in the budget, takes them all up to the cap", () =>
    Effect.runPromise(
      runCase({ durations: Array.from({ length: 20 }, () => 1), fromShare: 0, concurrency: 4, budgetMs: 100, max: 12 })
    ))
})
