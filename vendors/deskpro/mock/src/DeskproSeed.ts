/**
 * Deterministic demo data: a few people in each helpdesk, written through the same checks and write rules as the
 * API (so the seed can never hold what the API would refuse), with every kind of contact data among them.
 */
import type { DeskproState, HelpdeskId } from "./DeskproState.ts"
import { emptyState } from "./DeskproState.ts"
import { checkPerson } from "./DeskproValidation.ts"
import { applyWrite } from "./DeskproWrite.ts"

/** 2024-03-14T00:00:00Z, when Deskpro's current developer guide was last updated. */
export const seedTime = Date.UTC(2024, 2, 14)

const demoPeople: ReadonlyArray<readonly [HelpdeskId, Record<string, unknown>]> = [
  [1, {
    title_prefix: "Mr",
    first_name: "John",
    last_name: "Doe",
    primary_email: "john.doe@helpdesk-a.example",
    emails: ["john.doe@helpdesk-a.example", "jd@home.helpdesk-a.example"],
    phone_numbers: [{ number: "+44 20 7946 0018", label: "Office", extension: "12" }],
    organization: "Example Accounting",
    organization_position: "Accountant",
    labels: ["vip"],
    contact_data: {
      address: [{ address: "1 Example Road", city: "London", state: "Greater London", zip: "EC1A 1AA" }],
      website: [{ url: "https://john-doe.example/", comment: "Blog" }],
      twitter: [{ username: "@johndoe", display_feed: true }]
    }
  }],
  [1, {
    title_prefix: "Ms",
    first_name: "Fionna",
    last_name: "Apple",
    primary_email: "fionna.apple@helpdesk-a.example",
    contact_data: {
      instant_message: [{ service: "skype", username: "fionna.apple" }],
      linked_in: [{ url: "https://www.linkedin.com/in/fionna-apple" }],
      instagram: [{ username: "fionnaapple", instagram_id: "17841400000000001" }]
    }
  }],
  [1, {
    first_name: "Sam",
    last_name: "Agent",
    primary_email: "sam.agent@helpdesk-a.example",
    is_agent: true,
    contact_data: { apple: [{ username: "sam.agent" }], trust_pilot: [{ username: "SamAgent" }] }
  }],
  [2, {
    first_name: "Bob",
    last_name: "Emu",
    primary_email: "bob.emu@helpdesk-b.example",
    phone_numbers: [{ number: "+441234564654", label: "PO" }],
    organization: "Saga Accounting",
    contact_data: { facebook: [{ url: "https://facebook.com/bob.emu" }] }
  }],
  [2, { name: "Dave Testerson", email: "dave.testerson@helpdesk-b.example" }]
]

export const seededState = (): DeskproState =>
  demoPeople.reduce((state, [helpdesk, input], i) => {
    const checked = checkPerson(input, "create")
    if (!checked.ok) throw new Error(`Deskpro seed person ${i} is invalid: ${JSON.stringify(checked.problems)}`)
    const applied = applyWrite(state, helpdesk, checked.value, undefined, seedTime + i * 60_000)
    if (!applied.ok) throw new Error(`Deskpro seed person ${i} was refused: ${JSON.stringify(applied.problems)}`)
    return applied.state
  }, emptyState)
