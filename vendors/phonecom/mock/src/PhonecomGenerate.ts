/**
 * Generated contacts for load tests (`POST /__admin/seed {"count": n}`): the demo data, then `n` contacts in account
 * 1001, extension 1 (the first test token's), each with two emails, a phone and an address, ids following the demo
 * data's. Deterministic: the i-th generated contact is always the same, whatever else has happened.
 */
import { normalizePhone } from "./PhonecomNormalize.ts"
import { seedState } from "./PhonecomSeed.ts"
import type { PhonecomState, StoredContact } from "./PhonecomState.ts"
import { withContact } from "./PhonecomState.ts"

const firstNames = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia"]
const lastNames = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson"]
const companies = ["Acme Corp", "Globex", "Initech", "Umbrella", "Stark Industries"]
const baseTime = 1_710_000_000

export const generatedContact = (i: number, id: number): StoredContact => {
  const first = firstNames[i % firstNames.length] ?? "Ada"
  const last = lastNames[Math.floor(i / firstNames.length) % lastNames.length] ?? "Lovelace"
  const email = `${first}.${last}.${i}@example.com`.toLowerCase()
  const number = `+1 212 555 ${String(i % 10_000).padStart(4, "0")}`
  return {
    id,
    extensionId: 1,
    prefix: null,
    first_name: first,
    middle_name: null,
    last_name: last,
    suffix: null,
    nickname: null,
    company: companies[i % companies.length] ?? null,
    phonetic_first_name: null,
    phonetic_middle_name: null,
    phonetic_last_name: null,
    department: null,
    job_title: "Engineer",
    emails: [{ type: "primary", email }, { type: "alternate", email: `alt.${email}` }],
    phone_numbers: [{ type: "mobile", number, normalized: normalizePhone(number) }],
    addresses: [{
      type: "business",
      street: `${i} Main St`,
      city: "Springfield",
      state: "IL",
      zip: "62701",
      country: null
    }],
    groupId: null,
    created_at: baseTime + i,
    updated_at: baseTime + i
  }
}

export const generatedState = (count: number): PhonecomState => {
  let state = seedState()
  const first = state.nextContactId
  for (let i = 0; i < count; i++) state = withContact(state, generatedContact(i, first + i))
  return state
}
