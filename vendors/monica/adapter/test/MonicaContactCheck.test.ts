/**
 * The hand-written check of a listed contact (`isMonicaContact`, which lets the client skip the schema's decoder)
 * never accepts what the schema refuses, over valid contacts and contacts with any one value replaced by any JSON
 * value; and it accepts every well-formed contact, with its fields and its information, so the fast path is the
 * one taken.
 */
import { acceptsEveryWellFormed, neverAcceptsWhatTheSchemaRefuses } from "@contactkit/adapter-kit/testing"
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { isMonicaContact } from "../src/MonicaContactCheck.ts"
import { MonicaContact } from "../src/MonicaSchema.ts"

const text = fc.option(fc.string({ maxLength: 6 }), { nil: null })
const flag = fc.option(fc.boolean(), { nil: null })
const someOf = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T) => fc.record(model, { requiredKeys: [] })

const fieldType = fc.record({ id: fc.nat(), name: fc.string({ maxLength: 6 }), protocol: text, type: text }, {
  requiredKeys: ["id", "name"]
})
const field = fc.record({
  id: fc.nat(),
  content: text,
  data: text,
  contact_field_type: fieldType,
  labels: fc.option(fc.array(someOf({ type: text, label: text }), { maxLength: 2 }), { nil: null }),
  contact: fc.record({ id: fc.nat() }),
  created_at: text,
  updated_at: text
}, { requiredKeys: ["id", "contact_field_type"] })
const dateInfo = fc.option(someOf({ is_age_based: flag, is_year_unknown: flag, date: text }), { nil: null })
const contact = fc.record({
  id: fc.nat(),
  first_name: text,
  last_name: text,
  nickname: text,
  complete_name: text,
  description: text,
  is_partial: fc.boolean(),
  is_dead: fc.boolean(),
  information: someOf({
    career: fc.option(someOf({ job: text, company: text }), { nil: null }),
    dates: fc.option(someOf({ birthdate: dateInfo, deceased_date: dateInfo }), { nil: null })
  }),
  contactFields: fc.array(field, { maxLength: 2 }),
  created_at: text,
  updated_at: text
}, { requiredKeys: ["id"] })

const options = { check: isMonicaContact, schema: MonicaContact, wellFormed: contact }

describe("isMonicaContact", () => {
  it("accepts every well-formed contact", () => {
    acceptsEveryWellFormed(options)
  })

  it("never accepts a contact the schema refuses, whatever one value is replaced with", () => {
    neverAcceptsWhatTheSchemaRefuses(options)
  })

  it("refuses a missing id, a null information, a field without its type, a present undefined", () => {
    assert.isFalse(isMonicaContact({ first_name: "Ada" }))
    assert.isFalse(isMonicaContact({ id: 1, information: null }))
    assert.isFalse(isMonicaContact({ id: 1, contactFields: [{ id: 2, content: "a@example.com" }] }))
    assert.isFalse(isMonicaContact({ id: 1, nickname: undefined }))
    assert.isTrue(isMonicaContact({ id: 1, nickname: null, contactFields: [] }))
  })
})
