/**
 * `project`'s rules for the contact as a whole, each against a hand-written expectation: the
 * kind, name and organisation components and their length limit, services, the order fields
 * come back in, and trimming for a vendor that trims every text.
 */
import { assert, describe, it } from "@effect/vitest"
import { type Capabilities, lossless } from "../src/Capabilities.ts"
import type { ContactDraft } from "../src/Contact.ts"
import type { ContactField } from "../src/ContactField.ts"
import { project, type Rejection } from "../src/Projection.ts"

const contact = (fields: ReadonlyArray<ContactField>, rest: Partial<ContactDraft> = {}): ContactDraft => ({
  kind: "individual",
  name: { given: "Ada" },
  organization: {},
  fields,
  ...rest
})

const invalid = (path: Rejection["path"], message: string): Rejection => ({ path, message, reason: "InvalidContact" })

describe("project: kind, name and organisation", () => {
  it("stores another kind as the first the vendor has, and leaves it alone when the vendor lists none", () => {
    const organizations: Capabilities = { ...lossless, vendor: "orgs", kinds: ["organization"] }
    const converted = project(organizations, contact([]))
    assert.strictEqual(converted.contact.kind, "organization")
    assert.deepStrictEqual(converted.losses, [{
      path: ["kind"],
      message: "orgs stores every contact as \"organization\""
    }])
    const unlisted = project({ ...lossless, kinds: [] }, contact([]))
    assert.strictEqual(unlisted.contact.kind, "individual")
    assert.deepStrictEqual(unlisted.losses, [])
  })

  it("holds name and organisation components to nameMaxLength: exactly the limit passes", () => {
    const short: Capabilities = { ...lossless, vendor: "short", nameMaxLength: 5 }
    const { contact: kept, rejected, losses } = project(
      short,
      contact([], {
        name: { given: "Grace", family: "Hopper" },
        organization: { name: "Navy", title: "Rear Admiral" }
      })
    )
    const message = "must be at most 5 characters for short"
    assert.deepStrictEqual(kept.name, { given: "Grace" })
    assert.deepStrictEqual(kept.organization, { name: "Navy" })
    assert.deepStrictEqual(rejected, [
      invalid(["name", "family"], message),
      invalid(["organization", "title"], message)
    ])
    assert.deepStrictEqual(losses, [
      { path: ["name", "family"], message },
      { path: ["organization", "title"], message }
    ])
  })

  it("loses the components the vendor has no place for, by name", () => {
    const plain: Capabilities = { ...lossless, vendor: "plain", name: ["given"], organization: ["name"] }
    const { contact: kept, losses } = project(
      plain,
      contact([], { name: { given: "Ada", middle: "King" }, organization: { name: "Engines", role: "Analyst" } })
    )
    assert.deepStrictEqual([kept.name, kept.organization], [{ given: "Ada" }, { name: "Engines" }])
    assert.deepStrictEqual(losses, [
      { path: ["name", "middle"], message: "plain does not keep middle" },
      { path: ["organization", "role"], message: "plain does not keep role" }
    ])
  })

  it("rejects a missing required component without listing it as a loss", () => {
    const { rejected, losses } = project(
      { ...lossless, vendor: "named", requiredName: ["family"] },
      contact([], { name: { given: "Ada" } })
    )
    assert.deepStrictEqual(rejected, [invalid(["name", "family"], "is required by named")])
    assert.deepStrictEqual(losses, [])
  })
})

