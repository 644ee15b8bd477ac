/**
 * A person's kept wire bytes (`DeskproWireBytes.ts`) are byte for byte `JSON.stringify(personToWire(person))` for
 * generated people, and a person's envelope is the serialisation of `{ data, ...rest }`.
 */
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { contactDataTypes } from "../src/DeskproContactData.ts"
import { personToWire, type StoredPerson } from "../src/DeskproState.ts"
import { envelopeBytes, personBytes } from "../src/DeskproWireBytes.ts"

// Text with what JSON escapes: quotes, backslashes, control characters, non-ASCII and lone surrogates.
const text = fc.string({ unit: "binary", maxLength: 8 })

const person: fc.Arbitrary<StoredPerson> = fc.record({
  id: fc.nat(),
  helpdesk: fc.constantFrom(1, 2),
  first_name: text,
  last_name: text,
  title_prefix: text,
  override_display_name: text,
  primary_email: fc.option(text, { nil: null }),
  emails: fc.array(text, { maxLength: 2 }),
  phone_numbers: fc.array(fc.record({ number: text, label: text, extension: text }), { maxLength: 2 }),
  contact_data: fc.array(
    fc.record({
      id: fc.nat(),
      contact_type: fc.constantFrom(...contactDataTypes),
      comment: text,
      values: fc.dictionary(text, fc.oneof(text, fc.boolean()), { maxKeys: 3 })
    }),
    { maxLength: 2 }
  ),
  organization: fc.option(fc.nat(), { nil: null }),
  organization_position: text,
  summary: text,
  timezone: text,
  language: fc.nat(),
  is_agent: fc.boolean(),
  labels: fc.array(text, { maxLength: 2 }),
  fields: fc.dictionary(text, fc.jsonValue(), { maxKeys: 2 }),
  date_created: fc.integer({ min: 0, max: 4_102_444_800_000 })
})

describe("Deskpro people as bytes", () => {
  it("are JSON.stringify(personToWire(person)), and an envelope is the serialisation of { data, ...rest }", () => {
    fc.assert(
      fc.property(person, fc.dictionary(text, fc.jsonValue(), { maxKeys: 3 }), (stored, extra) => {
        const rest = Object.fromEntries(Object.entries(extra).filter(([key]) => key !== "data"))
        const expected = JSON.stringify(personToWire(stored))
        assert.strictEqual(new TextDecoder().decode(personBytes(stored)), expected)
        assert.strictEqual(
          new TextDecoder().decode(envelopeBytes(stored, rest)),
          JSON.stringify({ data: personToWire(stored), ...rest })
        )
      }),
      { numRuns: 300 }
    )
  })
})
