/**
 * The state's derived structures give exactly what reading every contact gave: after any creates and changes
 * (renames, type changes, tenants), a create's match among `matchCandidates` is the match among all the tenant's
 * contacts; and a contact's kept wire bytes are `JSON.stringify(toWire(contact))`.
 */
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { findMatch } from "../src/NgpvanMerge.ts"
import type { ContactData, NgpvanState, StoredContact } from "../src/NgpvanState.ts"
import { contactsOf, emptyState, matchCandidates, toWire, withContact } from "../src/NgpvanState.ts"
import { wireBytes } from "../src/NgpvanWireBytes.ts"

// Few names, in varying case and spacing, so that contacts share names and keys collide as they would.
// (A name left out is a key the record leaves out.)
const name = fc.constantFrom("Ada", " ada", "ADA ", "Alan", "alan", "", " ")
const text = fc.string({ unit: "binary", maxLength: 8 })

const data: fc.Arbitrary<ContactData> = fc.record({
  type: fc.constantFrom("INDIVIDUAL", "ORGANIZATION"),
  firstName: name,
  lastName: name,
  commonName: name,
  middleName: text,
  emails: fc.array(
    fc.record({
      address: fc.constantFrom("a@x.org", "A@X.org", "b@x.org"),
      type: fc.constantFrom("MAIN", "PERSONAL", "WORK"),
      doNotEmail: fc.boolean(),
      appliedEmailLists: fc.constant([])
    }),
    { maxLength: 2 }
  ),
  phones: fc.array(
    fc.record({
      number: fc.oneof(fc.constantFrom("2125550100", "1-212-555-0100"), text),
      type: fc.constantFrom("HOME", "MOBILE")
    }),
    { maxLength: 2 }
  ),
  addresses: fc.array(fc.record({ type: fc.constantFrom("HOME", "WORK"), line1: text }, { requiredKeys: ["type"] }), {
    maxLength: 1
  }),
  externalLinks: fc.constant([]),
  contactCodes: fc.array(fc.record({ contactCodeId: fc.nat(9) }), { maxLength: 1 }),
  disclosureFields: fc.constant([])
}, { requiredKeys: ["type", "emails", "phones", "addresses", "externalLinks", "contactCodes", "disclosureFields"] })

// A write: new data for the contact numbered `id` (a new contact when there is none yet) in `tenant`.
const write = fc.record({ id: fc.integer({ min: 1, max: 12 }), tenant: fc.constantFrom("A", "B"), data })

describe("NGP VAN state indexes", () => {
  it("a match among matchCandidates is the match among all the tenant's contacts, after any writes", () => {
    fc.assert(
      fc.property(
        fc.array(write, { maxLength: 30 }),
        fc.array(data, { minLength: 1, maxLength: 5 }),
        (writes, bodies) => {
          let state: NgpvanState = emptyState
          const tenantOf = new Map<number, "A" | "B">()
          for (const { data: body, id, tenant } of writes) {
            // A contact keeps its tenant, as in the mock: its number is its own everywhere.
            const owner = tenantOf.get(id) ?? tenant
            tenantOf.set(id, owner)
            state = withContact(state, { ...body, id, tenant: owner })
          }
          for (const tenant of ["A", "B"] as const) {
            for (const body of bodies) {
              assert.strictEqual(
                findMatch(matchCandidates(state, tenant, body), body),
                findMatch(contactsOf(state, tenant), body)
              )
            }
            // Each candidate is the tenant's current contact with that number.
            for (const body of bodies) {
              const current = new Set<StoredContact>(contactsOf(state, tenant))
              for (const candidate of matchCandidates(state, tenant, body)) assert.isTrue(current.has(candidate))
            }
          }
        }
      ),
      { numRuns: 500 }
    )
  })

  it("a contact's wire bytes are JSON.stringify(toWire(contact))", () => {
    fc.assert(
      fc.property(data, fc.integer({ min: 1, max: 1_000_000 }), (body, id) => {
        const contact: StoredContact = { ...body, id, tenant: "A" }
        const expected = JSON.stringify(toWire(contact))
        assert.strictEqual(new TextDecoder().decode(wireBytes(contact)), expected)
        assert.strictEqual(new TextDecoder().decode(wireBytes(contact)), expected)
      }),
      { numRuns: 300 }
    )
  })
})
