import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import type { Contact, ContactPatch } from "../src/Contact.ts"
import { nameComponents, organizationComponents } from "../src/Contact.ts"
import { applyPatch } from "../src/Patch.ts"
import { contactArb, contactPatchArb, textArb } from "../src/testing/Arbitraries.ts"

const ada: Contact = {
  id: "1" as Contact["id"],
  kind: "individual",
  name: { given: "Ada", family: "Lovelace", prefix: "Lady" },
  organization: { name: "Analytical Engines", title: "Analyst" },
  fields: [{ _tag: "Email", address: "ada@example.com" }],
  createdAt: "2026-01-01T00:00:00.000Z",
  remote: { vendor: "memory", record: { custom: 1 } }
}

describe("applyPatch", () => {
  it("an empty patch changes nothing", () => {
    assert.deepStrictEqual(applyPatch(ada, {}), ada)
  })

  it("sets, clears and leaves name and organisation components one by one", () => {
    const patched = applyPatch(ada, {
      name: { given: "Augusta", prefix: null },
      organization: { department: "Mathematics", title: null }
    })
    assert.deepStrictEqual(patched.name, { given: "Augusta", family: "Lovelace" })
    assert.deepStrictEqual(patched.organization, { name: "Analytical Engines", department: "Mathematics" })
    assert.deepStrictEqual(patched.fields, ada.fields)
    assert.deepStrictEqual(patched.remote, ada.remote)
  })

  it("replaces kind and the whole field list when present", () => {
    const patched = applyPatch(ada, { kind: "organization", fields: [{ _tag: "Link", uri: "https://example.com" }] })
    assert.strictEqual(patched.kind, "organization")
    assert.deepStrictEqual(patched.fields, [{ _tag: "Link", uri: "https://example.com" }])
    assert.deepStrictEqual(applyPatch(ada, { fields: [] }).fields, [])
  })

  it("reads an explicit undefined as an absent component", () => {
    const patch = { name: { given: undefined } } as unknown as ContactPatch
    assert.deepStrictEqual(applyPatch(ada, patch).name, ada.name)
  })

  it("a patch of name.given alone leaves every other part equal", () =>
    fc.assert(
      fc.property(contactArb, textArb(), (contact, given) => {
        const patched = applyPatch(contact, { name: { given } })
        assert.deepStrictEqual(patched, { ...contact, name: { ...contact.name, given } })
      }),
      { numRuns: 300 }
    ))

  it("every part follows the documented rule", () =>
    fc.assert(
      fc.property(contactArb, contactPatchArb, (contact, patch) => {
        const patched = applyPatch(contact, patch)
        assert.strictEqual(patched.id, contact.id)
        assert.strictEqual(patched.kind, patch.kind ?? contact.kind)
        assert.deepStrictEqual(patched.fields, patch.fields ?? contact.fields)
        for (const key of nameComponents) {
          const change = patch.name?.[key]
          assert.strictEqual(patched.name[key], change === null ? undefined : change ?? contact.name[key])
          if (change === null) assert.isFalse(key in patched.name)
        }
        for (const key of organizationComponents) {
          const change = patch.organization?.[key]
          assert.strictEqual(
            patched.organization[key],
            change === null ? undefined : change ?? contact.organization[key]
          )
        }
        assert.strictEqual(patched.createdAt, contact.createdAt)
      }),
      { numRuns: 300 }
    ))

  it("does not modify its input", () => {
    const before = structuredClone(ada)
    applyPatch(ada, { name: { given: null } })
    assert.deepStrictEqual(ada, before)
  })
})
