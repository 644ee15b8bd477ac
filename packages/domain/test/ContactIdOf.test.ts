/** `contactIdOf` and `fieldIdOf` give exactly what `ContactId.make` and `FieldId.make` give, or throw when they do. */
import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { ContactId, contactIdOf, FieldId, fieldIdOf } from "../src/ContactId.ts"

const outcome = (make: (value: string) => string, value: string) => {
  try {
    return { id: make(value) }
  } catch (error) {
    return { threw: String(error) }
  }
}

describe("contactIdOf / fieldIdOf", () => {
  it("answer what the schemas' constructors answer, for any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constant("")), (value) => {
        assert.deepStrictEqual(outcome(contactIdOf, value), outcome(ContactId.make, value))
        assert.deepStrictEqual(outcome(fieldIdOf, value), outcome(FieldId.make, value))
      }),
      { numRuns: 1_000 }
    )
  })

  it("refuse the empty text, as the constructors do", () => {
    assert.throws(() => contactIdOf(""))
    assert.throws(() => fieldIdOf(""))
    assert.strictEqual(contactIdOf("42"), "42")
  })
})
