/**
 * Generated people for load tests (`POST /__admin/seed {"count": n}`): the demo data, then `n` people in helpdesk A
 * (the first test key's), each with a primary email, a mobile phone, an organization and an address, written
 * through the same checks and write rules as the API (as the demo data is). Deterministic: the same count, the same
 * state.
 */
import { seededState, seedTime } from "./DeskproSeed.ts"
import type { DeskproState } from "./DeskproState.ts"
import { checkPerson } from "./DeskproValidation.ts"
import { applyWrite } from "./DeskproWrite.ts"

const firstNames = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia"]
const lastNames = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson"]
const organizations = ["Acme Corp", "Globex", "Initech", "Umbrella", "Stark Industries"]

export const generatedState = (count: number): DeskproState => {
  let state = seededState()
  for (let i = 0; i < count; i++) {
    const first = firstNames[i % firstNames.length] ?? "Ada"
    const last = lastNames[Math.floor(i / firstNames.length) % lastNames.length] ?? "Lovelace"
    const checked = checkPerson({
      first_name: first,
      last_name: last,
      primary_email: `${first}.${last}.${i}@example.com`.toLowerCase(),
      phone_numbers: [{ number: `+1 212 555 ${String(i % 10_000).padStart(4, "0")}`, label: "Mobile" }],
      organization: organizations[i % organizations.length],
      contact_data: { address: [{ address: `${i} Main St`, city: "Springfield", state: "IL", zip: "62701" }] }
    }, "create")
    if (!checked.ok) throw new Error(`generated person ${i} is invalid: ${JSON.stringify(checked.problems)}`)
    const applied = applyWrite(state, 1, checked.value, undefined, seedTime + 86_400_000 + i * 1000)
    if (!applied.ok) throw new Error(`generated person ${i} was refused: ${JSON.stringify(applied.problems)}`)
    state = applied.state
  }
  return state
}
