/**
 * The hand-written check of a search page (`isLegacySearch`, which lets the client skip the schema's decoder) never
 * accepts what the schema refuses, over valid pages and pages with any one value replaced by any JSON value; and it
 * accepts every well-formed page, people and contact data keyed by id or as `[]`, so the fast path is the one taken.
 */
import { acceptsEveryWellFormed, neverAcceptsWhatTheSchemaRefuses } from "@contactkit/adapter-kit/testing"
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { isLegacySearch, LegacySearch } from "../src/DeskproLegacySchema.ts"

const text = fc.string({ maxLength: 6 })
const orNull = <A>(arb: fc.Arbitrary<A>) => fc.option(arb, { nil: null })

/** A PHP array keyed by id: an object of items keyed by their ids, or `[]` when empty. */
const keyedById = <A extends { readonly id: number }>(item: fc.Arbitrary<A>) =>
  fc.array(item, { maxLength: 2 }).map((items) =>
    items.length === 0 ? [] : Object.fromEntries(items.map((entry) => [String(entry.id), entry]))
  )

const detail = fc.record({
  id: fc.nat(),
  contact_type: fc.constantFrom("phone", "address", "website", "skype", "twitter", "instant_message"),
  comment: text,
  address: text,
  city: text,
  zip: text,
  number: text,
  country_calling_code: text,
  username: text,
  service: text,
  url: text
}, { requiredKeys: ["id", "contact_type"] })
const email = fc.record({ id: fc.nat(), email: text, comment: text }, { requiredKeys: ["id", "email"] })
const person = fc.record({
  id: fc.nat(),
  name: text,
  first_name: orNull(text),
  last_name: orNull(text),
  organization: orNull(fc.record({ id: fc.nat(), name: text }, { requiredKeys: ["id"] })),
  organization_position: text,
  date_created: text,
  emails: fc.array(email, { maxLength: 2 }),
  contact_data: keyedById(detail),
  primary_email: orNull(text)
}, { requiredKeys: ["id"] })
const page = fc.record({
  page: fc.nat(),
  per_page: fc.nat(),
  total: fc.nat(),
  cache_id: fc.nat(),
  people: keyedById(person)
})

const options = { check: isLegacySearch, schema: LegacySearch, wellFormed: page }

describe("isLegacySearch", () => {
  it("accepts every well-formed page", () => {
    acceptsEveryWellFormed(options)
  })

  it("never accepts a page the schema refuses, whatever one value is replaced with", () => {
    neverAcceptsWhatTheSchemaRefuses(options)
  })

  it("refuses a missing cache id, a person without an id, a present undefined, contact data that is no collection", () => {
    const search = { page: 1, per_page: 10, total: 1, cache_id: 7 }
    assert.isFalse(isLegacySearch({ page: 1, per_page: 10, total: 1, people: [] }))
    assert.isFalse(isLegacySearch({ ...search, people: { 1: { first_name: "Ada" } } }))
    assert.isFalse(isLegacySearch({ ...search, people: { 1: { id: 1, last_name: undefined } } }))
    assert.isFalse(isLegacySearch({ ...search, people: { 1: { id: 1, contact_data: "none" } } }))
    assert.isFalse(isLegacySearch({ ...search, people: { 1: { id: 1, emails: { 2: { id: 2, email: "a" } } } } }))
    assert.isTrue(isLegacySearch({ ...search, people: { 1: { id: 1, contact_data: [], emails: [] } } }))
  })
})
