/**
 * The Deskpro mock's in-memory state: two helpdesks (one per test API key), each with its people and
 * organizations. The state is one immutable value in a `Ref`, so a request sees and commits a whole state and bad
 * input cannot leave it half-changed. People live in a persistent `HashMap` per helpdesk (listed in id order by
 * `valuesInIdOrder`), and every email in use is indexed per helpdesk, since Deskpro lets one address belong to one
 * person only. Ids (people, contact data, organizations) are unique across helpdesks, so another helpdesk's id is
 * simply not found.
 */
import { IdTable, valuesInIdOrder } from "@contactkit/mock-platform"
import { HashMap, Option } from "effect"
import { type ContactDataRecord, recordToWire } from "./DeskproContactData.ts"

export type HelpdeskId = 1 | 2

/** `Authorization: key {id}:{code}` → the helpdesk the key belongs to. */
export const helpdeskByKey: ReadonlyMap<string, HelpdeskId> = new Map([
  ["1:deskpro-key-a", 1],
  ["2:deskpro-key-b", 2]
])

export interface StoredPhone {
  readonly number: string
  readonly label: string
  readonly extension: string
}

export interface StoredPerson {
  readonly id: number
  readonly helpdesk: HelpdeskId
  readonly first_name: string
  readonly last_name: string
  readonly title_prefix: string
  readonly override_display_name: string
  readonly primary_email: string | null
  /** Every address, the primary one included, in the order written. */
  readonly emails: ReadonlyArray<string>
  readonly phone_numbers: ReadonlyArray<StoredPhone>
  readonly contact_data: ReadonlyArray<ContactDataRecord>
  readonly organization: number | null
  readonly organization_position: string
  readonly summary: string
  readonly timezone: string
  readonly language: number
  readonly is_agent: boolean
  readonly labels: ReadonlyArray<string>
  readonly fields: Readonly<Record<string, unknown>>
  /** Unix milliseconds. */
  readonly date_created: number
}

export interface StoredOrganization {
  readonly id: number
  readonly helpdesk: HelpdeskId
  readonly name: string
  readonly date_created: number
}

export interface DeskproState {
  readonly nextPersonId: number
  readonly nextContactDataId: number
  readonly nextOrganizationId: number
  readonly people: HashMap.HashMap<HelpdeskId, IdTable.IdTable<StoredPerson>>
  readonly organizations: HashMap.HashMap<number, StoredOrganization>
  /** `${helpdesk}:${lower-cased address}` → the person who has it. */
  readonly emailOwners: HashMap.HashMap<string, number>
}

export const emptyState: DeskproState = {
  nextPersonId: 1,
  nextContactDataId: 1,
  nextOrganizationId: 1,
  people: HashMap.empty(),
  organizations: HashMap.empty(),
  emailOwners: HashMap.empty()
}

export const emailKey = (helpdesk: HelpdeskId, email: string) => `${helpdesk}:${email.toLowerCase()}`

const helpdeskPeople = (state: DeskproState, helpdesk: HelpdeskId) =>
  Option.getOrElse(HashMap.get(state.people, helpdesk), () => IdTable.empty<StoredPerson>())

export const personIn = (state: DeskproState, helpdesk: HelpdeskId, id: number): StoredPerson | undefined =>
  IdTable.get(helpdeskPeople(state, helpdesk), id)

/** A helpdesk's people in id order, paged without a copy (`all` reads them all, for filters). */
export interface PeopleView {
  readonly size: number
  readonly slice: (start: number, end: number) => ReadonlyArray<StoredPerson>
  readonly all: () => ReadonlyArray<StoredPerson>
}

export const peopleOf = (state: DeskproState, helpdesk: HelpdeskId): PeopleView => {
  const table = helpdeskPeople(state, helpdesk)
  return {
    size: IdTable.size(table),
    slice: (start, end) => IdTable.slice(table, start, end),
    all: () => IdTable.values(table)
  }
}

/** Who has this address in the helpdesk, if anyone. */
export const emailOwner = (state: DeskproState, helpdesk: HelpdeskId, email: string): number | undefined =>
  Option.getOrUndefined(HashMap.get(state.emailOwners, emailKey(helpdesk, email)))

const withoutEmails = (owners: DeskproState["emailOwners"], person: StoredPerson) =>
  person.emails.reduce((map, email) => HashMap.remove(map, emailKey(person.helpdesk, email)), owners)

