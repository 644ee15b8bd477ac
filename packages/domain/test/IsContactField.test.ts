/**
 * The hand-written `isContactField` answers exactly what `Schema.is(ContactField)` answers: over valid fields, and
 * over fields with one key replaced (by any JSON value, `undefined`, a text at a length limit, another tag's value),
 * removed, or moved to another tag.
 */
import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { ContactField } from "../src/ContactField.ts"
import { isContactField } from "../src/IsContactField.ts"
import { contactFieldArb } from "../src/testing/Arbitraries.ts"

const schemaIs = Schema.is(ContactField)

const tags = ["Email", "Phone", "Address", "OnlineService", "Link"]
const keys = [
  "_tag",
  "id",
  "label",
  "context",
  "preferred",
  "address",
  "number",
  "e164",
  "features",
  "street",
  "locality",
  "region",
  "postcode",
  "country",
  "countryCode",
  "service",
  "user",
  "uri",
  "kind"
]

/** Texts either side of every length limit the schema sets. */
const atLimits = fc.constantFrom(0, 1, 31, 32, 33, 63, 64, 65, 253, 254, 255, 256, 999, 1000, 1001, 2047, 2048, 2049)
  .chain((length) => fc.constantFrom("a", "+", "x@", "é", "😀").map((unit) => unit.repeat(length).slice(0, length)))

const values: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant(undefined),
  atLimits,
  atLimits.map((t) => `https://${t}`),
  atLimits.map((t) => `${t}@example.com`),
  fc.constantFrom(...tags, "home", "work", "other", "mobile", "voice", "skype", "website", "US", "us", "+12025550123"),
  fc.array(fc.constantFrom("voice", "mobile", "fax", "pager", "text", "sms", 1), { maxLength: 3 })
)

const broken: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(contactFieldArb, fc.constantFrom(...keys), values).map(([field, key, value]) => ({
    ...field,
    [key]: value
  })),
  fc.tuple(contactFieldArb, fc.constantFrom(...keys)).map(([field, key]) => {
    const { [key]: _, ...rest } = field as Record<string, unknown>
    return rest
  }),
  fc.tuple(contactFieldArb, contactFieldArb).map(([field, other]) => ({ ...field, _tag: other._tag })),
  fc.tuple(contactFieldArb, contactFieldArb).map(([field, other]) => ({ ...other, ...field, _tag: other._tag })),
  fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constant(undefined), fc.constant([{ _tag: "Email" }]))
)

describe("isContactField", () => {
  it("accepts every valid field, as the schema does", () => {
    fc.assert(fc.property(contactFieldArb, (field) => schemaIs(field) && isContactField(field)), { numRuns: 2_000 })
  })

  it("answers what the schema answers for a field with one key replaced, removed or under another tag", () => {
    fc.assert(
      fc.property(broken, (value) => {
        assert.strictEqual(isContactField(value), schemaIs(value), JSON.stringify(value))
      }),
      { numRuns: 20_000 }
    )
  })

  it("refuses what the schema refuses on its own", () => {
    for (
      const value of [
        { _tag: "Email", address: "a@b" },
        { _tag: "Email", address: "a@example.com", label: "" },
        { _tag: "Phone", number: "1".repeat(65) },
        { _tag: "Phone", number: "1", e164: "12" },
        { _tag: "Phone", number: "1", features: ["sms"] },
        { _tag: "Address", countryCode: "us" },
        { _tag: "OnlineService", service: "myspace" },
        { _tag: "Link", uri: "example.com" },
        { _tag: "Email", address: "a@example.com", preferred: undefined },
        { _tag: "Fax", number: "1" },
        Object.assign([], { _tag: "Email", address: "a@example.com" })
      ]
    ) {
      assert.isFalse(schemaIs(value), JSON.stringify(value))
      assert.isFalse(isContactField(value), JSON.stringify(value))
    }
  })
})
