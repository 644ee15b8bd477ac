/**
 * `project`'s rules for one field, each checked against a hand-written expectation: which value
 * keys survive, how E.164 is compared, and what becomes of labels, contexts, `preferred`, phone
 * features and link kinds. Every loss is asserted with its path and its exact message.
 */
import { assert, describe, it } from "@effect/vitest"
import { type Capabilities, lossless } from "../src/Capabilities.ts"
import type { ContactDraft } from "../src/Contact.ts"
import type { ContactField } from "../src/ContactField.ts"
import { project } from "../src/Projection.ts"

const contact = (fields: ReadonlyArray<ContactField>): ContactDraft => ({
  kind: "individual",
  name: { given: "Ada" },
  organization: {},
  fields
})

/** Keeps no value key at all: only what a field cannot exist without survives. */
const bare: Capabilities = {
  ...lossless,
  vendor: "bare",
  fields: {
    Email: { ...lossless.fields.Email, keeps: [] },
    Phone: { ...lossless.fields.Phone, keeps: [] },
    Address: { ...lossless.fields.Address, keeps: [] },
    OnlineService: { ...lossless.fields.OnlineService, keeps: [] },
    Link: { ...lossless.fields.Link, keeps: [] }
  }
}

describe("project: value keys", () => {
  it("keeps only what the vendor keeps, and always what a field cannot exist without", () => {
    const draft = contact([
      { _tag: "Email", address: "ada@example.com" },
      { _tag: "Phone", number: "(202) 555-0123", features: ["voice"] },
      { _tag: "Address", street: "1 Main St", locality: "Springfield", countryCode: "US" },
      { _tag: "OnlineService", service: "skype", user: "ada", uri: "skype:ada" },
      { _tag: "Link", uri: "https://ada.example", kind: "blog" },
      // An empty feature list says nothing, so dropping it is no loss.
      { _tag: "Phone", number: "12", features: [] }
    ])
    const { contact: kept, losses, rejected } = project(bare, draft)
    assert.deepStrictEqual(kept.fields, [
      { _tag: "Email", address: "ada@example.com" },
      { _tag: "Phone", number: "(202) 555-0123", e164: "+12025550123" },
      { _tag: "Address" },
      { _tag: "OnlineService", service: "skype" },
      { _tag: "Link", uri: "https://ada.example" },
      { _tag: "Phone", number: "12" }
    ])
    assert.deepStrictEqual(losses, [
      { path: ["fields", 1, "features"], message: "bare does not keep features" },
      { path: ["fields", 2, "street"], message: "bare does not keep street" },
      { path: ["fields", 2, "locality"], message: "bare does not keep locality" },
      { path: ["fields", 2, "countryCode"], message: "bare does not keep countryCode" },
      { path: ["fields", 3, "user"], message: "bare does not keep user" },
      { path: ["fields", 3, "uri"], message: "bare does not keep uri" },
      { path: ["fields", 4, "kind"], message: "bare does not keep kind" }
    ])
    assert.deepStrictEqual(rejected, [])
  })

  it("reads a value key set to undefined as absent", () => {
    const field = { _tag: "Address", locality: "Springfield", region: undefined } as unknown as ContactField
    const { contact: kept, losses } = project(bare, contact([field]))
    assert.deepStrictEqual(kept.fields, [{ _tag: "Address" }])
    assert.deepStrictEqual(losses, [{ path: ["fields", 0, "locality"], message: "bare does not keep locality" }])
  })
})

describe("project: E.164", () => {
  /** Stores the number only and derives E.164 from it on the way back. */
  const deriving: Capabilities = {
    ...lossless,
    vendor: "deriving",
    fields: { ...lossless.fields, Phone: { ...lossless.fields.Phone, keeps: ["number", "features"] } }
  }
  const derives = "deriving derives E.164 from the number itself"

  it("a vendor that derives E.164 loses a given form only where it differs from the derived one", () => {
    const { contact: kept, losses } = project(
      deriving,
      contact([
        { _tag: "Phone", number: "(202) 555-0123", e164: "+12025550123" },
        { _tag: "Phone", number: "(202) 555-0123", e164: "+442071234567" },
        { _tag: "Phone", number: "12", e164: "+12025550123" },
        { _tag: "Phone", number: "(202) 555-0124" }
      ])
    )
    assert.deepStrictEqual(kept.fields, [
      { _tag: "Phone", number: "(202) 555-0123", e164: "+12025550123" },
      { _tag: "Phone", number: "(202) 555-0123", e164: "+12025550123" },
      { _tag: "Phone", number: "12" },
      { _tag: "Phone", number: "(202) 555-0124", e164: "+12025550124" }
    ])
    assert.deepStrictEqual(losses, [
      { path: ["fields", 1, "e164"], message: derives },
      { path: ["fields", 2, "e164"], message: derives }
    ])
  })

  it("a vendor that keeps E.164 keeps the given form, and derives one only when none is given", () => {
    const { contact: kept, losses } = project(
      lossless,
      contact([
        { _tag: "Phone", number: "12", e164: "+12025550123" },
        { _tag: "Phone", number: "(202) 555-0123", e164: "+442071234567" },
        { _tag: "Phone", number: "(202) 555-0124" }
      ])
    )
    assert.deepStrictEqual(kept.fields, [
      { _tag: "Phone", number: "12", e164: "+12025550123" },
      { _tag: "Phone", number: "(202) 555-0123", e164: "+442071234567" },
      { _tag: "Phone", number: "(202) 555-0124", e164: "+12025550124" }
    ])
    assert.deepStrictEqual(losses, [])
  })
})

