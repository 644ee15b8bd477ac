/**
 * `project`'s limits, each at its boundary and with its exact message: required and over-long
 * values, counts, duplicates under each `uniqueBy`, services, name lengths, kinds, field order
 * and fields a vendor stores but never returns.
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
const unsupported = (path: Rejection["path"], message: string): Rejection => ({ path, message, reason: "Unsupported" })

describe("project: value rules", () => {
  const strict: Capabilities = {
    ...lossless,
    vendor: "strict",
    fields: {
      ...lossless.fields,
      Email: { ...lossless.fields.Email, maxLength: 15 },
      Phone: { ...lossless.fields.Phone, maxLength: 10 },
      Address: { ...lossless.fields.Address, requires: ["locality"] }
    }
  }

  it("accepts a value of exactly maxLength and rejects one character more", () => {
    const { contact: kept, rejected, losses } = project(
      strict,
      contact([
        { _tag: "Email", address: "abc@example.com" },
        { _tag: "Email", address: "abcd@example.com" }
      ])
    )
    const message = "must be at most 15 characters for strict"
    assert.deepStrictEqual(kept.fields, [{ _tag: "Email", address: "abc@example.com" }])
    assert.deepStrictEqual(rejected, [invalid(["fields", 1, "address"], message)])
    assert.deepStrictEqual(losses, [{ path: ["fields", 1, "address"], message }])
  })

  it("holds text values to maxLength, not the label, the derived E.164 or the feature list", () => {
    const tiny: Capabilities = {
      ...lossless,
      vendor: "tiny",
      fields: { ...lossless.fields, Phone: { ...lossless.fields.Phone, maxLength: 2 } }
    }
    const longLabel = { _tag: "Email", address: "abc@example.com", label: "a label longer than fifteen" } as const
    // Ten digits, but twelve characters once written as E.164.
    const phone = { _tag: "Phone", number: "2025550123", e164: "+12025550123" } as const
    assert.deepStrictEqual(project(strict, contact([longLabel, phone])).rejected, [])
    const features = { _tag: "Phone", number: "12", features: ["voice", "mobile", "fax"] } as const
    assert.deepStrictEqual(project(tiny, contact([features])).rejected, [])
  })

  it("rejects a field that lacks a value the vendor requires", () => {
    const { contact: kept, rejected } = project(
      strict,
      contact([{ _tag: "Address", street: "1 Main St" }, { _tag: "Address", locality: "Springfield" }])
    )
    assert.deepStrictEqual(kept.fields, [{ _tag: "Address", locality: "Springfield" }])
    assert.deepStrictEqual(rejected, [invalid(["fields", 0, "locality"], "is required by strict")])
  })

  it("rejects a phone without an E.164 form only where the vendor requires one", () => {
    const e164Only: Capabilities = {
      ...lossless,
      vendor: "e164-only",
      fields: { ...lossless.fields, Phone: { ...lossless.fields.Phone, requiresE164: true } }
    }
    const draft = contact([{ _tag: "Phone", number: "12" }, { _tag: "Phone", number: "(202) 555-0123" }])
    assert.deepStrictEqual(project(e164Only, draft).rejected, [
      invalid(
        ["fields", 0, "number"],
        "must be a phone number with an E.164 form (such as +12025550123) for e164-only"
      )
    ])
    assert.deepStrictEqual(project(lossless, draft).rejected, [])
  })
})

describe("project: counts", () => {
  const counted = (maxCount: number, rest: Partial<Capabilities["fields"]["Email"]> = {}): Capabilities => ({
    ...lossless,
    vendor: "counted",
    fields: { ...lossless.fields, Email: { ...lossless.fields.Email, maxCount, ...rest } }
  })
  const email = (address: string): ContactField => ({ _tag: "Email", address })

  it("keeps exactly maxCount fields of a kind and rejects each one after", () => {
    const { origins, rejected } = project(
      counted(2),
      contact([email("a@example.com"), email("b@example.com"), email("c@example.com"), email("d@example.com")])
    )
    assert.deepStrictEqual(origins, [0, 1])
    const message = "counted keeps at most 2 Email fields"
    assert.deepStrictEqual(rejected, [unsupported(["fields", 2], message), unsupported(["fields", 3], message)])
  })

  it("with maxCount 0 holds no field of that kind", () => {
    const { origins, rejected } = project(counted(0), contact([email("a@example.com")]))
    assert.deepStrictEqual(origins, [])
    assert.deepStrictEqual(rejected, [unsupported(["fields", 0], "counted keeps at most 0 Email fields")])
  })

  it("does not count a field rejected for its value", () => {
    const { origins, rejected } = project(
      counted(1, { maxLength: 15 }),
      contact([email("a-long-address@example.com"), email("a@example.com")])
    )
    assert.deepStrictEqual(origins, [1])
    assert.deepStrictEqual(rejected.map((r) => r.reason), ["InvalidContact"])
  })

  it("counts a field it stores but never returns", () => {
    const { origins, losses, rejected } = project(
      counted(1, { readable: false }),
      contact([email("a@example.com"), email("b@example.com")])
    )
    assert.deepStrictEqual(origins, [])
    assert.deepStrictEqual(losses, [
      { path: ["fields", 0], message: "counted stores Email fields but never returns them" },
      { path: ["fields", 1], message: "counted keeps at most 1 Email fields" }
    ])
    assert.deepStrictEqual(rejected, [unsupported(["fields", 1], "counted keeps at most 1 Email fields")])
  })
})

describe("project: one of each", () => {
  const byValue = { uniqueBy: "value" } as const
  const unique: Capabilities = {
    ...lossless,
    vendor: "unique",
    fields: {
      Email: { ...lossless.fields.Email, ...byValue },
      Phone: { ...lossless.fields.Phone, ...byValue },
      Address: { ...lossless.fields.Address, ...byValue },
      OnlineService: { ...lossless.fields.OnlineService, ...byValue },
      Link: { ...lossless.fields.Link, ...byValue }
    }
  }
  const twice = (kind: string, first: number) =>
    `unique keeps each ${kind} once, and fields[${first}] has the same value`

  it("rejects a second field of the same value, kind by kind, and keeps fields that differ", () => {
    const { origins, rejected } = project(
      unique,
      contact([
        { _tag: "Email", address: "Ada@Example.com" },
        { _tag: "Email", address: "ada@example.COM" },
        // Different addresses, though their upper-case forms are alike.
        { _tag: "Email", address: "straße@example.de" },
        { _tag: "Email", address: "strasse@example.de" },
        { _tag: "Phone", number: "(202) 555-0123" },
        { _tag: "Phone", number: "202-555-0123" },
        { _tag: "Phone", number: "12" },
        { _tag: "Phone", number: "12" },
        { _tag: "Phone", number: "13" },
        { _tag: "Address", locality: "Paris", country: "France" },
        { _tag: "Address", locality: "Paris", country: "France" },
        { _tag: "Address", locality: "Paris", country: "France", countryCode: "FR" },
        { _tag: "OnlineService", service: "skype", user: "ada" },
        { _tag: "OnlineService", service: "skype", user: "ada" },
        { _tag: "OnlineService", service: "skype", user: "ada", uri: "skype:ada" },
        { _tag: "OnlineService", service: "twitter", user: "ada" },
        { _tag: "Link", uri: "https://ada.example" },
        { _tag: "Link", uri: "https://ada.example" },
        { _tag: "Link", uri: "https://ada.example/blog" }
      ])
    )
    assert.deepStrictEqual(origins, [0, 2, 3, 4, 6, 8, 9, 11, 12, 14, 15, 16, 18])
    assert.deepStrictEqual(rejected, [
      unsupported(["fields", 1], twice("Email", 0)),
      unsupported(["fields", 5], twice("Phone", 4)),
      unsupported(["fields", 7], twice("Phone", 6)),
      unsupported(["fields", 10], twice("Address", 9)),
      unsupported(["fields", 13], twice("OnlineService", 12)),
      unsupported(["fields", 17], twice("Link", 16))
    ])
  })

  it("one per context: fields without a context share one, fields of different contexts do not", () => {
    const perContext: Capabilities = {
      ...lossless,
      vendor: "per-context",
      fields: {
        ...lossless.fields,
        Email: { ...lossless.fields.Email, uniqueBy: "context" },
        Phone: { ...lossless.fields.Phone, uniqueBy: "context" }
      }
    }
    const { origins, rejected } = project(
      perContext,
      contact([
        { _tag: "Phone", number: "12", context: "work" },
        { _tag: "Phone", number: "13", context: "home" },
        { _tag: "Phone", number: "14", context: "work" },
        { _tag: "Phone", number: "15" },
        { _tag: "Phone", number: "16" },
        // Another kind never collides with a phone.
        { _tag: "Email", address: "a@example.com", context: "work" }
      ])
    )
    assert.deepStrictEqual(origins, [0, 1, 3, 5])
    const sameContext = (first: number) =>
      `per-context keeps one Phone per context, and fields[${first}] has the same context`
    assert.deepStrictEqual(rejected, [
      unsupported(["fields", 2], sameContext(0)),
      unsupported(["fields", 4], sameContext(3))
    ])
  })
})
