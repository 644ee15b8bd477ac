/**
 * The read mapping built in place (`DeskproMapping.toContact`, `toField`, `toPhone`) answers exactly what the
 * mapping written with spreads and `defined` answers (`DeskproReadReference.ts`), for generated Deskpro people:
 * the same contact, with the same keys in the same order (what a caller printing it as JSON sees).
 */
import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { contactDataTypes, toContact } from "../src/DeskproMapping.ts"
import type { DeskproPerson } from "../src/DeskproSchema.ts"
import { referenceToContact } from "./DeskproReadReference.ts"

const text = fc.option(fc.oneof(fc.constant(""), fc.constant(" "), fc.string({ maxLength: 6 })), { nil: null })
const value = fc.option(
  fc.oneof(
    fc.constantFrom("", "https://example.com/a", "ada", "mailto:ada@example.com", "example.com", "@ada"),
    fc.string({ maxLength: 8 })
  ),
  { nil: null }
)
const type = fc.oneof(fc.constantFrom(...contactDataTypes), fc.string({ maxLength: 4 }))
const record = fc.record({
  id: fc.integer({ min: -2, max: 99 }),
  contact_type: type,
  comment: text,
  address: text,
  city: text,
  state: text,
  zip: text,
  url: value,
  service: fc.option(fc.constantFrom("whatsapp", "skype", "other", "yim", ""), { nil: null }),
  username: value,
  display_feed: fc.option(fc.boolean(), { nil: null })
}, { requiredKeys: [] })
const number = fc.oneof(
  fc.constantFrom("+12125550100", "+1 212 555 0100", "(212) 555-0100", "+44 20 7946 0958", "12", ""),
  fc.string({ maxLength: 8 })
)
const email = fc.oneof(fc.constantFrom("ada@example.com", "ADA@example.com", "b@example.org", "not an email", ""))
const person: fc.Arbitrary<DeskproPerson> = fc.record({
  id: fc.integer({ min: 1, max: 10_000 }),
  primary_email: fc.option(email, { nil: null }),
  first_name: text,
  last_name: text,
  title_prefix: text,
  organization: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
  organization_position: text,
  date_created: fc.option(
    fc.constantFrom("2024-03-01T12:00:00+0000", "2024-03-01T12:00:00Z", "", "yesterday", "1999-12-31T23:59:59+0100"),
    { nil: null }
  ),
  emails: fc.option(fc.array(email, { maxLength: 3 }), { nil: null }),
  phone_numbers: fc.option(
    fc.array(fc.record({ number, label: text, extension: text }, { requiredKeys: ["number"] }), { maxLength: 3 }),
    { nil: null }
  ),
  contact_data: fc.option(
    fc.oneof(
      fc.array(record, { maxLength: 4 }),
      fc.dictionary(type, fc.array(record, { maxLength: 2 }), { maxKeys: 3 })
    ),
    { nil: null }
  )
}, { requiredKeys: ["id"] })

describe("DeskproMapping.toContact", () => {
  it("answers what the reference mapping answers, keys in the same order", () =>
    fc.assert(
      fc.property(person, fc.option(fc.string({ maxLength: 6 }), { nil: undefined }), (wire, organization) => {
        const fast = toContact(wire, wire, organization)
        const reference = referenceToContact(wire, wire, organization)
        assert.deepStrictEqual(fast, reference)
        assert.strictEqual(JSON.stringify(fast), JSON.stringify(reference))
      }),
      { numRuns: 3_000 }
    ))
})
