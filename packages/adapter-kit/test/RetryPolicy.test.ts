/**
 * The backoff is Effect's jittered exponential `Schedule`, bounded as the policy says: for every attempt and policy,
 * a delay lies between 0.8 of the nominal `base * 2^n` (or `max`, when that is smaller) and `max`. `Retry-After`
 * is read by Effect's parser: seconds, or an HTTP date counted from `Clock`.
 */
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { backoff, parseRetryAfter } from "../src/index.ts"

describe("backoff", () => {
  it("stays within 0.8 of the nominal delay and never passes max, for every attempt", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.nat(12),
        (base, max, n) => {
          const delay = Duration.toMillis(
            Effect.runSync(backoff({ times: 20, base, max, maxRetryAfter: "1 minute" }, n))
          )
          const nominal = Math.min(base * 2 ** n, max)
          return delay <= max && delay >= Math.min(0.8 * base * 2 ** n, max) - 1e-6 && delay <= nominal * 1.2 + 1e-6
        }
      )
    )
  })

  it("grows with the attempt until max holds it", () => {
    const policy = { times: 5, base: "100 millis", max: "1 second", maxRetryAfter: "1 minute" } as const
    const delays = [0, 1, 2, 3, 4, 5].map((n) => Duration.toMillis(Effect.runSync(backoff(policy, n))))
    assert.isAtMost(delays[0]!, 120)
    assert.isAtLeast(delays[3]!, 640)
    assert.deepStrictEqual(delays.slice(4), [1000, 1000])
  })
})

describe("parseRetryAfter", () => {
  it.effect("reads seconds and HTTP dates, and nothing else", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.UTC(2026, 0, 1, 0, 0, 0))
      assert.deepStrictEqual(yield* parseRetryAfter("11"), Duration.seconds(11))
      assert.strictEqual(Duration.toMillis((yield* parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT"))!), 30_000)
      assert.strictEqual(Duration.toMillis((yield* parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT"))!), 0)
      assert.isUndefined(yield* parseRetryAfter("soon"))
      assert.isUndefined(yield* parseRetryAfter(undefined))
    }))
})
