/**
 * Deterministic demo data: a few dozen contacts over the three test extensions and a few groups, generated from a
 * fixed seed so every start (and every `POST /__admin/seed`) yields the same records and ids.
 */
import { normalizePhone } from "./PhonecomNormalize.ts"
import type { PhonecomState, StoredContact, StoredGroup } from "./PhonecomState.ts"
import { emptyState, withContact, withGroup } from "./PhonecomState.ts"

// mulberry32: a tiny seeded PRNG; the sequence never changes, so neither does the data.
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const firstNames = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia"]
const lastNames = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson"]
const companies = ["Acme Corp", "Globex", "Initech", "Umbrella", "Stark Industries", null]
const cities = [["Springfield", "IL"], ["Portland", "OR"], ["Austin", "TX"], ["Boston", "MA"]] as const
const groups: ReadonlyArray<StoredGroup> = [
  { id: 1, extensionId: 1, name: "Family" },
  { id: 2, extensionId: 1, name: "Work" },
  { id: 3, extensionId: 2, name: "Suppliers" },
  { id: 4, extensionId: 3, name: "Customers" }
]
const extensionOf = [1, 1, 2, 3] as const
const baseTime = 1_700_000_000

export const seedState = (): PhonecomState => {
  const random = prng(20170901)
  const pick = <A>(items: ReadonlyArray<A>): A => items[Math.floor(random() * items.length)] as A
  let state = groups.reduce(withGroup, emptyState)
  for (let i = 0; i < 36; i++) {
    const extensionId = extensionOf[i % extensionOf.length] ?? 1
    const first = pick(firstNames)
    const last = pick(lastNames)
    const [city, region] = pick(cities)
    const number = `(${200 + Math.floor(random() * 700)}) 555-${String(1000 + i).padStart(4, "0")}`
    const extensionGroups = groups.filter((group) => group.extensionId === extensionId)
    const group = random() < 0.5 ? undefined : pick(extensionGroups)
    const created = baseTime + i * 3600
    const contact: StoredContact = {
      id: i + 1,
      extensionId,
      prefix: null,
      first_name: first,
      middle_name: null,
      last_name: last,
      suffix: null,
      nickname: random() < 0.2 ? first.slice(0, 3) : null,
      company: pick(companies),
      phonetic_first_name: null,
      phonetic_middle_name: null,
      phonetic_last_name: null,
      department: null,
      job_title: random() < 0.5 ? "Engineer" : null,
      emails: [
        { type: "primary", email: `${first}.${last}${i}@example.com`.toLowerCase() },
        ...(random() < 0.3 ? [{ type: "alternate" as const, email: `${first}${i}@example.org`.toLowerCase() }] : [])
      ],
      phone_numbers: [{
        type: pick(["home", "business", "mobile"] as const),
        number,
        normalized: normalizePhone(number)
      }],
      addresses: random() < 0.5
        ? [{ type: "home", street: `${100 + i} Main St`, city, state: region, zip: "12345", country: "USA" }]
        : [],
      groupId: group?.id ?? null,
      created_at: created,
      updated_at: created + Math.floor(random() * 86_400)
    }
    state = withContact(state, contact)
  }
  return state
}
