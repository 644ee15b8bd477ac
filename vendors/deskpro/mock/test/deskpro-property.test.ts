import { layer as mockLayer } from "@contactkit/mock-platform"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import * as fc from "fast-check"
import { contactDataTypes, instantMessageServices } from "../src/DeskproContactData.ts"
import { deskpro } from "../src/index.ts"
import { call, keyA, keyB, people } from "./support.ts"

const junk = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 })
)
const badEmail = fc.oneof(
  fc.constantFrom("", "a@", "@b.c", "a b@c.d", "plain"),
  fc.string({ maxLength: 8 }).filter((s) => !s.includes("@"))
)
// Each body has at least one certain fault, so none of them can be a valid write.
const badBody = fc.oneof(
  fc.record({ primary_email: badEmail, first_name: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }) }),
  fc.record({
    contact_data: fc.record({
      instant_message: fc.array(
        fc.record({
          service: fc.string({ maxLength: 8 }).filter((s) =>
            !(instantMessageServices as ReadonlyArray<string>).includes(s)
          ),
          username: fc.string({ minLength: 1, maxLength: 8 })
        }),
        { minLength: 1, maxLength: 2 }
      )
    })
  }),
  fc.record({
    contact_data: fc.dictionary(
      fc.string({ maxLength: 8 }).filter((k) => !(contactDataTypes as ReadonlyArray<string>).includes(k)),
      junk,
      { minKeys: 1, maxKeys: 2 }
    )
  }),
  fc.record({ emails: fc.array(badEmail, { minLength: 1, maxLength: 2 }) }),
  fc.record({ first_name: fc.oneof(fc.integer(), fc.boolean(), fc.string({ minLength: 256, maxLength: 300 })) }),
  fc.record({
    phone_numbers: fc.array(fc.oneof(junk, fc.record({ label: fc.string() })), { minLength: 1, maxLength: 2 }).filter((
      list
    ) => list.some((p) => typeof p !== "object" || p === null || Array.isArray(p) || !("number" in p)))
  }),
  fc.record({ nickname: junk }),
  fc.string({ maxLength: 20 }).filter((s) => {
    try {
      JSON.parse(s)
      return false
    } catch {
      return true
    }
  }),
  junk.filter((value) => typeof value !== "object" || value === null || Array.isArray(value))
)
const request = fc.record({
  method: fc.constantFrom("POST", "PUT"),
  path: fc.oneof(fc.constant(people), fc.constantFrom("1", "2", "4", "999", "abc").map((id) => `${people}/${id}`)),
  body: badBody
})

const snapshot = Effect.gen(function*() {
  const a = yield* call("GET", `${people}?count=200`, keyA)
  const b = yield* call("GET", `${people}?count=200`, keyB)
  return [a.json.data, b.json.data]
})

const text = fc.string({ minLength: 1, maxLength: 40 })
const recordOf = (type: typeof contactDataTypes[number]): fc.Arbitrary<Record<string, unknown>> => {
  switch (type) {
    case "address":
      return fc.record({ address: text, city: text, state: text, zip: text, comment: text }, {
        requiredKeys: ["address"]
      })
    case "website":
    case "linked_in":
    case "facebook":
      return fc.record({ url: text, comment: text }, { requiredKeys: ["url"] })
    case "instant_message":
      return fc.record({ service: fc.constantFrom(...instantMessageServices), username: text, comment: text }, {
        requiredKeys: ["service", "username"]
      })
    case "twitter":
      return fc.record({ username: text, display_feed: fc.boolean(), comment: text }, { requiredKeys: ["username"] })
    case "instagram":
      return fc.record({ username: text, instagram_id: text, comment: text }, { requiredKeys: ["username"] })
    default:
      return fc.record({ username: text, comment: text }, { requiredKeys: ["username"] })
  }
}
const contactData: fc.Arbitrary<Record<string, ReadonlyArray<Record<string, unknown>> | undefined>> = fc.record(
  Object.fromEntries(contactDataTypes.map((type) => [type, fc.array(recordOf(type), { maxLength: 2 })])),
  { requiredKeys: [] }
)

layer(mockLayer(deskpro, { port: 0 }))("Deskpro mock, for all inputs", (it) => {
  it.effect("bad input never gets a 5xx and never changes what the next GET returns", () =>
    Effect.gen(function*() {
      const before = yield* snapshot
      for (const sample of fc.sample(request, { numRuns: 200, seed: 4030 })) {
        const reply = yield* call(sample.method, sample.path, keyA, { body: sample.body })
        const where = `${sample.method} ${sample.path} ${JSON.stringify(sample.body)}`
        assert.isBelow(reply.status, 500, where)
        assert.isAtLeast(reply.status, 400, where)
        // 405: POST on a person, Deskpro's old update verb.
        assert.include([400, 404, 405], reply.status, where)
      }
      assert.deepStrictEqual(yield* snapshot, before)
    }))

  it.effect("every contact-data record written reads back with its values, in the order written, each with an id", () =>
    Effect.gen(function*() {
      for (const [i, data] of fc.sample(contactData, { numRuns: 40, seed: 9 }).entries()) {
        const created = yield* call("POST", people, keyA, { body: { first_name: `P${i}`, contact_data: data } })
        assert.strictEqual(created.status, 201, JSON.stringify(data))
        const read: Array<Record<string, unknown>> =
          (yield* call("GET", `${people}/${created.json.data.id}`, keyA)).json.data.contact_data
        const sent = Object.entries(data).flatMap(([type, list]) => (list ?? []).map((r) => ({ type, r })))
        assert.strictEqual(read.length, sent.length)
        sent.forEach(({ r, type }, j) => {
          assert.strictEqual(read[j]!["contact_type"], type)
          assert.deepInclude(read[j]!, r)
          assert.isNumber(read[j]!["id"])
        })
        assert.strictEqual(new Set(read.map((r) => r["id"])).size, read.length)
      }
    }))
})
