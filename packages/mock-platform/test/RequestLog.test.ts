/**
 * The request log is a ring of the last 1,000 requests: appending past the bound drops the oldest, listing gives the
 * kept entries oldest first with their ids, clearing empties it, and secrets are redacted on the way in.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as fc from "fast-check"
import { makeRequestLog, redactHeaders } from "../src/RequestLog.ts"

const entry = (n: number) => ({
  time: "2026-01-01T00:00:00.000Z",
  method: "GET",
  url: `/items/${n}`,
  headers: {},
  body: "",
  status: 200,
  durationMs: 0
})

describe("RequestLog", () => {
  it("keeps the last 1,000 requests, oldest first, for any number appended", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_600 }), (count) => {
        const ids = Effect.runSync(Effect.gen(function*() {
          const log = yield* makeRequestLog
          for (let n = 1; n <= count; n++) yield* log.append(entry(n))
          return (yield* log.list).map((logged) => [logged.id, logged.url] as const)
        }))
        const kept = Math.min(count, 1000)
        assert.strictEqual(ids.length, kept)
        ids.forEach(([id, url], i) => {
          assert.strictEqual(id, count - kept + 1 + i)
          assert.strictEqual(url, `/items/${count - kept + 1 + i}`)
        })
      }),
      { numRuns: 25 }
    )
  })

  it.effect("clear empties the ring; ids go on counting", () =>
    Effect.gen(function*() {
      const log = yield* makeRequestLog
      for (let n = 1; n <= 1_200; n++) yield* log.append(entry(n))
      yield* log.clear
      assert.deepStrictEqual(yield* log.list, [])
      yield* log.append(entry(1))
      assert.deepStrictEqual((yield* log.list).map((logged) => logged.id), [1_201])
    }))

  it("redacts secret headers whatever their case, also the second time a name is seen", () => {
    for (let i = 0; i < 2; i++) {
      assert.deepStrictEqual(
        redactHeaders({ Authorization: "Bearer x", "X-Api-Key": "k", accept: "application/json" }),
        { Authorization: "[REDACTED]", "X-Api-Key": "[REDACTED]", accept: "application/json" }
      )
    }
  })
})
