/**
 * The mapping, both ways. Reading: recorded and documented Deskpro people (`fixtures/toContact.<case>.json`, each
 * `{vendorResponse, expected}`) read as the contacts written by hand beside them. Writing: what an update sends,
 * and what it carries back that the domain does not model. Error paths: a 400's input names → domain paths.
 */
import { type ContactDraft, FieldId, makePhone } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { domainPath } from "../src/DeskproErrorPaths.ts"
import { everything, scopeOfKind, toPersonInput } from "../src/DeskproInput.ts"
import { toContact } from "../src/DeskproMapping.ts"
import type { DeskproPerson } from "../src/DeskproSchema.ts"

const dir = fileURLToPath(new URL("./fixtures/", import.meta.url))

describe("toContact (fixtures)", () => {
  for (const file of readdirSync(dir).filter((f) => f.startsWith("toContact."))) {
    it(file, () => {
      const { expected, vendorResponse } = JSON.parse(readFileSync(`${dir}${file}`, "utf8"))
      const data = vendorResponse.data as DeskproPerson
      const organization = vendorResponse.linked?.organization?.[String(data.organization)]?.name
      const { remote, ...contact } = toContact(data, vendorResponse.data, organization)
      assert.deepStrictEqual(contact, expected)
      assert.deepStrictEqual(remote, { vendor: "deskpro", record: vendorResponse.data })
    })
  }
})

/** A person as read, holding what the domain does not model. */
const current = {
  id: 7,
  primary_email: "ada@example.org",
  first_name: "Ada",
  emails: ["ada@example.org", "broken-address"],
  phone_numbers: [{ number: "+44 20 7946 0018", label: "Office", extension: "12" }, { number: "", label: "odd" }],
  contact_data: [
    { id: 1, contact_type: "twitter", comment: "", username: "@ada", display_feed: true },
    { id: 2, contact_type: "instagram", comment: "", username: "ada.l", instagram_id: "178414" },
    { id: 3, contact_type: "website", comment: "Old", url: "www.no-scheme.example" }
  ]
}
const read = toContact(current as DeskproPerson, current)
const withCurrent = { wire: current as DeskproPerson, raw: current }

describe("toPersonInput", () => {
  it("creates with only what the draft has, the preferred email as primary", () => {
    const draft: ContactDraft = {
      kind: "individual",
      name: { given: "Ada" },
      organization: {},
      fields: [{ _tag: "Email", address: "a@example.org" }, {
        _tag: "Email",
        address: "b@example.org",
        preferred: true
      }]
    }
    assert.deepStrictEqual(toPersonInput(draft, "create").input, {
      first_name: "Ada",
      primary_email: "b@example.org",
      emails: ["a@example.org", "b@example.org"]
    })
  })

  it("an update sends only its scope, each part whole, clearing with \"\" and null", () => {
    const draft: ContactDraft = { kind: "individual", name: { family: "King" }, organization: {}, fields: [] }
    assert.deepStrictEqual(toPersonInput(draft, "update", { ...everything, phones: false, contactData: false }).input, {
      title_prefix: "",
      first_name: "",
      last_name: "King",
      organization: null,
      organization_position: "",
      primary_email: null,
      emails: []
    })
    assert.deepStrictEqual(toPersonInput(draft, "update", scopeOfKind("Phone")).input, { phone_numbers: [] })
  })

  it("sends back what only Deskpro has: extension, display_feed, instagram_id and what the domain cannot read", () => {
    const fields = read.fields.map((field) =>
      field._tag === "OnlineService" && field.service === "twitter" ? { ...field, user: "@ada_l" } : field
    )
    const { input } = toPersonInput({ ...read, fields }, "update", everything, withCurrent)
    assert.deepStrictEqual(input.emails, ["ada@example.org", "broken-address"])
    assert.deepStrictEqual(input.phone_numbers, [
      { number: "+44 20 7946 0018", label: "Office", extension: "12" },
      { number: "", label: "odd" }
    ])
    assert.deepStrictEqual(input.contact_data, {
      website: [{ comment: "Old", url: "www.no-scheme.example" }],
      twitter: [{ username: "@ada_l", display_feed: true }],
      instagram: [{ username: "ada.l", instagram_id: "178414" }]
    })
  })

  it("a new record of a type carries nothing from another record", () => {
    const draft: ContactDraft = {
      ...read,
      fields: [{ _tag: "OnlineService", id: FieldId.make("2"), service: "twitter", user: "@new" }, makePhone("12")]
    }
    const { input } = toPersonInput(draft, "update", scopeOfKind("OnlineService"), withCurrent)
    // Record 2 was an Instagram record: its id does not make the new Twitter record inherit anything.
    assert.deepStrictEqual(input.contact_data?.["twitter"], [{ username: "@new" }])
    assert.deepStrictEqual(Object.keys(input), ["contact_data"])
  })
})

describe("domainPath", () => {
  const layout = {
    primary: 4,
    emails: [0, 4],
    phones: [2],
    records: {
      instant_message: [{ index: 3, valueKey: "user" as const }],
      linked_in: [{ index: 5, valueKey: "uri" as const }]
    }
  }
  const cases: ReadonlyArray<readonly [ReadonlyArray<string>, ReadonlyArray<string | number>]> = [
    [["first_name"], ["name", "given"]],
    [["organization_position"], ["organization", "title"]],
    [["primary_email"], ["fields", 4, "address"]],
    [["emails", "emails_1"], ["fields", 4, "address"]],
    [["phone_numbers", "phone_numbers_0", "number"], ["fields", 2, "number"]],
    [["contact_data", "instant_message", "instant_message_0", "service"], ["fields", 3, "service"]],
    [["contact_data", "instant_message", "instant_message_0", "username"], ["fields", 3, "user"]],
    [["contact_data", "linked_in", "linked_in_0", "url"], ["fields", 5, "uri"]],
    [["contact_data", "linked_in", "linked_in_0"], ["fields", 5]],
    [["contact_data", "twitter", "twitter_0", "username"], ["fields"]],
    [["contact_data"], ["fields"]],
    [["colour"], []],
    [[], []]
  ]
  for (const [wire, domain] of cases) {
    it(wire.join(".") || "(root)", () => assert.deepStrictEqual(domainPath(wire, layout), domain))
  }
})
