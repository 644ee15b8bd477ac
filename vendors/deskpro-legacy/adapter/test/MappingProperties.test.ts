/**
 * Round trips of the mapping for every field the domain can say: what the adapter sends for a field (as projected
 * for Deskpro Legacy), stored the way the server's handlers store it, reads back as exactly the projected field.
 * The "server" here is the handlers' key placement from the legacy source (data keys → record keys, a website
 * without scheme:// gets http://), written apart from the mapping so the test can catch it.
 */
import { type ContactField, project } from "@contactkit/domain"
import { contactFieldArb, nameArb } from "@contactkit/domain/testing"
import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { capabilities } from "../src/DeskproLegacyCapabilities.ts"
import { storedName, toDetailField, toDetailInput } from "../src/DeskproLegacyMapping.ts"
import type { LegacyDetail, LegacyDetailInput } from "../src/DeskproLegacySchema.ts"

/** What `GET …/contact-details` shows for a record created from `input` (keys per handler, as in its getApiVars). */
const stored = (input: LegacyDetailInput, id: number): LegacyDetail => {
  const d = input.data
  const v = (key: string) => d[key] ?? ""
  const base = { id, contact_type: input.type, comment: input.comment.trim() }
  switch (input.type) {
    case "phone":
      return {
        ...base,
        country_calling_code: v("country_calling_code"),
        number: v("number"),
        type: d["type"] ?? "phone"
      }
    case "address":
      return {
        ...base,
        address: v("address"),
        city: v("city"),
        state: v("state"),
        zip: v("zip"),
        country: v("country")
      }
    case "instant_message":
      return { ...base, username: v("username"), service: v("service") }
    case "skype":
    case "twitter":
      return { ...base, username: v("username") }
    case "facebook":
    case "linked_in":
      return { ...base, profile_url: v("profile_url") }
    case "website":
      return { ...base, url: /^(.*?):\/\//u.test(v("url")) ? v("url") : `http://${v("url")}` }
    default:
      throw new Error(`no handler for ${input.type}`)
  }
}

const withoutId = ({ id: _, ...field }: ContactField) => field

describe("Deskpro Legacy mapping properties", () => {
  it("a contact-data field sent and read back is its projection", () =>
    fc.assert(
      fc.property(contactFieldArb.filter((f) => f._tag !== "Email"), (field) => {
        const projection = project(capabilities, {
          kind: "individual",
          name: { given: "A" },
          organization: {},
          fields: [{ _tag: "Email", address: "a@example.com" }, field]
        })
        const projected = projection.contact.fields.find((f) => f._tag !== "Email")
        if (projected === undefined) return // refused: nothing is sent
        const read = toDetailField(stored(toDetailInput(projected as Exclude<ContactField, { _tag: "Email" }>), 7))
        assert.deepStrictEqual(read === undefined ? undefined : withoutId(read), withoutId(projected))
      }),
      { numRuns: 500 }
    ))

  it("the name is stored as sent: given and family split at the last space read back as the projection says", () =>
    fc.assert(
      fc.property(nameArb, (name) => {
        const projection = project(capabilities, {
          kind: "individual",
          name,
          organization: {},
          fields: [{ _tag: "Email", address: "a@example.com" }]
        })
        const { family, given } = projection.contact.name
        const sent = [given, family].filter((p) => p !== undefined).join(" ")
        assert.deepStrictEqual(storedName(sent), {
          ...(given === undefined ? {} : { given }),
          ...(family === undefined ? {} : { family })
        })
      }),
      { numRuns: 500 }
    ))
})
