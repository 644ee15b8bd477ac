/**
 * `project` under the rules only some vendors declare, each against a hand-written expectation:
 * one field per vendor type, a minimum count, services grouped by kind of service, and a single
 * preferred field of a kind.
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
const phone = (number: string, preferred?: true): ContactField =>
  preferred === undefined ? { _tag: "Phone", number } : { _tag: "Phone", number, preferred }
const email = (address: string, preferred?: true): ContactField =>
  preferred === undefined ? { _tag: "Email", address } : { _tag: "Email", address, preferred }
const service = (name: "skype" | "twitter" | "facebook"): ContactField => ({
  _tag: "OnlineService",
  service: name,
  user: "ada"
})

describe("project: one field per vendor type", () => {
  it("without typeOf, every field of the kind is of one type", () => {
    const oneType: Capabilities = {
      ...lossless,
      vendor: "one-type",
      fields: { ...lossless.fields, Phone: { ...lossless.fields.Phone, uniqueBy: "type" } }
    }
    const { origins, rejected } = project(oneType, contact([phone("12"), phone("13")]))
    assert.deepStrictEqual(origins, [0])
    assert.deepStrictEqual(rejected, [{
      path: ["fields", 1],
      message: "one-type keeps one Phone per type, and fields[0] is also of type \"\"",
      reason: "Unsupported"
    }])
  })
})

describe("project: a minimum count", () => {
  const needs: Capabilities = {
    ...lossless,
    vendor: "needs",
    fields: {
      ...lossless.fields,
      Email: { ...lossless.fields.Email, minCount: 1 },
      Phone: { ...lossless.fields.Phone, minCount: 2 }
    }
  }

  it("rejects the contact, not a field, when a kind has fewer fields than the minimum", () => {
    const { rejected, losses } = project(needs, contact([phone("12")]))
    assert.deepStrictEqual(rejected, [
      { path: ["fields"], message: "needs needs at least 1 Email field", reason: "InvalidContact" },
      { path: ["fields"], message: "needs needs at least 2 Phone fields", reason: "InvalidContact" }
    ])
    // Nothing was dropped: the fields it has are all kept.
    assert.deepStrictEqual(losses, [])
  })

  it("accepts exactly the minimum", () => {
    assert.deepStrictEqual(project(needs, contact([email("a@example.com"), phone("12"), phone("13")])).rejected, [])
  })
})

describe("project: services grouped by kind of service", () => {
  const grouped = (fieldOrder: NonNullable<Capabilities["fieldOrder"]>): Capabilities => ({
    ...lossless,
    fieldOrder,
    serviceOrder: [["skype"], ["twitter"]]
  })

  it("between two other kinds, the groups stay inside the place of online services", () => {
    const draft = contact([
      phone("12"),
      service("twitter"),
      service("facebook"),
      service("skype"),
      email("a@example.com")
    ])
    const { origins } = project(grouped(["Email", "OnlineService", "Phone"]), draft)
    // E-mail, then skype, twitter and the service in no group, then the phone.
    assert.deepStrictEqual(origins, [4, 3, 1, 2, 0])
  })

  it("after two other kinds, every group comes after both", () => {
    const draft = contact([service("skype"), service("twitter"), phone("12"), email("a@example.com")])
    const { origins } = project(grouped(["Email", "Phone", "OnlineService"]), draft)
    assert.deepStrictEqual(origins, [3, 2, 0, 1])
  })
})

describe("project: a single preferred field of a kind", () => {
  const primary = (preferred: boolean): Capabilities => ({
    ...lossless,
    vendor: "primary",
    fields: { ...lossless.fields, Email: { ...lossless.fields.Email, singlePreferred: true, preferred } }
  })

  it("decides among the fields of its kind only, and names each preference it drops", () => {
    const { contact: kept, losses } = project(
      primary(true),
      contact([phone("12", true), email("a@example.com"), email("b@example.com", true), email("c@example.com", true)])
    )
    assert.deepStrictEqual(kept.fields, [
      phone("12", true),
      email("a@example.com"),
      email("b@example.com", true),
      email("c@example.com")
    ])
    assert.deepStrictEqual(losses, [{ path: ["fields", 3, "preferred"], message: "primary keeps one preferred Email" }])
    const { contact: first } = project(primary(true), contact([phone("12", true), email("a@example.com")]))
    assert.deepStrictEqual(first.fields, [phone("12", true), email("a@example.com", true)])
  })

  it("marks nothing for a vendor that keeps no preference at all", () => {
    const { contact: kept } = project(primary(false), contact([email("a@example.com"), email("b@example.com")]))
    assert.deepStrictEqual(kept.fields, [email("a@example.com"), email("b@example.com")])
  })
})
