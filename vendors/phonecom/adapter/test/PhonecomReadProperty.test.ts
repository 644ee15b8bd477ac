/**
 * The read mapping with its fields built in place (`PhonecomMapping.toContact`) answers exactly what the mapping
 * that built them as records `defined` copied answers (`PhonecomReadReference.ts`), for generated wire contacts:
 * the same contact, with the same keys in the same order (what a caller printing it as JSON sees).
 */
import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { toContact } from "../src/PhonecomMapping.ts"
import type { PhonecomContact } from "../src/PhonecomSchema.ts"
import { wireContactArb } from "./arbitraries.ts"
import { referenceToContact } from "./PhonecomReadReference.ts"

/** Wire contacts, also with emails and numbers left empty and types Phone.com's enums do not list. */
const oddContactArb: fc.Arbitrary<PhonecomContact> = fc.record({
  id: fc.integer({ min: 1, max: 99 }),
  emails: fc.array(fc.record({ email: fc.constantFrom("", "a@example.com"), type: fc.string({ maxLength: 9 }) })),
  phone_numbers: fc.array(
    fc.record({
      number: fc.constantFrom("", "12", "+1 212 555 0100"),
      type: fc.oneof(fc.constantFrom("home", "business", "mobile", "fax", "pager"), fc.string({ maxLength: 4 })),
      normalized: fc.constantFrom("", "+12", "+12125550100", null)
    })
  ),
  addresses: fc.array(fc.record({ type: fc.string({ maxLength: 9 }), street: fc.constantFrom("", " ", "1 Main St") }))
}, { requiredKeys: ["id"] })

describe("PhonecomMapping.toContact", () => {
  it("answers what the reference mapping answers, keys in the same order", () =>
    fc.assert(
      fc.property(fc.oneof(wireContactArb, oddContactArb), (wire) => {
        const fast = toContact(wire, wire)
        const reference = referenceToContact(wire, wire)
        assert.deepStrictEqual(fast, reference)
        assert.strictEqual(JSON.stringify(fast), JSON.stringify(reference))
      }),
      { numRuns: 2_000 }
    ))
})
