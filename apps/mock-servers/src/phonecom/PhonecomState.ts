/**
 * Phone.com's in-memory state: accounts and their extensions (fixed, per test credential), and per-extension
 * contacts and contact groups. The state is an immutable value kept in one `Ref`, so every request sees and
 * produces a whole, consistent state and bad input cannot leave it half-changed.
 */

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
  readonly contacts: ReadonlyMap<number, StoredContact>
  readonly groups: ReadonlyMap<number, StoredGroup>
}

/** The documented test credentials. */
export const accountsByToken: ReadonlyMap<string, Account> = new Map([
  ["phonecom-token-a", { id: 1001, extensions: [1, 2] }],
  ["phonecom-token-b", { id: 1002, extensions: [3] }]
])

export const emptyState: PhonecomState = {
  nextContactId: 1,
  nextGroupId: 1,
  contacts: new Map(),
  groups: new Map()
}

export const withContact = (state: PhonecomState, contact: StoredContact): PhonecomState => ({
  ...state,
  nextContactId: Math.max(state.nextContactId, contact.id + 1),
  contacts: new Map(state.contacts).set(contact.id, contact)
})

export const withoutContact = (state: PhonecomState, id: number): PhonecomState => {
  const contacts = new Map(state.contacts)
  contacts.delete(id)
  return { ...state, contacts }
}

export const withGroup = (state: PhonecomState, group: StoredGroup): PhonecomState => ({
  ...state,
  nextGroupId: Math.max(state.nextGroupId, group.id + 1),
  groups: new Map(state.groups).set(group.id, group)
})

/** Deleting a group leaves its contacts in place, ungrouped. */
export const withoutGroup = (state: PhonecomState, id: number, now: number): PhonecomState => {
  const groups = new Map(state.groups)
  groups.delete(id)
  const contacts = new Map(
    [...state.contacts].map(([key, contact]) => [
      key,
      contact.groupId === id ? { ...contact, groupId: null, updated_at: now } : contact
    ])
  )
  return { ...state, groups, contacts }
}

export const contactsOf = (state: PhonecomState, extensionId: number): ReadonlyArray<StoredContact> =>
  [...state.contacts.values()].filter((contact) => contact.extensionId === extensionId)

export const groupsOf = (state: PhonecomState, extensionId: number): ReadonlyArray<StoredGroup> =>
  [...state.groups.values()].filter((group) => group.extensionId === extensionId)

/**
 * The wire form (ContactFull) of a stored contact. Unset text is `""` and an unset `normalized`
 * or `group` is left out, as in Phone.com's documented examples — its published schema types
 * these as plain strings and objects, never null.
 */
export const toWire = (state: PhonecomState, contact: StoredContact) => {
  const group = contact.groupId === null ? undefined : state.groups.get(contact.groupId)
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
