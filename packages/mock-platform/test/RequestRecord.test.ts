/**
 * The request path records requests raw and the log formats them when read (RequestLog.record). Whatever was
 * recorded, and however raw records and formatted entries are mixed, listed at any moment and wrapped around the
 * ring, the log lists exactly what appending each request formatted (as the pipeline did before) lists — byte for
 * byte as the admin API serialises it.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as fc from "fast-check"
import { formatRecord, makeRequestLog, type RequestRecord } from "../src/RequestLog.ts"

const name = fc.constantFrom("Authorization", "x-api-key", "Cookie", "accept", "X-Token", "x-trace", "API_KEY", "q")
const value = fc.stringMatching(/^[a-z0-9 %=&+]{0,8}$/u)
const pairs = fc.array(fc.tuple(name, value), { maxLength: 4 }).map((list) =>
  list.map(([n, v]) => `${n}=${v}`).join("&")
)
const body = fc.oneof(
  fc.constant(""),
  pairs,
  fc.json(),
  fc.tuple(pairs, fc.integer({ min: 9_990, max: 10_010 })).map(([form, size]) => form + "&" + "x".repeat(size))
)
const record: fc.Arbitrary<RequestRecord> = fc.record({
  startedMillis: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  method: fc.constantFrom("GET", "POST", "DELETE"),
  url: fc.tuple(fc.constantFrom("/a", "/a/1", "/%zz"), fc.option(pairs)).map(([p, q]) => q === null ? p : `${p}?${q}`),
  headers: fc.dictionary(name, fc.oneof(value, fc.array(value, { maxLength: 2 }))),
  body,
  status: fc.constantFrom(0, 200, 404, 499),
  durationMs: fc.nat(100),
  route: fc.option(fc.constant("/a/:id"), { nil: undefined }),
  fault: fc.option(fc.constant("latency"), { nil: undefined }),
  unsentStatus: fc.option(fc.constant(201), { nil: undefined })
})

// Each step: a request recorded raw or appended formatted, then maybe a look at the log.
const step = fc.record({ record, raw: fc.boolean(), list: fc.boolean() })

describe("RequestLog.record", () => {
  it("lists what appending the formatted entries lists, for any records, mixes and listings", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.nat(1_100), (steps, filler) => {
        Effect.runSync(Effect.gen(function*() {
          const lazy = yield* makeRequestLog
          const eager = yield* makeRequestLog
          // Enough requests first that the ring may wrap while the steps run.
          const plain = { ...formatRecord({ ...emptyRecord, url: "/filler" }) }
          for (let n = 0; n < filler; n++) {
            yield* lazy.append(plain)
            yield* eager.append(plain)
          }
          for (const { list, raw, record } of steps) {
            if (raw) lazy.record(record)
            else yield* lazy.append(formatRecord(record))
            yield* eager.append(formatRecord(record))
            if (list) assert.strictEqual(JSON.stringify(yield* lazy.list), JSON.stringify(yield* eager.list))
          }
          assert.strictEqual(JSON.stringify(yield* lazy.list), JSON.stringify(yield* eager.list))
        }))
      }),
      { numRuns: 120 }
    )
  })

  it.effect("formats a raw record when read: ISO time, secrets redacted, optional fields only when set", () =>
    Effect.gen(function*() {
      const log = yield* makeRequestLog
      log.record({
        ...emptyRecord,
        startedMillis: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
        url: "/a?api_key=k&q=1",
        headers: { Authorization: "Bearer t", accept: ["a", "b"] },
        body: "password=p&x=1",
        route: "/a"
      })
      assert.deepStrictEqual(yield* log.list, [{
        time: "2026-01-02T03:04:05.006Z",
        method: "GET",
        url: "/a?api_key=[REDACTED]&q=1",
        headers: { Authorization: "[REDACTED]", accept: "a, b" },
        body: "password=[REDACTED]&x=1",
        status: 200,
        durationMs: 0,
        route: "/a",
        id: 1
      }])
    }))
})

const emptyRecord: RequestRecord = {
  startedMillis: 0,
  method: "GET",
  url: "/",
  headers: {},
  body: "",
  status: 200,
  durationMs: 0
}
