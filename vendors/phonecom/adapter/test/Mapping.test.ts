/**
 * Example-based tests of PhonecomMapping: the write side, 422 paths and phone types. The fixture
 * files are checked by Fixtures.test.ts, the general laws by MappingProperties.test.ts.
 */
import { type ContactDraft, makePhone, project } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { PhonecomCapabilities, PhonecomMapping } from "../src/index.ts"

describe("PhonecomMapping", () => {
  const draft: ContactDraft = {
    kind: "individual",
    name: { given: "Grace", family: "Hopper", phoneticFamily: "HOP-er" },
    organization: { name: "US Navy", title: "Rear Admiral" },
    fields: [
      { _tag: "Email", address: "grace@navy.example", preferred: true },
      makePhone("(202) 555-0100", { context: "work" }),
      { _tag: "Email", address: "g@example.org" },
      makePhone("202-555-0101", { features: ["mobile"] }),
      { _tag: "Address", context: "work", street: "1 Navy Way", locality: "Arlington", countryCode: "US" }
    ]
  }

  it("writes a draft as CreateContactParams, every column sent", () => {
    const input = PhonecomMapping.toPhonecomInput(draft)
    assert.deepStrictEqual(input.emails, [
      { type: "primary", email: "grace@navy.example" },
      { type: "alternate", email: "g@example.org" }
    ])
    assert.deepStrictEqual(input.phone_numbers, [
      { type: "business", number: "(202) 555-0100" },
      { type: "mobile", number: "202-555-0101" }
    ])
    assert.deepStrictEqual(input.addresses, [
      { type: "business", street: "1 Navy Way", city: "Arlington", state: null, zip: null, country: null }
    ])
    assert.strictEqual(input.middle_name, null)
    assert.strictEqual(input.phonetic_last_name, "HOP-er")
    assert.isFalse("group" in input)
  })

  it("round-trips a draft to exactly what the capabilities project", () => {
    const input = PhonecomMapping.toPhonecomInput(draft)
    const wire = {
      id: 1,
      ...input,
      phone_numbers: input.phone_numbers.map((p) => ({
        ...p,
        normalized: p.number.startsWith("(") ? "+12025550100" : "+12025550101"
      }))
    }
    const contact = PhonecomMapping.toContact(wire)
    const projected = project(PhonecomCapabilities, draft).contact
    assert.deepStrictEqual(contact.name, projected.name)
    assert.deepStrictEqual(contact.organization, projected.organization)
    assert.deepStrictEqual(contact.fields, projected.fields)
  })

  it("maps 422 wire paths to the draft's domain paths", () => {
    assert.deepStrictEqual(PhonecomMapping.toDomainPath(draft, "emails.1.email"), ["fields", 2, "address"])
    assert.deepStrictEqual(PhonecomMapping.toDomainPath(draft, "phone_numbers.1.type"), ["fields", 3, "features"])
    assert.deepStrictEqual(PhonecomMapping.toDomainPath(draft, "addresses.0.city"), ["fields", 4, "locality"])
    assert.deepStrictEqual(PhonecomMapping.toDomainPath(draft, "phone_numbers.5"), ["fields"])
    assert.deepStrictEqual(PhonecomMapping.toDomainPath(draft, "emails"), ["fields"])
    assert.deepStrictEqual(PhonecomMapping.toDomainPath(draft, "first_name"), ["name", "given"])
    assert.deepStrictEqual(PhonecomMapping.toDomainPath(draft, "group"), [])
  })

  it("phone types and contexts/features correspond both ways", () => {
    for (const type of ["home", "business", "mobile", "fax", "pager"] as const) {
      assert.strictEqual(PhonecomMapping.toPhoneType(PhonecomMapping.fromPhoneType(type)), type)
    }
  })
})
