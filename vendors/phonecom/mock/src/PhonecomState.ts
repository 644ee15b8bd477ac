/**
 * Phone.com's in-memory state: accounts and their extensions (fixed, per test credential), and per-extension
 * contacts and contact groups. The state is an immutable value kept in one `Ref`, so every request sees and
 * produces a whole, consistent state and bad input cannot leave it half-changed.
 *
 * Contacts and groups live in persistent structures, so a write shares all but a few nodes with the state before
 * it (O(log n)) instead of copying every contact. Contacts are indexed by extension first, so a listing reads only
 * its own extension's contacts, and each extension's contacts are an `IdTable` (ordered by id), so a page at any
 * offset, also right after a write, is found without sorting or walking the contacts before it. Being immutable,
 * `emptyState` can be shared: no request can change it in place.
 */
import { IdTable, valuesInIdOrder } from "@contactkit/mock-platform"
import { HashMap, Option } from "effect"
import type { Ordered } from "./PhonecomListQuery.ts"

export type EmailType = "primary" | "alternate"
export type PhoneType = "home" | "business" | "mobile" | "fax" | "pager"
export type AddressType = "home" | "business"

export interface StoredEmail {
  readonly type: EmailType
  readonly email: string
}
export interface StoredPhone {
  readonly type: PhoneType
  readonly number: string
  readonly normalized: string | null
}
export interface StoredAddress {
  readonly type: AddressType
  readonly street: string | null
  readonly city: string | null
  readonly state: string | null
  readonly zip: string | null
  readonly country: string | null
}

export const nameFields = [
  "prefix",
  "first_name",
  "middle_name",
  "last_name",
  "suffix",
  "nickname",
  "company",
  "phonetic_first_name",
  "phonetic_middle_name",
  "phonetic_last_name",
  "department",
  "job_title"
] as const
export type NameField = typeof nameFields[number]

/** What a client writes (POST/PUT), after validation and defaulting. */
export type ContactInput = { readonly [K in NameField]: string | null } & {
  readonly emails: ReadonlyArray<StoredEmail>
  readonly phone_numbers: ReadonlyArray<StoredPhone>
  readonly addresses: ReadonlyArray<StoredAddress>
  readonly groupId: number | null
}

export interface StoredContact extends ContactInput {
  readonly id: number
  readonly extensionId: number
  readonly created_at: number
  readonly updated_at: number
}

export interface StoredGroup {
  readonly id: number
  readonly extensionId: number
  readonly name: string
}

/** Extension ids are globally unique, so an extension id alone says which account it belongs to. */
export interface Account {
  readonly id: number
  readonly extensions: ReadonlyArray<number>
}

export interface PhonecomState {
  readonly nextContactId: number
  readonly nextGroupId: number
  /** Each extension's contacts by id; ids are unique across extensions. */
  readonly contacts: HashMap.HashMap<number, IdTable.IdTable<StoredContact>>
  readonly groups: HashMap.HashMap<number, StoredGroup>
}

/** The documented test credentials. */
export const accountsByToken: ReadonlyMap<string, Account> = new Map([
  ["phonecom-token-a", { id: 1001, extensions: [1, 2] }],
  ["phonecom-token-b", { id: 1002, extensions: [3] }]
])

export const emptyState: PhonecomState = {
  nextContactId: 1,
  nextGroupId: 1,
  contacts: HashMap.empty(),
  groups: HashMap.empty()
}

const extensionContacts = (state: PhonecomState, extensionId: number): IdTable.IdTable<StoredContact> =>
  Option.getOrElse(HashMap.get(state.contacts, extensionId), () => IdTable.empty<StoredContact>())

/** The contact with this id if it belongs to this extension. */
export const contactIn = (state: PhonecomState, extensionId: number, id: number): StoredContact | undefined =>
  IdTable.get(extensionContacts(state, extensionId), id)

/** The group with this id if it belongs to this extension. */
export const groupIn = (state: PhonecomState, extensionId: number, id: number): StoredGroup | undefined => {
  const group = Option.getOrUndefined(HashMap.get(state.groups, id))
  return group !== undefined && group.extensionId === extensionId ? group : undefined
}

export const withContact = (state: PhonecomState, contact: StoredContact): PhonecomState => ({
  ...state,
  nextContactId: Math.max(state.nextContactId, contact.id + 1),
  contacts: HashMap.set(
    state.contacts,
    contact.extensionId,
    IdTable.set(extensionContacts(state, contact.extensionId), contact.id, contact)
  )
})

export const withoutContact = (state: PhonecomState, contact: StoredContact): PhonecomState => ({
  ...state,
  contacts: HashMap.set(
    state.contacts,
    contact.extensionId,
    IdTable.remove(extensionContacts(state, contact.extensionId), contact.id)
  )
})