/** Stores the person (new or replaced), keeping the email index in step. */
export const withPerson = (state: DeskproState, person: StoredPerson, before?: StoredPerson): DeskproState => {
  const released = before === undefined ? state.emailOwners : withoutEmails(state.emailOwners, before)
  return {
    ...state,
    nextPersonId: Math.max(state.nextPersonId, person.id + 1),
    nextContactDataId: Math.max(state.nextContactDataId, ...person.contact_data.map((r) => r.id + 1)),
    people: HashMap.set(
      state.people,
      person.helpdesk,
      IdTable.set(helpdeskPeople(state, person.helpdesk), person.id, person)
    ),
    emailOwners: person.emails.reduce(
      (map, email) => HashMap.set(map, emailKey(person.helpdesk, email), person.id),
      released
    )
  }
}

export const withoutPerson = (state: DeskproState, person: StoredPerson): DeskproState => ({
  ...state,
  people: HashMap.set(state.people, person.helpdesk, IdTable.remove(helpdeskPeople(state, person.helpdesk), person.id)),
  emailOwners: withoutEmails(state.emailOwners, person)
})

export const organizationIn = (
  state: DeskproState,
  helpdesk: HelpdeskId,
  id: number
): StoredOrganization | undefined => {
  const organization = Option.getOrUndefined(HashMap.get(state.organizations, id))
  return organization?.helpdesk === helpdesk ? organization : undefined
}

/** The helpdesk's organization of this name, created when it has none (the state is returned either way). */
export const organizationNamed = (
  state: DeskproState,
  helpdesk: HelpdeskId,
  name: string,
  now: number
): readonly [StoredOrganization, DeskproState] => {
  const existing = HashMap.toValues(state.organizations).find((o) => o.helpdesk === helpdesk && o.name === name)
  if (existing !== undefined) return [existing, state]
  const created: StoredOrganization = { id: state.nextOrganizationId, helpdesk, name, date_created: now }
  return [created, {
    ...state,
    nextOrganizationId: created.id + 1,
    organizations: HashMap.set(state.organizations, created.id, created)
  }]
}

/** Deskpro writes times as `2024-08-16T14:04:18+0000`. */
export const deskproTime = (millis: number) => `${new Date(millis).toISOString().slice(0, 19)}+0000`

/** The derived `name`: first and last name, else the primary email. */
export const displayName = (person: StoredPerson) =>
  [person.first_name, person.last_name].filter((part) => part !== "").join(" ") || (person.primary_email ?? "")

export const personToWire = (person: StoredPerson) => {
  const name = displayName(person)
  return {
    id: person.id,
    primary_email: person.primary_email,
    first_name: person.first_name,
    last_name: person.last_name,
    title_prefix: person.title_prefix,
    name,
    display_name: person.override_display_name !== "" ? person.override_display_name : name,
    override_display_name: person.override_display_name,
    is_agent: person.is_agent,
    is_user: !person.is_agent,
    is_contact: person.primary_email !== null,
    is_confirmed: false,
    is_deleted: false,
    is_disabled: false,
    summary: person.summary,
    language: person.language,
    timezone: person.timezone,
    organization: person.organization,
    organization_position: person.organization_position,
    organization_manager: false,
    date_created: deskproTime(person.date_created),
    labels: person.labels,
    emails: person.emails,
    phone_numbers: person.phone_numbers.map((phone) => ({ ...phone, person: person.id, type: "person" })),
    contact_data: person.contact_data.map(recordToWire),
    fields: person.fields,
    user_groups: [],
    agent_groups: []
  }
}

export const organizationToWire = (organization: StoredOrganization) => ({
  id: organization.id,
  name: organization.name,
  summary: "",
  date_created: deskproTime(organization.date_created)
})

/** Both helpdesks' people and organizations as plain JSON, in id order, for `GET /__admin/state`. */
export const snapshotOf = (state: DeskproState) => ({
  nextPersonId: state.nextPersonId,
  nextContactDataId: state.nextContactDataId,
  nextOrganizationId: state.nextOrganizationId,
  people: ([1, 2] as const).map((helpdesk) => ({ helpdesk, people: peopleOf(state, helpdesk).all() })),
  organizations: valuesInIdOrder(state.organizations),
  emailOwners: HashMap.toEntries(state.emailOwners).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
})