describe("project: labels, contexts and preferred", () => {
  const picky: Capabilities = {
    ...lossless,
    vendor: "picky",
    fields: {
      ...lossless.fields,
      Email: { ...lossless.fields.Email, labels: { _tag: "None" }, contexts: ["work"], preferred: false },
      Phone: { ...lossless.fields.Phone, labels: { _tag: "Enum", values: ["Main", "Mobile"] } },
      Address: { ...lossless.fields.Address, labels: { _tag: "Free", maxLength: 5 } }
    }
  }

  it("keeps a label as each label rule allows, and names every one it loses", () => {
    const { contact: kept, losses } = project(
      picky,
      contact([
        { _tag: "Email", address: "a@example.com", label: "Private" },
        { _tag: "Phone", number: "12", label: "mobile" },
        { _tag: "Phone", number: "13", label: "MAIN" },
        { _tag: "Phone", number: "14", label: "Work" },
        { _tag: "Address", locality: "Paris", label: "Home1" },
        { _tag: "Address", locality: "Lyon", label: "Home12" }
      ])
    )
    assert.deepStrictEqual(kept.fields.map((f) => f.label), [
      undefined,
      "Mobile",
      "Main",
      undefined,
      "Home1",
      undefined
    ])
    assert.deepStrictEqual(losses, [
      { path: ["fields", 0, "label"], message: "picky keeps no labels" },
      { path: ["fields", 3, "label"], message: "picky keeps only the labels \"Main\", \"Mobile\"" },
      { path: ["fields", 5, "label"], message: "picky keeps labels of at most 5 characters" }
    ])
  })

  it("keeps the contexts the vendor keeps, and preferred only as true and only where it is kept", () => {
    const { contact: kept, losses } = project(
      picky,
      contact([
        { _tag: "Email", address: "a@example.com", context: "work", preferred: true },
        { _tag: "Email", address: "b@example.com", context: "home", preferred: false },
        { _tag: "Phone", number: "12", context: "home", preferred: true },
        { _tag: "Phone", number: "13", preferred: false }
      ])
    )
    assert.deepStrictEqual(kept.fields, [
      { _tag: "Email", address: "a@example.com", context: "work" },
      { _tag: "Email", address: "b@example.com" },
      { _tag: "Phone", number: "12", context: "home", preferred: true },
      { _tag: "Phone", number: "13" }
    ])
    assert.deepStrictEqual(losses, [
      { path: ["fields", 0, "preferred"], message: "picky does not keep which field is preferred" },
      { path: ["fields", 1, "context"], message: "picky does not keep the context \"home\"" }
    ])
  })
})

describe("project: phone features and link kinds", () => {
  const limited: Capabilities = {
    ...lossless,
    vendor: "limited",
    fields: {
      ...lossless.fields,
      Phone: { ...lossless.fields.Phone, features: ["voice", "mobile"] },
      Link: { ...lossless.fields.Link, linkKinds: ["website"] }
    }
  }

  it("keeps the features and link kinds the vendor lists and loses the others by name", () => {
    const { contact: kept, losses } = project(
      limited,
      contact([
        { _tag: "Phone", number: "12", features: ["voice", "fax", "pager"] },
        { _tag: "Phone", number: "13", features: ["mobile", "voice"] },
        { _tag: "Link", uri: "https://ada.example", kind: "blog" },
        { _tag: "Link", uri: "https://ada.example/about", kind: "website" }
      ])
    )
    assert.deepStrictEqual(kept.fields, [
      { _tag: "Phone", number: "12", features: ["voice"] },
      { _tag: "Phone", number: "13", features: ["mobile", "voice"] },
      { _tag: "Link", uri: "https://ada.example" },
      { _tag: "Link", uri: "https://ada.example/about", kind: "website" }
    ])
    assert.deepStrictEqual(losses, [
      { path: ["fields", 0, "features"], message: "limited does not keep the phone features \"fax\", \"pager\"" },
      { path: ["fields", 2, "kind"], message: "limited does not keep the link kind \"blog\"" }
    ])
  })

  it("a vendor that lists no features or link kinds keeps them all", () => {
    const { features: _, ...anyFeature } = lossless.fields.Phone
    const { linkKinds: __, ...anyKind } = lossless.fields.Link
    const open: Capabilities = { ...lossless, fields: { ...lossless.fields, Phone: anyFeature, Link: anyKind } }
    const draft = contact([
      { _tag: "Phone", number: "12", features: ["fax", "pager", "text"] },
      { _tag: "Link", uri: "https://ada.example", kind: "profile" }
    ])
    const { contact: kept, losses } = project(open, draft)
    assert.deepStrictEqual(kept.fields, draft.fields)
    assert.deepStrictEqual(losses, [])
  })
})
