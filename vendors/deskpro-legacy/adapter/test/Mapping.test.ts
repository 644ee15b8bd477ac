import { project } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { capabilities } from "../src/DeskproLegacyCapabilities.ts"
import { storedName, toDetailField, toDetailInput, toFields } from "../src/DeskproLegacyMapping.ts"

describe("Deskpro Legacy mapping", () => {
  it("the server's name split: runs of spaces collapsed, cut at the last space", () => {
    assert.deepStrictEqual(storedName("  Mary  Ann   Van Dyke "), { given: "Mary Ann Van", family: "Dyke" })
    assert.deepStrictEqual(storedName("Madonna"), { given: "Madonna" })
    assert.deepStrictEqual(storedName("0"), {})
  })

  it("instant messaging is sent as instant_message, never the knowledge base's im", () => {
    const input = toDetailInput({ _tag: "OnlineService", service: "aim", user: "example", label: "label" })
    assert.deepStrictEqual(input, {
      type: "instant_message",
      comment: "label",
      data: { service: "aim", username: "example" }
    })
  })

  it("a Skype handle PHP reads as empty goes as instant_message, so the server stores it", () => {
    assert.strictEqual(toDetailInput({ _tag: "OnlineService", service: "skype", user: "0" }).type, "instant_message")
    assert.strictEqual(toDetailInput({ _tag: "OnlineService", service: "skype", user: "ada" }).type, "skype")
  })

  it("reads records by type, grouped by kind, each kind in id order", () => {
    const fields = toFields({
      id: 1,
      emails: [{ id: 3, email: "ada@example.com", comment: "work" }],
      primary_email: "ada@example.com",
      contact_data: {
        "9": { id: 9, contact_type: "website", comment: "", url: "http://example.com" },
        "7": { id: 7, contact_type: "mobile", comment: "", number: "555 0100", type: "phone" },
        "8": { id: 8, contact_type: "im", comment: "" }
      }
    })
    assert.deepStrictEqual(fields.map((f): ReadonlyArray<string | undefined> => [f._tag, f.id]), [
      ["Email", "email:3"],
      ["Phone", "detail:7"],
      [
        "Link",
        "detail:9"
      ]
    ])
    assert.deepStrictEqual(
      fields[0],
      { _tag: "Email", id: "email:3", address: "ada@example.com", label: "work", preferred: true } as never
    )
    assert.isUndefined(toDetailField({ id: 1, contact_type: "im" }))
  })

  it("a website without scheme:// is projected with http:// in front, as the server stores it", () => {
    const { contact, losses } = project(capabilities, {
      kind: "individual",
      name: { given: "Ada" },
      organization: {},
      fields: [{ _tag: "Email", address: "ada@example.com" }, { _tag: "Link", uri: "mailto:ada@example.com" }]
    })
    assert.deepStrictEqual(
      contact.fields[1],
      { _tag: "Link", uri: "http://mailto:ada@example.com", kind: "website" } as never
    )
    assert.deepStrictEqual(losses.map((l) => l.path), [["fields", 1, "uri"]])
  })
})
