import { layer as mockLayer } from "@contactkit/mock-platform"
import { call } from "@contactkit/mock-platform/testing"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import * as fc from "fast-check"
import { makeMonica } from "../src/index.ts"

// Malformed and out-of-range requests: wrong types, oversize values, unknown and foreign ids, odd query strings.
const junk = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 })
)
const id = fc.oneof(fc.constantFrom("1", "4", "5", "7", "0", "-1", "999", "abc", "1.5", "%20"), fc.nat().map(String))
// Field 6 belongs to an archived contact, 7 and 8 to account 2; the rest exist nowhere or are not ids.
const foreignOrMissing = fc.oneof(
  fc.constantFrom("6", "7", "8", "0", "-1", "999", "abc", "1.5", "%20"),
  fc.integer({ min: 1000 }).map(String)
)
const request = fc.oneof(
  fc.record({
    method: fc.constantFrom("POST", "PUT"),
    path: fc.oneof(fc.constant("/api/contactfields"), id.map((i) => `/api/contactfields/${i}`)),
    body: fc.oneof(
      fc.record(
        {
          contact_id: junk,
          contact_field_type_id: junk,
          data: fc.oneof(junk, fc.string({ minLength: 256, maxLength: 300 })),
          labels: junk
        },
        { requiredKeys: [] }
      ),
      fc.string({ maxLength: 20 })
    )
  }),
  fc.record({
    method: fc.constant("DELETE"),
    path: foreignOrMissing.map((i) => `/api/contactfields/${i}`),
    body: fc.constant(undefined)
  }),
  fc.record({
    method: fc.constant("GET"),
    path: fc.tuple(fc.constantFrom("/api/contacts", "/api/contactfieldtypes"), fc.string({ maxLength: 8 }))
      .map(([path, value]) => `${path}?limit=${encodeURIComponent(value)}&sort=${encodeURIComponent(value)}`),
    body: fc.constant(undefined)
  })
)

// Reads the visible state of both accounts, so any change shows up as a difference.
const snapshot = Effect.gen(function*() {
  const parts: Array<unknown> = []
  for (const token of ["monica-token-a", "monica-token-b"]) {
    for (const contact of [1, 2, 3, 4, 5, 6]) {
      const reply = yield* call("GET", `/api/contacts/${contact}/contactfields?limit=100`, { token })
      parts.push(reply.status, reply.json?.data)
    }
  }
  return parts
})

layer(mockLayer(makeMonica({ rateLimit: false }), { port: 0 }))("Monica mock under bad input", (it) => {
  it.effect("never answers 5xx and never changes what the next GET returns", () =>
    Effect.gen(function*() {
      const before = yield* snapshot
      const samples = fc.sample(request, { numRuns: 150, seed: 4020 })
      for (const sample of samples) {
        const reply = yield* call(sample.method, sample.path, {
          token: "monica-token-a",
          ...(sample.body === undefined ? {} : { body: sample.body })
        })
        assert.isBelow(reply.status, 500, `${sample.method} ${sample.path} ${JSON.stringify(sample.body)}`)
        if (reply.status < 300 && sample.method !== "GET") {
          // A sample that happens to be valid is not bad input; undo nothing, just say so and stop comparing.
          assert.fail(`valid write slipped into the bad-input sample: ${sample.method} ${sample.path} ${reply.text}`)
        }
      }
      assert.deepStrictEqual(yield* snapshot, before)
    }))
})
