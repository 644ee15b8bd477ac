/**
 * The hand-written check of a listing page (`isDeskproPeoplePage`, which lets the client skip the schema's decoder)
 * never accepts what the schema refuses, over valid pages and pages with any one value replaced by any JSON value;
 * and it accepts every well-formed page, contact data as an array or keyed by type, so the fast path is the one taken.
 */
import { acceptsEveryWellFormed, neverAcceptsWhatTheSchemaRefuses } from "@contactkit/adapter-kit/testing"
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { DeskproPeoplePage, isDeskproPeoplePage } from "../src/DeskproSchema.ts"

const text = fc.option(fc.string({ maxLength: 6 }), { nil: null })
const record = fc.record({
  id: fc.integer(),
  contact_type: fc.string({ maxLength: 6 }),
  comment: text,
  url: text,
  username: text,
  display_feed: fc.option(fc.boolean(), { nil: null })
}, { requiredKeys: [] })
const phone = fc.record({ number: fc.string({ maxLength: 8 }), label: text, extension: text }, {
  requiredKeys: ["number"]
})
const person = fc.record({
  id: fc.integer(),
  primary_email: text,
  first_name: text,
  last_name: text,
  organization: fc.option(fc.integer(), { nil: null }),
  date_created: text,
  emails: fc.option(fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }), { nil: null }),
  phone_numbers: fc.option(fc.array(phone, { maxLength: 2 }), { nil: null }),
  contact_data: fc.option(
    fc.oneof(
      fc.array(record, { maxLength: 2 }),
      fc.dictionary(fc.constantFrom("address", "twitter", "website"), fc.array(record, { maxLength: 2 }))
    ),
    { nil: null }
  )
}, { requiredKeys: ["id"] })
const page = fc.record({
  data: fc.array(person, { maxLength: 3 }),
  meta: fc.record({ pagination: fc.record({ total: fc.nat(), total_pages: fc.nat() }, { requiredKeys: [] }) }, {
    requiredKeys: []
  }),
  linked: fc.oneof(
    fc.constant([]),
    fc.record({
      organization: fc.dictionary(
        fc.stringMatching(/^[0-9]{1,3}$/u),
        fc.record({ id: fc.integer(), name: fc.string() })
      )
    }, { requiredKeys: [] })
  )
}, { requiredKeys: ["data"] })

const options = { check: isDeskproPeoplePage, schema: DeskproPeoplePage, wellFormed: page }

describe("isDeskproPeoplePage", () => {
  it("accepts every well-formed page", () => {
    acceptsEveryWellFormed(options)
  })

  it("never accepts a page the schema refuses, whatever one value is replaced with", () => {
    neverAcceptsWhatTheSchemaRefuses(options)
  })

  it("refuses a missing id, a null pagination total, contact data that is neither list nor keyed lists", () => {
    assert.isFalse(isDeskproPeoplePage({ data: [{ first_name: "Ada" }] }))
    assert.isFalse(isDeskproPeoplePage({ data: [], meta: { pagination: { total: null } } }))
    assert.isFalse(isDeskproPeoplePage({ data: [{ id: 1, contact_data: { twitter: {} } }] }))
    assert.isFalse(isDeskproPeoplePage({ data: [{ id: 1, phone_numbers: [{ label: "x" }] }] }))
  })
})
