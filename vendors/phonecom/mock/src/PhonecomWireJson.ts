/**
 * Phone.com's wire forms as JSON text, serialised once per stored row: a list page is 25–500 contacts, and
 * building and serialising each again for every request was most of a page's own time. Stored contacts and
 * groups are immutable (every write makes a new object), so a row's text is cached by the row object
 * (`perRow`) and goes with it; a contact's group is looked up in the request's state and joined in, so renaming
 * or deleting a group shows at once. The bytes are exactly `JSON.stringify(toWire(state, contact))` (tested over
 * generated contacts); `toWire` in `PhonecomState.ts` stays the definition. `contactBytes` keeps the UTF-8 too: a
 * text body is measured and encoded again on every write, kept bytes are only copied.
 */
import { perRow } from "@contactkit/mock-platform"
import type { PhonecomState, StoredContact, StoredGroup } from "./PhonecomState.ts"
import { groupOf, groupToWire, wireFields } from "./PhonecomState.ts"

/** A contact's own members: up to the group (without the closing brace) and from the times on (without the opening). */
const contactParts = perRow((contact: StoredContact) => ({
  head: JSON.stringify(wireFields(contact)).slice(0, -1),
  times: JSON.stringify({ created_at: contact.created_at, updated_at: contact.updated_at }).slice(1)
}))

export const groupJson = perRow((group: StoredGroup) => JSON.stringify(groupToWire(group)))

/** `JSON.stringify(toWire(state, contact))`. */
export const contactJson = (state: PhonecomState, contact: StoredContact): string => {
  const parts = contactParts(contact)
  const group = groupOf(state, contact)
  return group === undefined
    ? `${parts.head},${parts.times}`
    : `${parts.head},"group":${groupJson(group)},${parts.times}`
}

const kept = new WeakMap<StoredContact, { readonly group: StoredGroup | undefined; readonly bytes: Uint8Array }>()

/** The UTF-8 of `contactJson(state, contact)`, kept per contact while its group is the same group row. */
export const contactBytes = (state: PhonecomState, contact: StoredContact): Uint8Array => {
  const group = groupOf(state, contact)
  const known = kept.get(contact)
  if (known !== undefined && known.group === group) return known.bytes
  const bytes = Buffer.from(contactJson(state, contact))
  kept.set(contact, { group, bytes })
  return bytes
}
