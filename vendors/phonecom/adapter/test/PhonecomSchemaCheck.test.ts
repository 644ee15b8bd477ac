/**
 * The hand-written check of a listing page (`isPhonecomList`, which lets the client skip the schema's decoder) never
 * accepts what the schema refuses, over valid pages and pages with any one value replaced by any JSON value; and it
 * accepts every well-formed page, so the fast path is the one taken.
 */
import { acceptsEveryWellFormed, neverAcceptsWhatTheSchemaRefuses } from "@contactkit/adapter-kit/testing"
import { assert, describe, it } from "@effect/vitest"
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

const options = { check: isPhonecomList, schema: PhonecomList, wellFormed: page }

describe("isPhonecomList", () => {
  it("accepts every well-formed page", () => {
    acceptsEveryWellFormed(options)
  })

  it("never accepts a page the schema refuses, whatever one value is replaced with", () => {
    neverAcceptsWhatTheSchemaRefuses(options)
  })

  it("refuses what the schema refuses on its own: a missing id, a number as text, a present undefined", () => {
    assert.isFalse(isPhonecomList({ items: [{ first_name: "Ada" }] }))
    assert.isFalse(isPhonecomList({ items: [{ id: 1, first_name: 7 }] }))
    assert.isFalse(isPhonecomList({ items: [{ id: 1, first_name: undefined }] }))
    assert.isFalse(isPhonecomList({ items: [{ id: 1, emails: [{ type: "primary" }] }] }))
    assert.isFalse(isPhonecomList({ items: {} }))
  })
})
