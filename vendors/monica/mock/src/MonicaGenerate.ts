/**
 * Generated contacts for load tests (`POST /__admin/seed {"count": n}`): the demo data, then `n` contacts in account
 * 1 (the first test token's), each with an Email and a Phone contact field of that account's own types, created a
 * second apart after the demo data so they list in creation order. Deterministic: the same count, the same state.
 */
import { seededState, seedTime } from "./MonicaSeed.ts"
import type { ContactRow, MonicaState } from "./MonicaState.ts"
import { ofAccount, uuidFor, withContactRow, withField } from "./MonicaState.ts"

const firstNames = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia"]
const lastNames = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson"]
const accountId = 1

export const generatedState = (count: number): MonicaState => {
  let state = seededState()
  const types = ofAccount(state.fieldTypes, accountId)
  const emailType = types.find((type) => type.name === "Email")?.id ?? 1
  const phoneType = types.find((type) => type.name === "Phone")?.id ?? 2
  for (let i = 0; i < count; i++) {
    const first = firstNames[i % firstNames.length] ?? "Ada"
    const last = lastNames[Math.floor(i / firstNames.length) % lastNames.length] ?? "Lovelace"
    const time = seedTime + 86_400_000 + i * 1000
    const id = state.sequences.contact + 1
    const row: ContactRow = {
      id,
      uuid: uuidFor(1, id),
      accountId,
      firstName: first,
      middleName: null,
      lastName: last,
      nickname: null,
      description: null,
      job: null,
      company: null,
      isStarred: false,
      isPartial: false,
      isActive: true,
      isDead: false,
      createdAt: time,
      updatedAt: time
    }
    state = { ...withContactRow(state, row), sequences: { ...state.sequences, contact: id } }
    const values = [
      [emailType, `${first}.${last}.${i}@example.com`.toLowerCase()],
      [phoneType, `+1 212 555 ${String(i % 10_000).padStart(4, "0")}`]
    ] as const
    for (const [typeId, data] of values) {
      const fieldId = state.sequences.field + 1
      state = {
        ...withField(state, {
          id: fieldId,
          uuid: uuidFor(2, fieldId),
          accountId,
          contactId: id,
          typeId,
          data,
          labelIds: [],
          createdAt: time,
          updatedAt: time
        }),
        sequences: { ...state.sequences, field: fieldId }
      }
    }
  }
  return state
}
