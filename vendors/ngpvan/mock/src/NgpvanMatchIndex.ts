/**
 * What a create's dedupe match (NgpvanMerge.ts) must share with a stored contact, as an index: one group per
 * tenant, type and name (`matchKey`) and e-mail address (lower case) or phone number (its digits, a leading US `1`
 * ignored), each holding the numbers of the contacts in it, oldest first. A contact is in a group for each of its
 * addresses and numbers, so the contacts a create matches are exactly those in the groups of its own addresses and
 * numbers, and the oldest match is the oldest of the groups' oldest: a few lookups, however many contacts share
 * the name. (Reading every namesake made a load of same-named creates quadratic: 1.5–2.7 ms a create and growing.)
 */
import { IdTable } from "@contactkit/mock-platform"
import { HashMap, Option } from "effect"
import { matchKey } from "./NgpvanNameKey.ts"
import type { ContactData, Tenant } from "./NgpvanState.ts"

/** Contact numbers by group; `withContact` (NgpvanState.ts) keeps it in step with the contacts. */
export type MatchIndex = HashMap.HashMap<string, IdTable.IdTable<number>>

/** A phone number as dedupe compares it: its digits, without the leading `1` of an 11-digit US number. */
export const phoneDigits = (number: string): string => {
  const digits = number.replace(/\D/gu, "")
  return digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits
}

/** An e-mail address as dedupe compares it. */
export const emailKey = (address: string): string => address.toLowerCase()

/**
 * The groups of `data` in `tenant`, each once; none when it has no name (it never matches). A group's name is
 * JSON, so no name, address or number can run into the next part whatever characters it holds.
 */
export const matchGroups = (tenant: Tenant, data: ContactData): ReadonlyArray<string> => {
  const name = matchKey(data)
  if (name === undefined) return []
  const groups = new Set<string>()
  for (const email of data.emails) groups.add(JSON.stringify([tenant, name, "email", emailKey(email.address)]))
  for (const phone of data.phones) groups.add(JSON.stringify([tenant, name, "phone", phoneDigits(phone.number)]))
  return [...groups]
}

const group = (index: MatchIndex, name: string) =>
  Option.getOrElse(HashMap.get(index, name), () => IdTable.empty<number>())

/** `index` after the contact numbered `id` went from `before`'s groups to `after`'s (a new contact has none before). */
export const reindexed = (
  index: MatchIndex,
  id: number,
  before: ReadonlyArray<string>,
  after: ReadonlyArray<string>
): MatchIndex => {
  let next = index
  for (const name of before) {
    if (after.includes(name)) continue
    const rest = IdTable.remove(group(next, name), id)
    next = IdTable.size(rest) === 0 ? HashMap.remove(next, name) : HashMap.set(next, name, rest)
  }
  for (const name of after) {
    if (!before.includes(name)) next = HashMap.set(next, name, IdTable.set(group(next, name), id, id))
  }
  return next
}

/** The number of the oldest contact in each of `data`'s groups, ascending, each once: every oldest possible match. */
export const oldestInGroups = (index: MatchIndex, tenant: Tenant, data: ContactData): ReadonlyArray<number> => {
  const oldest = new Set<number>()
  for (const name of matchGroups(tenant, data)) {
    const first = IdTable.slice(group(index, name), 0, 1)[0]
    if (first !== undefined) oldest.add(first)
  }
  return [...oldest].sort((a, b) => a - b)
}
