/**
 * The hand-written check of a listed contact (`isNgpvanContact`, which lets the client skip the schema's decoder)
 * never accepts what the schema refuses, over valid contacts and contacts with any one value replaced by any JSON
 * value; and it accepts every well-formed contact, so the fast path is the one taken.
 */
import { acceptsEveryWellFormed, neverAcceptsWhatTheSchemaRefuses } from "@contactkit/adapter-kit/testing"
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { isNgpvanContact, NgpvanContact } from "../src/NgpvanSchema.ts"

const text = fc.option(fc.string({ maxLength: 6 }), { nil: null })
const list = <A>(item: fc.Arbitrary<A>) => fc.option(fc.array(item, { maxLength: 2 }), { nil: null })

const email = fc.record({
  address: fc.string({ maxLength: 8 }),
  type: text,
  doNotEmail: fc.option(fc.boolean(), { nil: null }),
  appliedEmailLists: list(fc.record({ emailListId: fc.integer() }))
}, { requiredKeys: ["address"] })
const phone = fc.record({ number: fc.string({ maxLength: 8 }), type: text }, { requiredKeys: ["number"] })
const address = fc.record({ type: text, line1: text, city: text, postalCode: text, countryCode: text }, {
  requiredKeys: []
})
const contact = fc.record({
  contactId: fc.string({ minLength: 1, maxLength: 11 }),
  type: fc.constantFrom("INDIVIDUAL", "ORGANIZATION"),
  firstName: text,
  lastName: text,
  commonName: text,
  employer: text,
  emails: list(email),
  phones: list(phone),
  addresses: list(address)
}, { requiredKeys: ["contactId", "type"] })

const options = { check: isNgpvanContact, schema: NgpvanContact, wellFormed: contact }

describe("isNgpvanContact", () => {
  it("accepts every well-formed contact", () => {
    acceptsEveryWellFormed(options)
  })

  it("never accepts a contact the schema refuses, whatever one value is replaced with", () => {
    neverAcceptsWhatTheSchemaRefuses(options)
  })

  it("refuses an empty contactId, a missing type, a number as a name, a present undefined", () => {
    assert.isFalse(isNgpvanContact({ contactId: "", type: "INDIVIDUAL" }))
    assert.isFalse(isNgpvanContact({ contactId: "VN1" }))
    assert.isFalse(isNgpvanContact({ contactId: "VN1", type: "INDIVIDUAL", firstName: 7 }))
    assert.isFalse(isNgpvanContact({ contactId: "VN1", type: "INDIVIDUAL", lastName: undefined }))
    assert.isFalse(isNgpvanContact({ contactId: "VN1", type: "INDIVIDUAL", emails: [{ type: "MAIN" }] }))
  })
})