describe("project: services and order", () => {
  it("names the services the vendor has, unless it has none", () => {
    const none: Capabilities = {
      ...lossless,
      vendor: "none",
      fields: { ...lossless.fields, OnlineService: { ...lossless.fields.OnlineService, services: [] } }
    }
    assert.deepStrictEqual(project(none, contact([{ _tag: "OnlineService", service: "skype" }])).rejected, [{
      path: ["fields", 0, "service"],
      message: "none does not support the service \"skype\"",
      reason: "Unsupported"
    }])
  })

  it("returns the kinds in fieldOrder first, the kinds it leaves out after, each in the order written", () => {
    const phonesFirst: Capabilities = { ...lossless, fieldOrder: ["Phone"] }
    const { origins } = project(
      phonesFirst,
      contact([
        { _tag: "Email", address: "a@example.com" },
        { _tag: "Link", uri: "https://ada.example" },
        { _tag: "Phone", number: "12" },
        { _tag: "Email", address: "b@example.com" },
        { _tag: "Phone", number: "13" }
      ])
    )
    assert.deepStrictEqual(origins, [2, 4, 0, 1, 3])
  })

  it("orders online services as a kind of their own when the vendor groups no services", () => {
    const emailsFirst: Capabilities = { ...lossless, fieldOrder: ["Email", "OnlineService"] }
    const { origins } = project(
      emailsFirst,
      contact([
        { _tag: "OnlineService", service: "skype", user: "ada" },
        { _tag: "Email", address: "a@example.com" },
        { _tag: "OnlineService", service: "twitter", user: "ada" }
      ])
    )
    assert.deepStrictEqual(origins, [1, 0, 2])
  })

  it("keeps the order written when the vendor declares none", () => {
    const { origins } = project(
      lossless,
      contact([
        { _tag: "Phone", number: "12" },
        { _tag: "Email", address: "a@example.com" },
        { _tag: "Phone", number: "13" }
      ])
    )
    assert.deepStrictEqual(origins, [0, 1, 2])
  })
})

describe("project: a vendor that trims text", () => {
  const trimming: Capabilities = { ...lossless, vendor: "trimming", trimsText: true }
  const trims = "trimming trims surrounding whitespace"

  it("trims every text value and label, and leaves the others and untrimmed text alone", () => {
    const { contact: kept, losses, rejected } = project(
      trimming,
      contact([
        { _tag: "Phone", number: " 12 ", features: ["voice"], context: "home" },
        { _tag: "Address", region: " Île-de-France", postcode: "75001 ", country: " France ", countryCode: "FR" },
        { _tag: "OnlineService", service: "skype", user: " ada", uri: "skype:ada " },
        { _tag: "Link", uri: " https://ada.example", kind: "blog", label: " Blog " }
      ], { name: { given: "Ada" }, organization: { name: " Engines " } })
    )
    assert.deepStrictEqual(kept.fields, [
      { _tag: "Phone", number: "12", features: ["voice"], context: "home" },
      { _tag: "Address", region: "Île-de-France", postcode: "75001", country: "France", countryCode: "FR" },
      { _tag: "OnlineService", service: "skype", user: "ada", uri: "skype:ada" },
      { _tag: "Link", uri: "https://ada.example", kind: "blog", label: "Blog" }
    ])
    assert.deepStrictEqual(kept.organization, { name: "Engines" })
    assert.deepStrictEqual(rejected, [])
    assert.deepStrictEqual(losses, [
      { path: ["organization", "name"], message: trims },
      { path: ["fields", 0, "number"], message: trims },
      { path: ["fields", 1, "region"], message: trims },
      { path: ["fields", 1, "postcode"], message: trims },
      { path: ["fields", 1, "country"], message: trims },
      { path: ["fields", 2, "user"], message: trims },
      { path: ["fields", 2, "uri"], message: trims },
      { path: ["fields", 3, "uri"], message: trims },
      { path: ["fields", 3, "label"], message: trims }
    ])
  })

  it("rejects a blank value a field cannot exist without, and does not list it as a loss", () => {
    const blank = "is blank once trimming trims it"
    const { rejected, losses } = project(
      trimming,
      contact([{ _tag: "Email", address: "  " }, { _tag: "Link", uri: " " }, { _tag: "Address", street: " " }])
    )
    assert.deepStrictEqual(rejected, [invalid(["fields", 0, "address"], blank), invalid(["fields", 1, "uri"], blank)])
    assert.deepStrictEqual(losses, [{ path: ["fields", 2, "street"], message: trims }])
  })

  it("leaves a field's vendor id alone: the vendor assigns it, it is no text the caller typed", () => {
    const field = { _tag: "Email", id: " e1 ", address: "a@example.com", context: "work" } as unknown as ContactField
    const { contact: kept, losses } = project(trimming, contact([field]))
    assert.deepStrictEqual(kept.fields, [field])
    assert.deepStrictEqual(losses, [])
  })

  it("reads a name component set to undefined as absent", () => {
    const draft = contact([], { name: { given: "Ada", family: undefined } as unknown as ContactDraft["name"] })
    const { contact: kept, losses } = project(trimming, draft)
    assert.deepStrictEqual(kept.name, { given: "Ada" })
    assert.deepStrictEqual(losses, [])
  })
})
