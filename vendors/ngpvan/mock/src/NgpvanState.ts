/**
 * The NGP VAN mock's in-memory state: two tenants (one per test API key), each with its contacts in a persistent
 * `IdTable` keyed by the contact's number (`NgpvanIds`), so a write is O(log n), a listing reads only its own
 * tenant, in creation order, and a page at any `$skip` is found without reading the contacts before it; a create's
 * dedupe match is found by what it must share (NgpvanMatchIndex.ts). The state is one immutable value in one `Ref`:
 * every request sees and produces a whole state, so bad input cannot leave it half-changed.
 */
import { IdTable } from "@contactkit/mock-platform"
import { HashMap, Option } from "effect"
import { contactIdOf, numberOf } from "./NgpvanIds.ts"
import { matchGroups, type MatchIndex, oldestInGroups, reindexed } from "./NgpvanMatchIndex.ts"

export type Tenant = "A" | "B"
export type ContactType = "INDIVIDUAL" | "ORGANIZATION"
export type EmailType = "MAIN" | "PERSONAL" | "WORK"
export type PhoneType = "HOME" | "WORK" | "MOBILE" | "MAIN" | "FAX"
export type AddressType = "HOME" | "WORK"

export const contactTypes: ReadonlyArray<ContactType> = ["INDIVIDUAL", "ORGANIZATION"]
export const emailTypes: ReadonlyArray<EmailType> = ["MAIN", "PERSONAL", "WORK"]
export const phoneTypes: ReadonlyArray<PhoneType> = ["HOME", "WORK", "MOBILE", "MAIN", "FAX"]
export const addressTypes: ReadonlyArray<AddressType> = ["HOME", "WORK"]

/** The test API keys (GUIDs, compared case-insensitively) and the tenant each is tied to. */
export const tenantsByKey: ReadonlyMap<string, Tenant> = new Map([
  ["11111111-1111-4111-8111-111111111111", "A"],
  ["22222222-2222-4222-8222-222222222222", "B"]
])

/** Each tenant's available prefixes ("must match one of your available prefixes"). */
export const prefixes: ReadonlyArray<string> = ["Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Rev.", "Prof.", "Hon."]

export const individualTexts = ["prefix", "firstName", "middleName", "lastName", "suffix", "nickname"] as const
export const organizationTexts = ["commonName", "officialName"] as const
export const sharedTexts = ["employer", "occupation", "facebookProfileUrl"] as const
export const textFields = [...individualTexts, ...organizationTexts, ...sharedTexts] as const
export type TextField = typeof textFields[number]

export interface StoredEmail {
  readonly address: string
  readonly type: EmailType
  readonly doNotEmail: boolean
  readonly appliedEmailLists: ReadonlyArray<{ readonly emailListId: number }>
}
export interface StoredPhone {
  readonly number: string
  readonly type: PhoneType
}
export const addressTexts = ["line1", "line2", "line3", "city", "stateProvince", "postalCode", "countryCode"] as const
export type StoredAddress = { readonly type: AddressType } & { readonly [K in typeof addressTexts[number]]?: string }
export interface ExternalLink {
  readonly externalSourceTypeId: string
  readonly externalId: string
}
export interface ContactCode {
  readonly contactCodeId: number
}
export interface DisclosureField {
  readonly disclosureFieldId: number
  readonly designationId: number
  readonly value: string | number
}

/** A contact's data as NGP's common model holds it; unset text is absent. */
export type ContactData = { readonly type: ContactType } & { readonly [K in TextField]?: string } & {
  readonly emails: ReadonlyArray<StoredEmail>
  readonly phones: ReadonlyArray<StoredPhone>
  readonly addresses: ReadonlyArray<StoredAddress>
  readonly externalLinks: ReadonlyArray<ExternalLink>
  readonly contactCodes: ReadonlyArray<ContactCode>
  readonly disclosureFields: ReadonlyArray<DisclosureField>
}

export type StoredContact = ContactData & {
  /** The contact's number: its place in creation order and, scrambled, its `contactId`. */
  readonly id: number
  readonly tenant: Tenant
}

