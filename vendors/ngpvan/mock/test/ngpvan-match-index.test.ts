/**
 * The dedupe index (NgpvanMatchIndex.ts) answers what reading every contact answered: after any sequence of
 * creates, merges, renames, type changes and changed addresses or numbers, in either tenant, a create's match is the
 * oldest of the tenant's contacts the linear rule (`isMatch` over all of them, oldest first) accepts; the index is
 * the one built afresh from the contacts as they are; and many contacts of one name cost one lookup each.
 */
import { IdTable } from "@contactkit/mock-platform"
import { assert, describe, it } from "@effect/vitest"
import { HashMap } from "effect"
import * as fc from "fast-check"
import { matchGroups, reindexed } from "../src/NgpvanMatchIndex.ts"
import { findMatch, isMatch } from "../src/NgpvanMerge.ts"
import type { ContactData, NgpvanState, StoredContact, Tenant } from "../src/NgpvanState.ts"
import { contactsOf, emptyState, matchCandidates, withContact } from "../src/NgpvanState.ts"

// Few names, addresses and numbers, in varying case, spacing and punctuation, so that contacts share them often.
const name = fc.constantFrom("Ada", " ada", "ADA ", "Alan", "a\u0000b", "", " ")
const address = fc.constantFrom("a@x.org", "A@X.ORG", "b@x.org", "\u0130@x.org", "i\u0307@x.org")
const number = fc.constantFrom("2125550100", "1-212-555-0100", "+1 (212) 555-0100", "12125550100", "555", "x", "")

const data: fc.Arbitrary<ContactData> = fc.record({
  type: fc.constantFrom("INDIVIDUAL", "ORGANIZATION"),
  firstName: name,
  lastName: name,
  commonName: name,
  emails: fc.array(
    fc.record({
      address,
      type: fc.constantFrom("MAIN", "PERSONAL", "WORK"),
      doNotEmail: fc.boolean(),
      appliedEmailLists: fc.constant([])
    }),
    { maxLength: 3 }
  ),
  phones: fc.array(fc.record({ number, type: fc.constantFrom("HOME", "MOBILE", "WORK") }), { maxLength: 3 }),
  addresses: fc.constant([]),
  externalLinks: fc.constant([]),
  contactCodes: fc.constant([]),
  disclosureFields: fc.constant([])
}, { requiredKeys: ["type", "emails", "phones", "addresses", "externalLinks", "contactCodes", "disclosureFields"] })

const write = fc.record({ id: fc.integer({ min: 1, max: 10 }), tenant: fc.constantFrom<Tenant>("A", "B"), data })

/** The state after `writes`, each contact keeping the tenant it was first written in (as in the mock). */
const stateAfter = (writes: ReadonlyArray<{ id: number; tenant: Tenant; data: ContactData }>): NgpvanState => {
  let state: NgpvanState = emptyState
  const tenantOf = new Map<number, Tenant>()
  for (const { data: body, id, tenant } of writes) {
    const owner = tenantOf.get(id) ?? tenant
    tenantOf.set(id, owner)
    state = withContact(state, { ...body, id, tenant: owner })
  }
  return state
}

/** The index as built from nothing out of the contacts as they are now. */
const rebuilt = (state: NgpvanState) => {
  let index: NgpvanState["byMatch"] = HashMap.empty()
  for (const tenant of ["A", "B"] as const) {
    for (const contact of contactsOf(state, tenant)) {
      index = reindexed(index, contact.id, [], matchGroups(tenant, contact))
    }
  }
  return index
}

/** Each group with the numbers in it, in id order; the groups sorted by name. */
const groupsOf = (index: NgpvanState["byMatch"]) =>
  [...HashMap.entries(index)].map(([group, ids]) => [group, IdTable.values(ids)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

describe("NGP VAN dedupe index", () => {
  it("a create's match is the oldest contact the linear rule accepts, after any writes", () => {
    fc.assert(
      fc.property(
        fc.array(write, { maxLength: 40 }),
        fc.array(data, { minLength: 1, maxLength: 6 }),
        (writes, bodies) => {
          const state = stateAfter(writes)
          for (const tenant of ["A", "B"] as const) {
            for (const body of bodies) {
              const linear = contactsOf(state, tenant).find((stored) => isMatch(stored, body))
              assert.strictEqual(findMatch(matchCandidates(state, tenant, body), body), linear)
              // Every candidate is a match: the index holds no contact under an address or number it has left.
              for (const candidate of matchCandidates(state, tenant, body)) assert.isTrue(isMatch(candidate, body))
            }
          }
        }
      ),
      { numRuns: 1000 }
    )
  })

  it("is, after any writes, the index built afresh from the contacts as they are", () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 40 }), (writes) => {
        const state = stateAfter(writes)
        assert.deepStrictEqual(groupsOf(state.byMatch), groupsOf(rebuilt(state)))
      }),
      { numRuns: 500 }
    )
  })

  it("offers one candidate per address or number however many contacts share the name, the oldest first", () => {
    let state: NgpvanState = emptyState
    const person = (i: number): ContactData => ({
      type: "INDIVIDUAL",
      firstName: "Ada",
      lastName: "Lovelace",
      emails: [{ address: `ada.${i % 50}@example.org`, type: "PERSONAL", doNotEmail: false, appliedEmailLists: [] }],
      phones: [],
      addresses: [],
      externalLinks: [],
      contactCodes: [],
      disclosureFields: []
    })
    for (let i = 1; i <= 2_000; i++) {
      const contact: StoredContact = { ...person(i), id: i, tenant: "A" }
      state = withContact(state, contact)
    }
    const body = { ...person(7), phones: [{ number: "2125550100", type: "HOME" as const }] }
    const candidates = matchCandidates(state, "A", body)
    assert.deepStrictEqual(candidates.map((c) => c.id), [7])
    assert.strictEqual(matchCandidates(state, "B", body).length, 0)
    assert.strictEqual(matchCandidates(state, "A", { ...body, emails: [] }).length, 0)
  })
})
