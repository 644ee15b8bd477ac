/**
 * The two rules `Capabilities.ts` declares: `lossless`, which holds everything the domain can say
 * (so `project` returns any valid contact exactly as given), and `unsupportedField`, a kind the
 * vendor cannot hold at all. Expected values are written from those definitions.
 */
import { assert, describe, it } from "@effect/vitest"
import { type Capabilities, lossless, unsupportedField } from "../src/Capabilities.ts"
import type { ContactDraft } from "../src/Contact.ts"
import type { ContactField, FieldContext } from "../src/ContactField.ts"
import type { FieldId } from "../src/ContactId.ts"
import { project } from "../src/Projection.ts"

const label = "L".repeat(255)

/** One field of every kind in one context, with every value key, a label of the longest kept length and an id. */
const everyKind = (context: FieldContext, linkKind: "website" | "blog" | "profile" | "other") => {
  const common = { label, context, preferred: true } as const
  const id = (kind: string) => `${kind}-${context}` as FieldId
  const fields: ReadonlyArray<ContactField> = [
    { _tag: "Email", id: id("email"), ...common, address: `ada.${context}@example.com` },
    {
      _tag: "Phone",
      id: id("phone"),
      ...common,
      number: "(202) 555-0123",
      e164: "+12025550123",
      features: ["voice", "mobile", "fax", "pager", "text"]
    },
    {
      _tag: "Address",
      id: id("address"),
      ...common,
      street: "1 Main St",
      locality: "Springfield",
      region: "Illinois",
      postcode: "62701",
      country: "United States",
      countryCode: "US"
    },
    { _tag: "OnlineService", id: id("service"), ...common, service: "skype", user: "ada", uri: "skype:ada" },
    { _tag: "Link", id: id("link"), ...common, uri: "https://ada.example", kind: linkKind }
  ]
  return fields
}

const everything = (kind: ContactDraft["kind"]): ContactDraft => ({
  kind,
  name: {
    prefix: "Lady",
    given: "Augusta",
    middle: "Ada",
    family: "King",
    suffix: "Countess",
    nickname: "Ada",
    full: "Ada Lovelace",
    phoneticGiven: "a-GUS-ta",
    phoneticMiddle: "AY-da",
    phoneticFamily: "KING"
  },
  organization: { name: "Analytical Engines", department: "Mathematics", title: "Analyst", role: "Author" },
  fields: [
    ...everyKind("home", "website"),
    ...everyKind("work", "blog"),
    ...everyKind("other", "profile"),
    { _tag: "Link", uri: "https://ada.example/other", kind: "other" }
  ]
})

describe("lossless", () => {
  it("returns a contact with every component, kind, key, context, label, id and feature exactly as given", () => {
    for (const kind of ["individual", "organization"] as const) {
      const given = everything(kind)
      const { contact, losses, rejected, origins } = project(lossless, given)
      assert.deepStrictEqual(contact, given)
      assert.deepStrictEqual([losses, rejected], [[], []])
      assert.strictEqual(origins.length, 16)
    }
  })

  it("keeps labels of up to 255 characters on every kind, and says so as the memory vendor", () => {
    const longer = everyKind("home", "website").map((f) => ({ ...f, label: `${label}!` }))
    const { losses } = project(lossless, { ...everything("individual"), fields: longer })
    assert.deepStrictEqual(
      losses,
      [0, 1, 2, 3, 4].map((i) => ({
        path: ["fields", i, "label"],
        message: "memory keeps labels of at most 255 characters"
      }))
    )
  })

  it("still requires the value each kind is defined by", () => {
    const malformed = [{ _tag: "Email" }, { _tag: "OnlineService" }, { _tag: "Link" }] as unknown as ContactField[]
    const { rejected } = project(lossless, { ...everything("individual"), fields: malformed })
    assert.deepStrictEqual(rejected.map((r) => [r.path, r.message]), [
      [["fields", 0, "address"], "is required by memory"],
      [["fields", 1, "service"], "is required by memory"],
      [["fields", 2, "uri"], "is required by memory"]
    ])
  })

  it("declares both kinds, updates by patch, removes, never merges creates, and has native field operations", () => {
    const { kinds, update, dedupeOnCreate, remove, fieldOperations } = lossless
    assert.deepStrictEqual(
      { kinds, update, dedupeOnCreate, remove, fieldOperations },
      {
        kinds: ["individual", "organization"],
        update: "patch",
        dedupeOnCreate: false,
        remove: true,
        fieldOperations: "native"
      }
    )
  })

  it("declares for each kind every value key kept, the one it is defined by required, and nothing flattened", () => {
    // Some of these are invisible to `project` (a defining key is kept even when a rule leaves it out), but the
    // fidelity matrix prints them: the reference has to say all of it.
    const everything = {
      readable: true,
      writable: true,
      contexts: ["home", "work", "other"],
      labels: { _tag: "Free", maxLength: 255 },
      preferred: true,
      fieldIds: true
    }
    assert.deepStrictEqual<unknown>(lossless.fields, {
      Email: { ...everything, keeps: ["address"], requires: ["address"] },
      Phone: {
        ...everything,
        keeps: ["number", "e164", "features"],
        requires: ["number"],
        features: ["voice", "mobile", "fax", "pager", "text"]
      },
      Address: { ...everything, keeps: ["street", "locality", "region", "postcode", "country", "countryCode"] },
      OnlineService: { ...everything, keeps: ["service", "user", "uri"], requires: ["service"] },
      Link: {
        ...everything,
        keeps: ["uri", "kind"],
        requires: ["uri"],
        linkKinds: ["website", "blog", "profile", "other"]
      }
    })
  })
})

describe("unsupportedField", () => {
  it("can neither write nor read, and keeps nothing", () => {
    assert.deepStrictEqual(unsupportedField(), {
      readable: false,
      writable: false,
      keeps: [],
      contexts: [],
      labels: { _tag: "None" },
      preferred: false,
      fieldIds: false
    })
  })

  it("rejects every field of its kind as something the vendor cannot store", () => {
    const noLinks: Capabilities = {
      ...lossless,
      vendor: "no-links",
      fields: { ...lossless.fields, Link: unsupportedField() }
    }
    const { contact, rejected } = project(noLinks, { ...everything("individual"), fields: everyKind("home", "blog") })
    assert.deepStrictEqual(contact.fields.map((f) => f._tag), ["Email", "Phone", "Address", "OnlineService"])
    assert.deepStrictEqual(rejected, [{
      path: ["fields", 4],
      message: "no-links cannot store Link fields",
      reason: "Unsupported"
    }])
  })
})
