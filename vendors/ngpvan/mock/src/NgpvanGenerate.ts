/**
 * Generated contacts for load tests (`POST /__admin/seed {"count": n}`): the demo data, then `n` individuals in
 * tenant A (the first test key's), each with a personal email, a mobile phone and a home address, numbered after
 * the demo data. Deterministic: the same count, the same state.
 */
import { seedState } from "./NgpvanSeed.ts"
import type { NgpvanState } from "./NgpvanState.ts"
import { newContact, withContact } from "./NgpvanState.ts"

const firstNames = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia"]
const lastNames = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson"]

export const generatedState = (count: number): NgpvanState => {
  let state = seedState()
  for (let i = 0; i < count; i++) {
    const firstName = firstNames[i % firstNames.length] ?? "Ada"
    const lastName = lastNames[Math.floor(i / firstNames.length) % lastNames.length] ?? "Lovelace"
    state = withContact(
      state,
      newContact(state, "A", {
        type: "INDIVIDUAL",
        firstName,
        lastName,
        emails: [{
          address: `${firstName}.${lastName}.${i}@example.com`.toLowerCase(),
          type: "PERSONAL",
          doNotEmail: false,
          appliedEmailLists: []
        }],
        phones: [{ number: `212555${String(i % 10_000).padStart(4, "0")}`, type: "MOBILE" }],
        addresses: [{
          line1: `${i} Main St`,
          city: "Springfield",
          stateProvince: "IL",
          postalCode: "62701",
          type: "HOME"
        }],
        externalLinks: [],
        contactCodes: [],
        disclosureFields: []
      })
    )
  }
  return state
}
