/**
 * The name a dedupe match needs (`NgpvanMerge.ts`): INDIVIDUAL first and last name, ORGANIZATION `commonName`,
 * trimmed and case-insensitive, with the type. A contact without one never matches. The state indexes contacts by
 * it (`NgpvanState.ts`), so a create reads only the contacts that share its name.
 */
import type { ContactData } from "./NgpvanState.ts"

const normal = (text: string | undefined) => text?.trim().toLowerCase() || undefined

/** The normalised name alone (undefined when the contact has none). */
export const nameKey = (contact: ContactData): string | undefined => {
  if (contact.type === "ORGANIZATION") return normal(contact.commonName)
  const first = normal(contact.firstName)
  const last = normal(contact.lastName)
  return first === undefined || last === undefined ? undefined : `${first}\u0000${last}`
}

/** The type and the normalised name: contacts can match only when theirs are equal. */
export const matchKey = (contact: ContactData): string | undefined => {
  const name = nameKey(contact)
  return name === undefined ? undefined : `${contact.type}\u0000${name}`
}
