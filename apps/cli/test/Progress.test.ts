/**
 * Progress while nothing completes: the rate is that of the last ten seconds, refreshed on a timer, so it falls
 * while an adapter waits (a vendor's rate limit) and then says "waiting"; off a terminal a line is written only
 * when its text changes. Driven by the TestClock; the expected lines are worked out by hand.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { type Captured, layerCapture } from "../src/Output.ts"
import { describeProgress, track } from "../src/Progress.ts"
import { makeSlidingWindow } from "../src/SlidingWindow.ts"

const ticks = (tick: Effect.Effect<void>, n: number) => Effect.repeat(tick, { times: n - 1 })

describe("progress over time", () => {
  it.effect("the rate falls while nothing completes, then says waiting, and picks up again", () =>
    Effect.gen(function*() {
      const captured: Captured = { stdout: [], stderr: [] }
      yield* Effect.gen(function*() {
        const progress = yield* track("copying", 100, false)
        yield* TestClock.adjust("1 second")
        yield* ticks(progress.tick, 20) // 20 done at 1 s
        yield* TestClock.adjust("4 seconds") // 5 s: 20 in the 5 s so far
        yield* TestClock.adjust("5 seconds") // 10 s: the same 20 over the whole 10 s window
        yield* TestClock.adjust("5 seconds") // 15 s: none after 5 s
        yield* TestClock.adjust("5 seconds") // 20 s: still none, the same text, no new line
        yield* ticks(progress.tick, 10) // 10 more at 20 s
        yield* TestClock.adjust("5 seconds") // 25 s: 10 in the window after 15 s
        yield* progress.stop
        yield* TestClock.adjust("10 seconds") // stopped: nothing more
      }).pipe(Effect.provide(layerCapture(captured)))
      assert.deepStrictEqual(captured.stderr, [
        "copying: 20 of 100 contacts, 4.0/s, about 20 s left\n",
        "copying: 20 of 100 contacts, 2.0/s, about 40 s left\n",
        "copying: 20 of 100 contacts, waiting\n",
        "copying: 30 of 100 contacts, 1.0/s, about 70 s left\n"
      ])
      assert.deepStrictEqual(captured.stdout, [])
    }))

  it.effect("without a total it says the count and waiting, never a time left", () =>
    Effect.gen(function*() {
      const captured: Captured = { stdout: [], stderr: [] }
      yield* Effect.gen(function*() {
        yield* track("listing acme", undefined, false)
        yield* TestClock.adjust("5 seconds")
      }).pipe(Effect.provide(layerCapture(captured)))
      assert.deepStrictEqual(captured.stderr, ["listing acme: 0 contacts, waiting\n"])
    }))

  it.effect("under --quiet nothing is written, however long it runs", () =>
    Effect.gen(function*() {
      const captured: Captured = { stdout: [], stderr: [] }
      yield* Effect.gen(function*() {
        const progress = yield* track("copying", 10, true)
        yield* ticks(progress.tick, 3)
        yield* TestClock.adjust("1 minute")
      }).pipe(Effect.provide(layerCapture(captured)))
      assert.deepStrictEqual(captured.stderr, [])
    }))

  it("describes a measured time with nothing done as waiting, an unmeasured one not at all", () => {
    assert.strictEqual(describeProgress("copying", 40, 100, 10_000, 0), "copying: 40 of 100 contacts, waiting")
    assert.strictEqual(
      describeProgress("copying", 40, 100, 10_000, 25),
      "copying: 40 of 100 contacts, 2.5/s, about 24 s left"
    )
    assert.strictEqual(describeProgress("copying", 40, 100, 0, 0), "copying: 40 of 100 contacts")
  })
})

describe("sliding window", () => {
  // A timeline of completions and questions, in time order, against a count done by hand over every time recorded.
  const event = fc.record({ gap: fc.nat({ max: 3_000 }), record: fc.boolean() })

  it("counts exactly the completions after now minus the window, up to now", () =>
    fc.assert(
      fc.property(fc.nat({ max: 1_000 }), fc.integer({ min: 1, max: 12_000 }), fc.array(event, { maxLength: 400 }), (
        startedAt,
        windowMillis,
        events
      ) => {
        const window = makeSlidingWindow(windowMillis, startedAt)
        const recorded: Array<number> = []
        let now = startedAt
        for (const { gap, record } of events) {
          now += gap
          if (record) {
            window.record(now)
            recorded.push(now)
            continue
          }
          const expected = recorded.filter((at) => at > now - windowMillis).length
          assert.deepStrictEqual(window.recent(now), {
            count: expected,
            millis: Math.min(windowMillis, now - startedAt)
          })
        }
      })
    ))

  it("still counts right after dropping more than a thousand old completions", () => {
    const window = makeSlidingWindow(1_000, 0)
    for (let at = 1; at <= 5_000; at++) window.record(at)
    assert.deepStrictEqual(window.recent(5_000), { count: 1_000, millis: 1_000 })
    for (let at = 5_001; at <= 5_010; at++) window.record(at)
    assert.deepStrictEqual(window.recent(5_010), { count: 1_000, millis: 1_000 })
    assert.deepStrictEqual(window.recent(7_000), { count: 0, millis: 1_000 })
  })
})
