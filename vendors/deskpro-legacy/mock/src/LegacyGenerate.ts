/**
 * Generated people for load tests (`POST /__admin/seed {"count": n}`): the demo data, then `n` people in helpdesk 1
 * (the first test key's), each with one e-mail record (its primary), ids following the demo data's.
 * Deterministic: the same count, the same state.
 */
import { newPerson } from "./LegacyNewPerson.ts"
import { seededState } from "./LegacySeed.ts"
import type { LegacyState } from "./LegacyState.ts"
import { withEmail, withPerson } from "./LegacyState.ts"

const firstNames = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia"]
const lastNames = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson"]
const generatedAt = Date.UTC(2024, 2, 2, 9, 0, 0)

export const generatedState = (count: number): LegacyState => {
  let state = seededState()
  for (let i = 0; i < count; i++) {
    const firstName = firstNames[i % firstNames.length] ?? "Ada"
    const lastName = lastNames[Math.floor(i / firstNames.length) % lastNames.length] ?? "Lovelace"
    const id = state.sequences.person + 1
    const createdAt = generatedAt + i * 1000
    const person = newPerson(id, 1, `${firstName} ${lastName}`, createdAt)
    state = { ...state, sequences: { ...state.sequences, person: id } }
    const [, owner, next] = withEmail(state, person, `${firstName}.${lastName}.${i}@example.com`, "", createdAt)
    state = withPerson(next, owner)
  }
  return state
}
