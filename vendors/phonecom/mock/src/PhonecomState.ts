/**
 * Phone.com's in-memory state: accounts and their extensions (fixed, per test credential), and per-extension
 * contacts and contact groups. The state is an immutable value kept in one `Ref`, so every request sees and
 * produces a whole, consistent state and bad input cannot leave it half-changed.
 *
 * Contacts and groups live in Effect's persistent `HashMap`s, so a write shares all but a few nodes with the state
 * before it (O(log n)) instead of copying every contact, and contacts are indexed by extension first, so a listing
 * reads only its own extension's contacts. A `HashMap` keeps no order, so `contactsOf` lists an extension's
 * contacts through `valuesInIdOrder`, which sorts each version of that map once. Being immutable, `emptyState` can
 * be shared: no request can change it in place.
 */
import { valuesInIdOrder } from "@contactkit/mock-platform"
import { HashMap, Option } from "effect"

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
  readonly contacts: HashMap.HashMap<number, HashMap.HashMap<number, StoredContact>>
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

const extensionContacts = (state: PhonecomState, extensionId: number): HashMap.HashMap<number, StoredContact> =>
  Option.getOrElse(HashMap.get(state.contacts, extensionId), () => HashMap.empty<number, StoredContact>())

/** The contact with this id if it belongs to this extension. */
export const contactIn = (state: PhonecomState, extensionId: number, id: number): StoredContact | undefined =>
  Option.getOrUndefined(HashMap.get(extensionContacts(state, extensionId), id))

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
    HashMap.set(extensionContacts(state, contact.extensionId), contact.id, contact)
  )
})

export const withoutContact = (state: PhonecomState, contact: StoredContact): PhonecomState => ({
  ...state,
  contacts: HashMap.set(
    state.contacts,
    contact.extensionId,
    HashMap.remove(extensionContacts(state, contact.extensionId), contact.id)
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
  const ungrouped = HashMap.reduce(
    extensionContacts(state, group.extensionId),
    extensionContacts(state, group.extensionId),
    (contacts, contact, id) =>
      contact.groupId === group.id
        ? HashMap.set(contacts, id, { ...contact, groupId: null, updated_at: now })
        : contacts
  )
  return {
    ...state,
    groups: HashMap.remove(state.groups, group.id),
    contacts: HashMap.set(state.contacts, group.extensionId, ungrouped)
  }
}

/** An extension's contacts in id order, the order `PhonecomListQuery` expects. */
export const contactsOf = (state: PhonecomState, extensionId: number): ReadonlyArray<StoredContact> =>
  valuesInIdOrder(extensionContacts(state, extensionId))

/** An extension's groups, in id order (there are few; the order keeps validation's name lookups stable). */
export const groupsOf = (state: PhonecomState, extensionId: number): ReadonlyArray<StoredGroup> =>
  HashMap.toValues(state.groups).filter((group) => group.extensionId === extensionId).sort((a, b) => a.id - b.id)

/**
 * The wire form (ContactFull) of a stored contact. Unset text is `""` and an unset `normalized`
 * or `group` is left out, as in Phone.com's documented examples — its published schema types
 * these as plain strings and objects, never null.
 */
export const toWire = (state: PhonecomState, contact: StoredContact) => {
  const group = contact.groupId === null ? undefined : Option.getOrUndefined(HashMap.get(state.groups, contact.groupId))
  return {
    id: contact.id,
    ...Object.fromEntries(nameFields.map((field) => [field, contact[field] ?? ""])),
    emails: contact.emails,
    phone_numbers: contact.phone_numbers.map(({ normalized, ...phone }) =>
      normalized === null ? phone : { ...phone, normalized }
    ),
    addresses: contact.addresses.map((address) => ({
      type: address.type,
      street: address.street ?? "",
      city: address.city ?? "",
      state: address.state ?? "",
      zip: address.zip ?? "",
      country: address.country ?? ""
    })),
    ...(group === undefined ? {} : { group: { id: group.id, name: group.name } }),
    created_at: contact.created_at,
    updated_at: contact.updated_at
  }
}

export const groupToWire = (group: StoredGroup) => ({ id: group.id, name: group.name })

/** Every account's contacts and groups as plain JSON, in id order, for `GET /__admin/state`. */
export const snapshotOf = (state: PhonecomState) => ({
  nextContactId: state.nextContactId,
  nextGroupId: state.nextGroupId,
  contacts: HashMap.toEntries(state.contacts)
    .filter(([, contacts]) => HashMap.size(contacts) > 0)
    .sort(([a], [b]) => a - b)
    .map(([extensionId, contacts]) => ({ extensionId, contacts: valuesInIdOrder(contacts) })),
  groups: valuesInIdOrder(state.groups)
})
