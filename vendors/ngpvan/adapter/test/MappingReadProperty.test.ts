/**
 * The read mapping built in place (`NgpvanMapping.toContact`) answers exactly what the mapping written with spreads
 * and `defined` answers (`NgpvanReadReference.ts`), for generated NGP contacts: the same contact, with the same
 * keys in the same order (what a caller printing it as JSON sees).
 */
import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { toContact } from "../src/NgpvanMapping.ts"
import type { NgpvanContact } from "../src/NgpvanSchema.ts"
import { referenceToContact } from "./NgpvanReadReference.ts"

const text = fc.option(fc.oneof(fc.constant(""), fc.constant(" "), fc.string({ maxLength: 6 })), { nil: null })
const type = (known: ReadonlyArray<string>) =>
  fc.option(fc.oneof(fc.constantFrom(...known), fc.string()), { nil: null })
const list = <A>(item: fc.Arbitrary<A>) => fc.option(fc.array(item, { maxLength: 3 }), { nil: null })

const number = fc.oneof(
  fc.constantFrom("+12125550100", "+1 212 555 0100", "(212) 555-0100", "+44 20 7946 0958", "12", "", "ext. 4"),
  fc.stringMatching(/^\+?[0-9 ().-]{0,14}$/u),
  fc.string({ maxLength: 8 })
)
const email = fc.record({
  address: fc.oneof(fc.constant(""), fc.string({ maxLength: 8 })),
  type: type(["MAIN", "PERSONAL", "WORK"]),
  doNotEmail: fc.option(fc.boolean(), { nil: null })
}, { requiredKeys: ["address"] })
const phone = fc.record({ number, type: type(["HOME", "WORK", "MOBILE", "MAIN", "FAX"]) }, { requiredKeys: ["number"] })
const address = fc.record({
  type: type(["HOME", "WORK"]),
  line1: text,
  line2: text,
  line3: text,
  city: text,
  stateProvince: text,
  postalCode: text,
  countryCode: text
}, { requiredKeys: [] })
const contact: fc.Arbitrary<NgpvanContact> = fc.record({
  contactId: fc.string({ minLength: 1, maxLength: 11 }),
  type: fc.oneof(fc.constantFrom("INDIVIDUAL", "ORGANIZATION"), fc.string({ maxLength: 4 })),
  prefix: text,
  firstName: text,
  middleName: text,
  lastName: text,
  suffix: text,
  nickname: text,
  commonName: text,
  officialName: text,
  employer: text,
  occupation: text,
  facebookProfileUrl: text,
  emails: list(email),
  phones: list(phone),
  addresses: list(address)
}, { requiredKeys: ["contactId", "type"] })

describe("NgpvanMapping.toContact", () => {
  it("answers what the reference mapping answers, keys in the same order", () =>
    fc.assert(
      fc.property(contact, (wire) => {
        const fast = toContact(wire)
        const reference = referenceToContact(wire)
        assert.deepStrictEqual(fast, reference)
        assert.strictEqual(JSON.stringify(fast), JSON.stringify(reference))
      }),
      { numRuns: 3_000 }
    ))

  it("keeps the record as read in remote, whatever else it holds", () => {
    const raw = { contactId: "VN1", type: "INDIVIDUAL", contactCodes: [{ contactCodeId: 27 }] }
    const read = toContact(raw, raw)
    assert.strictEqual(read.remote?.record, raw)
    assert.deepStrictEqual(read, referenceToContact(raw, raw))
  })
})
