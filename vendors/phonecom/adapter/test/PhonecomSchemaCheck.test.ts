/**
 * The hand-written check of a listing page (`isPhonecomList`, which lets the client skip the schema's decoder) never
 * accepts what the schema refuses, over valid pages and pages with any one value replaced by any JSON value; and it
 * accepts every well-formed page, so the fast path is the one taken.
 */
import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import * as fc from "fast-check"
import { isPhonecomList, PhonecomList } from "../src/PhonecomSchema.ts"

const text = fc.option(fc.string({ maxLength: 8 }), { nil: null })
const optionalKeys = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T) =>
  fc.record(model, { requiredKeys: [] })

const email = fc.record({ email: fc.string({ maxLength: 8 }), type: text }, { requiredKeys: ["email"] })
const phone = fc.record({ number: fc.string({ maxLength: 8 }), type: text, normalized: text }, {
  requiredKeys: ["number"]
})
const address = optionalKeys({ type: text, street: text, city: text, state: text, zip: text, country: text })
const contact = fc.record({
  id: fc.integer(),
  prefix: text,
  first_name: text,
  last_name: text,
  company: text,
  job_title: text,
  emails: fc.option(fc.array(email, { maxLength: 2 }), { nil: null }),
  phone_numbers: fc.option(fc.array(phone, { maxLength: 2 }), { nil: null }),
  addresses: fc.option(fc.array(address, { maxLength: 2 }), { nil: null }),
  group: fc.option(fc.record({ id: fc.integer(), name: text }, { requiredKeys: ["id"] }), { nil: null }),
  created_at: fc.option(fc.integer({ min: 0 }), { nil: null }),
  updated_at: fc.option(fc.integer({ min: 0 }), { nil: null })
}, { requiredKeys: ["id"] })
const page = fc.record({
  total: fc.option(fc.nat(), { nil: null }),
  offset: fc.option(fc.nat(), { nil: null }),
  limit: fc.nat(),
  items: fc.array(contact, { maxLength: 3 })
}, { requiredKeys: ["items"] })

/** Every path to a value inside `value` (objects and arrays), the root included. */
const paths = (value: unknown, at: ReadonlyArray<string | number> = []): Array<ReadonlyArray<string | number>> => {
  const inner = typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([key, child]) => paths(child, [...at, Array.isArray(value) ? Number(key) : key]))
    : []
  return [at, ...inner]
}

const replaced = (value: unknown, path: ReadonlyArray<string | number>, by: unknown): unknown => {
  if (path.length === 0) return by
  const [head, ...rest] = path
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) }
  copy[head!] = replaced(copy[head!], rest, by)
  return copy
}

const schemaAccepts = Schema.is(PhonecomList)

describe("isPhonecomList", () => {
  it("accepts every well-formed page", () => {
    fc.assert(fc.property(page, (p) => {
      assert.isTrue(schemaAccepts(p))
      assert.isTrue(isPhonecomList(p))
    }))
  })

  it("never accepts a page the schema refuses, whatever one value is replaced with", () => {
    fc.assert(
      fc.property(
        page.chain((p) => fc.tuple(fc.constant(p), fc.constantFrom(...paths(p)), fc.jsonValue({ maxDepth: 2 }))),
        ([p, path, by]) => {
          const broken = replaced(p, path, by)
          if (isPhonecomList(broken)) assert.isTrue(schemaAccepts(broken), JSON.stringify(broken))
        }
      ),
      { numRuns: 2_000 }
    )
  })

  it("refuses what the schema refuses on its own: a missing id, a number as text, a present undefined", () => {
    assert.isFalse(isPhonecomList({ items: [{ first_name: "Ada" }] }))
    assert.isFalse(isPhonecomList({ items: [{ id: 1, first_name: 7 }] }))
    assert.isFalse(isPhonecomList({ items: [{ id: 1, first_name: undefined }] }))
    assert.isFalse(isPhonecomList({ items: [{ id: 1, emails: [{ type: "primary" }] }] }))
    assert.isFalse(isPhonecomList({ items: {} }))
  })
})