export const withGroup = (state: PhonecomState, group: StoredGroup): PhonecomState => ({
  ...state,
  nextGroupId: Math.max(state.nextGroupId, group.id + 1),
  groups: HashMap.set(state.groups, group.id, group)
})

/**
 * Deleting a group leaves its contacts in place, ungrouped. Only the group's own extension is looked at: a contact
 * can join only a group of its extension (`validateContact` is given that extension's groups).
 */
export const withoutGroup = (state: PhonecomState, group: StoredGroup, now: number): PhonecomState => {
  const ungrouped = IdTable.values(extensionContacts(state, group.extensionId)).reduce(
    (contacts, contact) =>
      contact.groupId === group.id
        ? IdTable.set(contacts, contact.id, { ...contact, groupId: null, updated_at: now })
        : contacts,
    extensionContacts(state, group.extensionId)
  )
  return {
    ...state,
    groups: HashMap.remove(state.groups, group.id),
    contacts: HashMap.set(state.contacts, group.extensionId, ungrouped)
  }
}

/** An extension's contacts in id order, the order `PhonecomListQuery` expects, paged without a copy. */
export const contactsOf = (state: PhonecomState, extensionId: number): Ordered<StoredContact> => {
  const table = extensionContacts(state, extensionId)
  return {
    size: IdTable.size(table),
    slice: (start, end) => IdTable.slice(table, start, end),
    all: () => IdTable.values(table)
  }
}

/** An extension's groups, in id order (there are few; the order keeps validation's name lookups stable). */
export const groupsOf = (state: PhonecomState, extensionId: number): ReadonlyArray<StoredGroup> =>
  HashMap.toValues(state.groups).filter((group) => group.extensionId === extensionId).sort((a, b) => a.id - b.id)

/**
 * The wire form (ContactFull) of a stored contact up to its group: id, the names, emails, phone numbers and
 * addresses. Unset text is `""` and an unset `normalized` is left out, as in Phone.com's documented examples — its
 * published schema types these as plain strings, never null.
 */
export const wireFields = (contact: StoredContact): Record<string, unknown> => ({
  // Written out field by field (in `nameFields` order) rather than through `Object.fromEntries` and spreads: this
  // runs for every contact of every page, and the answer's bytes are the same.
  id: contact.id,
  prefix: contact.prefix ?? "",
  first_name: contact.first_name ?? "",
  middle_name: contact.middle_name ?? "",
  last_name: contact.last_name ?? "",
  suffix: contact.suffix ?? "",
  nickname: contact.nickname ?? "",
  company: contact.company ?? "",
  phonetic_first_name: contact.phonetic_first_name ?? "",
  phonetic_middle_name: contact.phonetic_middle_name ?? "",
  phonetic_last_name: contact.phonetic_last_name ?? "",
  department: contact.department ?? "",
  job_title: contact.job_title ?? "",
  emails: contact.emails,
  phone_numbers: contact.phone_numbers.map((phone) =>
    phone.normalized === null
      ? { type: phone.type, number: phone.number }
      : { type: phone.type, number: phone.number, normalized: phone.normalized }
  ),
  addresses: contact.addresses.map((address) => ({
    type: address.type,
    street: address.street ?? "",
    city: address.city ?? "",
    state: address.state ?? "",
    zip: address.zip ?? "",
    country: address.country ?? ""
  }))
})

/** The contact's group as it is now, if it has one (a deleted group ungroups its contacts). */
export const groupOf = (state: PhonecomState, contact: StoredContact): StoredGroup | undefined =>
  contact.groupId === null ? undefined : Option.getOrUndefined(HashMap.get(state.groups, contact.groupId))

/** The wire form (ContactFull): `wireFields`, the group when there is one (else left out), then the times. */
export const toWire = (state: PhonecomState, contact: StoredContact) => {
  const wire = wireFields(contact)
  const group = groupOf(state, contact)
  if (group !== undefined) wire["group"] = groupToWire(group)
  wire["created_at"] = contact.created_at
  wire["updated_at"] = contact.updated_at
  return wire
}

export const groupToWire = (group: StoredGroup) => ({ id: group.id, name: group.name })

/** Every account's contacts and groups as plain JSON, in id order, for `GET /__admin/state`. */
export const snapshotOf = (state: PhonecomState) => ({
  nextContactId: state.nextContactId,
  nextGroupId: state.nextGroupId,
  contacts: HashMap.toEntries(state.contacts)
    .filter(([, contacts]) => IdTable.size(contacts) > 0)
    .sort(([a], [b]) => a - b)
    .map(([extensionId, contacts]) => ({ extensionId, contacts: IdTable.values(contacts) })),
  groups: valuesInIdOrder(state.groups)
})
