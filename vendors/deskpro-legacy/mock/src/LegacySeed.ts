/**
 * The demo data both helpdesks start with (`POST /__admin/seed`), deterministic so examples and tests can name ids.
 * Helpdesk A: 1 Ada Lovelace (website, phone), 2 Grace Brewster Hopper (two e-mails, address, AIM), 3 Alan Turing
 * (Twitter, Skype, at Bletchley Park). Helpdesk B: 4 Katherine Johnson (mobile), 5 Dorothy Vaughan (no contact data).
 */
import { applyFormData } from "./LegacyContactData.ts"
import { newPerson } from "./LegacyNewPerson.ts"
import type { LegacyState } from "./LegacyState.ts"
import { emptyState, withDetail, withEmail, withOrganization, withPerson } from "./LegacyState.ts"

interface SeedPerson {
  readonly helpdesk: number
  readonly name: string
  readonly emails: ReadonlyArray<readonly [address: string, comment: string]>
  readonly details: ReadonlyArray<readonly [type: string, comment: string, data: Record<string, string>]>
  readonly organization?: readonly [name: string, position: string]
}

const people: ReadonlyArray<SeedPerson> = [
  {
    helpdesk: 1,
    name: "Ada Lovelace",
    emails: [["ada@analytical.example", ""]],
    details: [["website", "work", { url: "https://analytical.example" }], ["phone", "home", {
      number: "+44 20 7946 0018",
      type: "phone"
    }]]
  },
  {
    helpdesk: 1,
    name: "Grace Brewster Hopper",
    emails: [["grace@navy.example", "work"], ["amazing.grace@home.example", "home"]],
    details: [
      ["address", "office", { address: "1 Compiler Way", city: "Arlington", state: "VA", zip: "22202", country: "US" }],
      ["instant_message", "", { service: "aim", username: "cobolgrace" }]
    ]
  },
  {
    helpdesk: 1,
    name: "Alan Turing",
    emails: [["alan@bletchley.example", ""]],
    details: [["twitter", "", { username: "enigma" }], ["skype", "", { username: "alan.turing" }]],
    organization: ["Bletchley Park", "Cryptanalyst"]
  },
  {
    helpdesk: 2,
    name: "Katherine Johnson",
    emails: [["katherine@nasa.example", ""]],
    details: [["phone", "", { number: "(757) 555-0100", type: "mobile" }]]
  },
  { helpdesk: 2, name: "Dorothy Vaughan", emails: [["dorothy@nasa.example", ""]], details: [] }
]

// A fixed moment (2024-03-01 09:00 UTC), so seeded dates never vary.
const seededAt = Date.UTC(2024, 2, 1, 9, 0, 0)

const seedPerson = (state: LegacyState, seed: SeedPerson): LegacyState => {
  const id = state.sequences.person + 1
  let next: LegacyState = { ...state, sequences: { ...state.sequences, person: id } }
  let person = newPerson(id, seed.helpdesk, seed.name, seededAt)
  if (seed.organization !== undefined) {
    const [org, withOrg] = withOrganization(next, seed.helpdesk, seed.organization[0], seededAt)
    next = withOrg
    person = { ...person, organizationId: org.id, organizationPosition: seed.organization[1] }
  }
  for (const [address, comment] of seed.emails) [, person, next] = withEmail(next, person, address, comment, seededAt)
  for (const [type, comment, data] of seed.details) {
    const applied = applyFormData(type, data)
    if (applied._tag === "Stored") {
      ;[, person, next] = withDetail(next, person, { type: applied.type, comment, fields: applied.fields })
    }
  }
  return withPerson(next, person)
}

export const seededState = (): LegacyState => people.reduce(seedPerson, emptyState)
