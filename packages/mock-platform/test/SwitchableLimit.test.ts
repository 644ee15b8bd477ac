import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { TestClock } from "effect/testing"
import { makeSwitchableLimit } from "../src/SwitchableLimit.ts"

/** Counts requests per key in windows of `windowMs`; answers how many this window has seen. */
const makeCounting = (initial: { windowMs: number } | false) =>
  makeSwitchableLimit<{ windowMs: number }, number | "off">(
    initial,
    "off",
    (counters, key, settings, now) => counters.hit(key, settings.windowMs, now).used
  )

describe("makeSwitchableLimit", () => {
  it.effect("answers off and counts nothing while no settings are set", () =>
    Effect.gen(function*() {
      const limit = yield* makeCounting(false)
      assert.strictEqual(yield* limit.hit("a"), "off")
      assert.strictEqual(yield* limit.hit("a"), "off")
      assert.strictEqual(yield* limit.trackedKeys, 0)
      assert.strictEqual(yield* limit.settings, false)
    }))

  it.effect("counts per key within a window, by the clock", () =>
    Effect.gen(function*() {
      const limit = yield* makeCounting({ windowMs: 1000 })
      assert.deepStrictEqual([yield* limit.hit("a"), yield* limit.hit("a"), yield* limit.hit("b")], [1, 2, 1])
      assert.strictEqual(yield* limit.trackedKeys, 2)
      yield* TestClock.adjust("1 second")
      assert.strictEqual(yield* limit.hit("a"), 1)
    }))

  it.effect("configure switches on and off and starts the counts afresh; reset only clears them", () =>
    Effect.gen(function*() {
      const limit = yield* makeCounting(false)
      yield* limit.configure({ windowMs: 60_000 })
      assert.deepStrictEqual(yield* limit.settings, { windowMs: 60_000 })
      assert.deepStrictEqual([yield* limit.hit("a"), yield* limit.hit("a")], [1, 2])
      yield* limit.configure({ windowMs: 60_000 })
      assert.strictEqual(yield* limit.hit("a"), 1)
      yield* limit.reset
      assert.strictEqual(yield* limit.trackedKeys, 0)
      assert.strictEqual(yield* limit.hit("a"), 1)
      yield* limit.configure(false)
      assert.strictEqual(yield* limit.hit("a"), "off")
      assert.strictEqual(yield* limit.trackedKeys, 0)
    }))
})
