/**
 * The mapping, driven by recorded fixtures (`fixtures/<operation>.<case>.json`: a Monica body and
 * the domain value it must become), plus write→read round trips checked against `project`: what
 * the adapter writes and reads back must be exactly what the Capabilities promise.
 */
import { type ContactDraft, type ContactField, project } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import { readdirSync, readFileSync } from "node:fs"
import { capabilities } from "../src/MonicaCapabilities.ts"
import { toMonicaContactUpdate } from "../src/MonicaContactInput.ts"
import {
  classifyType,
  fieldValue,
  standardLabels,
  toContact,
  toField,
  toLabels,
  wantedType
} from "../src/MonicaMapping.ts"
import { MonicaContact, MonicaContactField } from "../src/MonicaSchema.ts"

const dir = new URL("./fixtures/", import.meta.url)
const fixtures = readdirSync(dir).filter((f) => f.endsWith(".json")).map((file) => ({
  file,
  operation: file.split(".")[0],
  ...(JSON.parse(readFileSync(new URL(file, dir), "utf8")) as { vendorResponse: unknown; expected: unknown })
}))

describe("MonicaMapping fixtures", () => {
  it("has fixtures for both operations", () => {
    assert.isTrue(fixtures.some((f) => f.operation === "toContact"))
    assert.isTrue(fixtures.some((f) => f.operation === "toField"))
  })
  for (const fixture of fixtures) {
    it(fixture.file, () => {
      if (fixture.operation === "toField") {
        const wire = Schema.decodeUnknownSync(MonicaContactField)(fixture.vendorResponse)
        assert.deepStrictEqual(toField(wire) ?? null, fixture.expected)
      } else if (fixture.operation === "toContact") {
        const wire = Schema.decodeUnknownSync(MonicaContact)(fixture.vendorResponse)
        const { remote, ...contact } = toContact(wire, fixture.vendorResponse)
        assert.deepStrictEqual(contact, fixture.expected)
        assert.strictEqual(remote?.record, fixture.vendorResponse)
        assert.strictEqual(remote?.vendor, "monica")
      } else {
        assert.fail(`unknown operation in ${fixture.file}`)
      }
    })
  }
})

/** What a Monica server does with a field input: keeps `data`, turns labels into label records. */
const throughMonica = (field: ContactField): ContactField | undefined => {
  const wanted = wantedType(field)!
  return toField({
    id: 7,
    content: fieldValue(field)!,
    contact_field_type: {
      id: 1,
      name: wanted.name,
      type: wanted.key === "email" || wanted.key === "phone" ? wanted.key : null
    },
    labels: toLabels(field).map((label) => {
      const lower = label.toLowerCase()
      return (standardLabels as ReadonlyArray<string>).includes(lower) ? { type: lower } : { type: label }
    })
  })
}

const draftOf = (field: ContactField): ContactDraft => ({
  kind: "individual",
  name: { given: "Jim" },
  organization: {},
  fields: [field]
})

const roundTrips: ReadonlyArray<ContactField> = [
  { _tag: "Email", address: "a@example.com" },
  { _tag: "Email", address: "a@example.com", context: "work", preferred: true, label: "Sales desk" },
  { _tag: "Email", address: "a@example.com", label: "Home" },
  { _tag: "Phone", number: "+1 202 555 0123", features: ["pager", "voice", "mobile"], context: "home" },
  { _tag: "Phone", number: "12" },
  { _tag: "OnlineService", service: "twitter", user: "@jim" },
  { _tag: "OnlineService", service: "facebook", user: "jim", uri: "https://facebook.com/jim", context: "other" },
  { _tag: "OnlineService", service: "skype", user: "live:jim" },
  { _tag: "OnlineService", service: "gtalk", user: "jim" },
  { _tag: "OnlineService", service: "other", user: "@jim@mastodon.social", label: "Mastodon" },
  { _tag: "OnlineService", service: "other", user: "jim" },
  { _tag: "Link", uri: "https://jim.example" },
  { _tag: "Link", uri: "https://jim.example/blog", kind: "blog", context: "work" },
  { _tag: "Link", uri: "https://jim.example/p", kind: "profile", label: "Portfolio" }
]

describe("write then read through Monica equals the projection", () => {
  for (const field of roundTrips) {
    it(JSON.stringify(field), () => {
      const projected = project(capabilities, draftOf(field))
      assert.deepStrictEqual(projected.rejected, [])
      const { id: _, ...read } = throughMonica(field)!
      assert.deepStrictEqual(read, projected.contact.fields[0])
    })
  }
})

describe("field types", () => {
  it("recognises the seeded types and custom ones", () => {
    assert.deepStrictEqual(classifyType({ id: 1, name: "Email", type: "email" }), { _tag: "Email" })
    assert.deepStrictEqual(classifyType({ id: 2, name: "Telefon", type: "phone" }), { _tag: "Phone" })
    assert.deepStrictEqual(classifyType({ id: 3, name: "WhatsApp" }), { _tag: "OnlineService", service: "whatsapp" })
    assert.deepStrictEqual(classifyType({ id: 4, name: "LinkedIn" }), { _tag: "OnlineService", service: "linkedin" })
    assert.deepStrictEqual(classifyType({ id: 5, name: "Web site" }), { _tag: "Link", kind: "website" })
    assert.deepStrictEqual(classifyType({ id: 6, name: "Signal" }), { _tag: "Other", name: "Signal" })
  })
  it("declares Address unsupported and the 255 limit", () => {
    const projected = project(capabilities, draftOf({ _tag: "Address", locality: "Scranton" }))
    assert.strictEqual(projected.rejected.length, 1)
    const long = project(capabilities, draftOf({ _tag: "Email", address: `${"a".repeat(250)}@example.com` }))
    assert.deepStrictEqual(long.rejected.map((r) => r.path), [["fields", 0, "address"]])
  })
})

describe("contact update body", () => {
  const current = Schema.decodeUnknownSync(MonicaContact)(
    fixtures.find((f) => f.file === "toContact.full.json")!.vendorResponse
  )
  it("re-sends what Monica would otherwise clear, and applies the name patch", () => {
    assert.deepStrictEqual(toMonicaContactUpdate(current, { family: null, nickname: "Tuna" }, 2026), {
      first_name: "Jim",
      last_name: null,
      nickname: "Tuna",
      description: "Sales",
      is_birthdate_known: true,
      birthdate_day: 1,
      birthdate_month: 10,
      birthdate_year: 1978,
      is_deceased: false,
      is_deceased_date_known: false
    })
  })
})
