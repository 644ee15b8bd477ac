import { layer as mockLayer } from "@contactkit/mock-platform"
import type { CallOptions } from "@contactkit/mock-platform/testing"
import { call } from "@contactkit/mock-platform/testing"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import fc from "fast-check"
import { phonecom } from "../src/index.ts"
import { contactsA, groupsA, tokenA } from "./support.ts"

const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.string({ minLength: 256, maxLength: 400 })
)

/** A body that breaks at least one documented rule, so it must be rejected without any change. */
const invalidContact = fc.oneof(
  fc.record({ emails: fc.array(fc.record({ email: fc.string({ minLength: 1 }) }), { minLength: 3, maxLength: 6 }) }),
  fc.record({
    phone_numbers: fc.array(fc.record({ number: fc.string({ minLength: 1 }) }), { minLength: 6, maxLength: 9 })
  }),
  fc.record({ emails: fc.constant([{ type: "primary" }]) }),
  fc.record({
    phone_numbers: fc.tuple(
      fc.string(),
      fc.string().filter((s) => !["home", "business", "mobile", "fax", "pager"].includes(s))
    ).map(([number, type]) => [{ number: number || "1", type }])
  }),
  fc.record({ first_name: fc.oneof(fc.integer(), fc.boolean(), fc.string({ minLength: 256, maxLength: 300 })) }),
  fc.record({ emails: fc.oneof(fc.string(), fc.integer(), fc.constant({})) }),
  fc.record({
    group: fc.oneof(fc.constant({ id: 999_999 }), fc.constant({ name: "no such group" }), fc.string(), fc.integer())
  }),
  fc.record({ addresses: fc.constant([{ type: "office" }]) }),
  fc.oneof(fc.array(junk), fc.string(), fc.integer(), fc.constant(null)).map((body) => JSON.stringify(body))
)

const badRequest = fc.oneof(
  invalidContact.map((body) => ["POST", contactsA, { token: tokenA, body }] as const),
  invalidContact.map((body) => ["PUT", `${contactsA}/1`, { token: tokenA, body }] as const),
  fc.string().map((text) => ["POST", contactsA, { token: tokenA, body: `{${text}` }] as const),
  fc.string().map((text) =>
    ["POST", contactsA, { token: tokenA, body: `x${text}`, headers: { "content-type": "text/plain" } }] as const
  ),
  fc.oneof(fc.integer({ min: 501 }), fc.integer({ max: 0 }), fc.string()).map((limit) =>
    ["GET", `${contactsA}?limit=${encodeURIComponent(String(limit))}`, { token: tokenA }] as const
  ),
  fc.integer({ max: -1 }).map((offset) => ["GET", `${contactsA}?offset=${offset}`, { token: tokenA }] as const),
  fc.stringMatching(/^[a-z-]{1,12}$/).filter((op) =>
    !["eq", "ne", "lt", "gt", "lte", "gte", "contains", "between"].includes(op) && !op.includes("with") &&
    !op.startsWith("not-")
  )
    .map((op) => ["GET", `${contactsA}?filters[id]=${op}:1`, { token: tokenA }] as const),
  fc.oneof(fc.string(), fc.integer({ min: 1_000_000_000 }), fc.double()).map((id) =>
    ["DELETE", `${contactsA}/${encodeURIComponent(String(id))}`, { token: tokenA }] as const
  ),
  fc.oneof(fc.string(), fc.integer()).map((id) =>
    ["DELETE", `${groupsA}/${encodeURIComponent(String(id) + "x")}`, { token: tokenA }] as const
  ),
  fc.string().map((token) => ["DELETE", `${contactsA}/1`, { token: `${token}-x` }] as const),
  fc.string({ maxLength: 20 }).map((name) =>
    ["POST", groupsA, { token: tokenA, body: { name: name === "" ? null : 42 } }] as const
  )
)

layer(mockLayer(phonecom, { port: 0 }))("Phone.com mock under bad input", (it) => {
  it.effect("never answers 5xx and never changes what the list returns", () =>
    Effect.gen(function*() {
      const list = () => call("GET", `${contactsA}?limit=500`, { token: tokenA })
      const groups = () => call("GET", `${groupsA}?limit=500`, { token: tokenA })
      const before = yield* list()
      const groupsBefore = yield* groups()
      const samples = fc.sample(badRequest, { numRuns: 100, seed: 4010 })
      for (const [method, path, options] of samples) {
        const reply = yield* call(method, path, options as CallOptions)
        assert.isBelow(reply.status, 500, `${method} ${path} → ${reply.status} ${reply.text}`)
        assert.isAtLeast(reply.status, 400, `${method} ${path} → ${reply.status} ${reply.text}`)
        assert.isObject(reply.json?.["@error"], `${method} ${path}: ${reply.text}`)
        const after = yield* list()
        assert.deepStrictEqual(after.json, before.json, `${method} ${path} changed the list`)
      }
      assert.deepStrictEqual((yield* groups()).json, groupsBefore.json)
    }), { timeout: 60_000 })
})