export interface NgpvanState {
  readonly nextNumber: number
  readonly contacts: HashMap.HashMap<Tenant, IdTable.IdTable<StoredContact>>
  /**
   * The contacts a create can match, by what it must share with them (NgpvanMatchIndex.ts), so a create does not
   * read every contact of its name. Derived from `contacts`; `withContact` is the only writer of either and keeps
   * both in step.
   */
  readonly byMatch: MatchIndex
}

export const emptyState: NgpvanState = { nextNumber: 1, contacts: HashMap.empty(), byMatch: HashMap.empty() }

const tenantContacts = (state: NgpvanState, tenant: Tenant): IdTable.IdTable<StoredContact> =>
  Option.getOrElse(HashMap.get(state.contacts, tenant), () => IdTable.empty<StoredContact>())

/** A tenant's contacts, oldest first. */
export const contactsOf = (state: NgpvanState, tenant: Tenant): ReadonlyArray<StoredContact> =>
  IdTable.values(tenantContacts(state, tenant))

/** One page of a tenant's contacts, oldest first, and how many there are: without reading the rest. */
export const contactPage = (state: NgpvanState, tenant: Tenant, skip: number, top: number) => {
  const table = tenantContacts(state, tenant)
  return { count: IdTable.size(table), items: IdTable.slice(table, skip, skip + top) }
}

/** The tenant's contact with this id; another tenant's contact is as absent as one that never existed. */
export const contactIn = (state: NgpvanState, tenant: Tenant, contactId: string): StoredContact | undefined => {
  const n = numberOf(contactId)
  return n === undefined ? undefined : IdTable.get(tenantContacts(state, tenant), n)
}

/**
 * The tenant's contacts `data` could match, oldest first: the oldest of each group of its addresses and numbers, so
 * the first of them that `findMatch` accepts is the oldest of all the tenant's contacts it matches.
 */
export const matchCandidates = (
  state: NgpvanState,
  tenant: Tenant,
  data: ContactData
): ReadonlyArray<StoredContact> => {
  const table = tenantContacts(state, tenant)
  const candidates: Array<StoredContact> = []
  for (const id of oldestInGroups(state.byMatch, tenant, data)) {
    const contact = IdTable.get(table, id)
    if (contact !== undefined) candidates.push(contact)
  }
  return candidates
}

/** `byMatch` with `contact` in its groups (and out of those of its previous version it has left). */
const regrouped = (state: NgpvanState, contact: StoredContact): MatchIndex => {
  const previous = IdTable.get(tenantContacts(state, contact.tenant), contact.id)
  const before = previous === undefined ? [] : matchGroups(previous.tenant, previous)
  return reindexed(state.byMatch, contact.id, before, matchGroups(contact.tenant, contact))
}

/** Stores a contact (new or changed) under its number. */
export const withContact = (state: NgpvanState, contact: StoredContact): NgpvanState => ({
  nextNumber: Math.max(state.nextNumber, contact.id + 1),
  contacts: HashMap.set(
    state.contacts,
    contact.tenant,
    IdTable.set(tenantContacts(state, contact.tenant), contact.id, contact)
  ),
  byMatch: regrouped(state, contact)
})

/** A new contact of `tenant` holding `data`, with the next number. */
export const newContact = (state: NgpvanState, tenant: Tenant, data: ContactData): StoredContact => ({
  ...data,
  id: state.nextNumber,
  tenant
})

/** The wire form, in the common model's order: `contactId`, `type`, the text that is set, then every array. */
export const toWire = (contact: StoredContact) => {
  const texts: Partial<Record<TextField, string>> = {}
  for (const field of textFields) {
    const text = contact[field]
    if (text !== undefined) texts[field] = text
  }
  return {
    contactId: contactIdOf(contact.id),
    type: contact.type,
    ...texts,
    emails: contact.emails,
    phones: contact.phones,
    addresses: contact.addresses,
    externalLinks: contact.externalLinks,
    contactCodes: contact.contactCodes,
    disclosureFields: contact.disclosureFields
  }
}

/** Both tenants' contacts as plain JSON, oldest first, for `GET /__admin/state`. */
export const snapshotOf = (state: NgpvanState) => ({
  nextNumber: state.nextNumber,
  tenants: (["A", "B"] as const).map((tenant) => ({ tenant, contacts: contactsOf(state, tenant) }))
})
