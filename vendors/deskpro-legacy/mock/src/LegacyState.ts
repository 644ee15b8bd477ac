/**
 * The in-memory database of the Deskpro Legacy mock: two helpdesks' people, their e-mail records, their contact-data
 * records, organizations, and the search result sets `cache_id` names. Ids come from one sequence per table across
 * both helpdesks, so an id of the other helpdesk is simply a person this one does not have.
 *
 * Tables are persistent `HashMap`s, so a write shares all but a few nodes with the state before it and the whole
 * state stays one immutable value in one `Ref`. A person keeps its own e-mail and record ids in id order (Doctrine's
 * collection order), which is what the API lists.
 */
import { IdTable, valuesInIdOrder } from "@contactkit/mock-platform"
import { HashMap, Option } from "effect"
import type { ContactType, Fields } from "./LegacyContactData.ts"

export interface PersonRow {
  readonly id: number
  readonly helpdesk: number
  readonly name: string
  readonly firstName: string
  readonly lastName: string
  readonly summary: string
  readonly organizationId: number | null
  readonly organizationPosition: string
  readonly timezone: string
  readonly isDisabled: boolean
  readonly disableAutoresponses: boolean
  readonly labels: ReadonlyArray<string>
  readonly primaryEmailId: number | null
  readonly emailIds: ReadonlyArray<number>
  readonly detailIds: ReadonlyArray<number>
  readonly createdAt: number
}

export interface EmailRow {
  readonly id: number
  readonly personId: number
  /** Lower case, as `PersonEmail::setEmail` stores it. */
  readonly email: string
  readonly comment: string
  readonly createdAt: number
}

export interface DetailRow {
  readonly id: number
  readonly personId: number
  readonly type: ContactType
  readonly comment: string
  readonly fields: Fields
}

export interface OrganizationRow {
  readonly id: number
  readonly helpdesk: number
  readonly name: string
  readonly createdAt: number
}

/**
 * A search result set: the matching people when it was made. Held as the helpdesk's table as it was then (an
 * immutable `IdTable`, sharing its nodes with the current one), so making one copies nothing and a page of it is
 * a slice; its ids are the rows' ids (the rows themselves are read again from the current state).
 */
export interface ResultSet {
  readonly helpdesk: number
  readonly people: IdTable.IdTable<PersonRow>
}

export interface LegacyState {
  readonly people: HashMap.HashMap<number, PersonRow>
  /** Each helpdesk's people in id order (the same rows as `people`): what a search lists, without filtering all. */
  readonly helpdeskPeople: HashMap.HashMap<number, IdTable.IdTable<PersonRow>>
  readonly emails: HashMap.HashMap<number, EmailRow>
  /** Every e-mail record's id by its address (lower case), in any helpdesk: `emailInHelpdesk` without a scan. */
  readonly emailsByAddress: HashMap.HashMap<string, ReadonlyArray<number>>
  readonly details: HashMap.HashMap<number, DetailRow>
  readonly organizations: HashMap.HashMap<number, OrganizationRow>
  readonly resultSets: HashMap.HashMap<number, ResultSet>
  readonly sequences: {
    readonly person: number
    readonly email: number
    readonly detail: number
    readonly organization: number
    readonly resultSet: number
  }
}

export const emptyState: LegacyState = {
  people: HashMap.empty(),
  helpdeskPeople: HashMap.empty(),
  emails: HashMap.empty(),
  emailsByAddress: HashMap.empty(),
  details: HashMap.empty(),
  organizations: HashMap.empty(),
  resultSets: HashMap.empty(),
  sequences: { person: 0, email: 0, detail: 0, organization: 0, resultSet: 0 }
}

// Deskpro keeps result sets in its cache; the mock keeps the most recent ones.
const keptResultSets = 200

export const rowOf = <V>(table: HashMap.HashMap<number, V>, id: number): V | undefined =>
  Option.getOrUndefined(HashMap.get(table, id))

/** The person with this id in this helpdesk (another helpdesk's person does not exist here). */
export const personOf = (state: LegacyState, helpdesk: number, id: number): PersonRow | undefined => {
  const person = rowOf(state.people, id)
  return person?.helpdesk === helpdesk ? person : undefined
}

/** A helpdesk's people in id order, as a table (`IdTable.values` reads them all). */
export const peopleTableOf = (state: LegacyState, helpdesk: number): IdTable.IdTable<PersonRow> =>
  Option.getOrElse(HashMap.get(state.helpdeskPeople, helpdesk), () => IdTable.empty<PersonRow>())

export const peopleOf = (state: LegacyState, helpdesk: number): ReadonlyArray<PersonRow> =>
  IdTable.values(peopleTableOf(state, helpdesk))

export const emailsOf = (state: LegacyState, person: PersonRow): ReadonlyArray<EmailRow> =>
  person.emailIds.flatMap((id) => rowOf(state.emails, id) ?? [])

export const detailsOf = (state: LegacyState, person: PersonRow): ReadonlyArray<DetailRow> =>
  person.detailIds.flatMap((id) => rowOf(state.details, id) ?? [])

/** The e-mail record with this address (any case) in this helpdesk, whoever has it. */
export const emailInHelpdesk = (state: LegacyState, helpdesk: number, address: string): EmailRow | undefined => {
  const candidates = Option.getOrElse(HashMap.get(state.emailsByAddress, address.toLowerCase()), () => [])
  // The first in people's id order, then in the person's own order, as reading every person's e-mails would find.
  let found: { readonly row: EmailRow; readonly person: PersonRow } | undefined
  for (const id of candidates) {
    const row = rowOf(state.emails, id)
    const person = row === undefined ? undefined : rowOf(state.people, row.personId)
    if (row === undefined || person === undefined || person.helpdesk !== helpdesk) continue
    if (
      found === undefined || person.id < found.person.id ||
      (person.id === found.person.id && person.emailIds.indexOf(id) < person.emailIds.indexOf(found.row.id))
    ) found = { row, person }
  }
  return found?.row
}

const indexed = (index: LegacyState["emailsByAddress"], address: string, id: number) =>
  HashMap.set(index, address, [...Option.getOrElse(HashMap.get(index, address), () => []), id])

const unindexed = (index: LegacyState["emailsByAddress"], address: string, id: number) => {
  const rest = Option.getOrElse(HashMap.get(index, address), (): ReadonlyArray<number> => []).filter((n) => n !== id)
  return rest.length === 0 ? HashMap.remove(index, address) : HashMap.set(index, address, rest)
}

const withoutEmailIds = (state: LegacyState, ids: ReadonlyArray<number>) =>
  ids.reduce((index, id) => {
    const row = rowOf(state.emails, id)
    return row === undefined ? index : unindexed(index, row.email, id)
  }, state.emailsByAddress)

export const withPerson = (state: LegacyState, person: PersonRow): LegacyState => {
  const previous = rowOf(state.people, person.id)
  let helpdeskPeople = state.helpdeskPeople
  if (previous !== undefined && previous.helpdesk !== person.helpdesk) {
    helpdeskPeople = HashMap.set(
      helpdeskPeople,
      previous.helpdesk,
      IdTable.remove(peopleTableOf(state, previous.helpdesk), person.id)
    )
  }
  return {
    ...state,
    people: HashMap.set(state.people, person.id, person),
    helpdeskPeople: HashMap.set(
      helpdeskPeople,
      person.helpdesk,
      IdTable.set(peopleTableOf({ ...state, helpdeskPeople }, person.helpdesk), person.id, person)
    )
  }
}

/** Adds an e-mail record to its person (after the person's others); the first becomes the primary. */
export const withEmail = (state: LegacyState, person: PersonRow, address: string, comment: string, now: number) => {
  const id = state.sequences.email + 1
  const row: EmailRow = { id, personId: person.id, email: address.toLowerCase(), comment, createdAt: now }
  const owner: PersonRow = {
    ...person,
    emailIds: [...person.emailIds, id],
    primaryEmailId: person.primaryEmailId ?? id
  }
  const next: LegacyState = {
    ...withPerson(state, owner),
    emails: HashMap.set(state.emails, id, row),
    emailsByAddress: indexed(state.emailsByAddress, row.email, id),
    sequences: { ...state.sequences, email: id }
  }
  return [row, owner, next] as const
}

/** Replaces an e-mail record (its comment). */
export const withEmailRow = (state: LegacyState, row: EmailRow): LegacyState => {
  const previous = rowOf(state.emails, row.id)
  const index = previous === undefined
    ? state.emailsByAddress
    : unindexed(state.emailsByAddress, previous.email, row.id)
  return {
    ...state,
    emails: HashMap.set(state.emails, row.id, row),
    emailsByAddress: previous?.email === row.email ? state.emailsByAddress : indexed(index, row.email, row.id)
  }
}

export const withDetail = (
  state: LegacyState,
  person: PersonRow,
  detail: Omit<DetailRow, "id" | "personId">
) => {
  const id = state.sequences.detail + 1
  const row: DetailRow = { ...detail, id, personId: person.id }
  const owner: PersonRow = { ...person, detailIds: [...person.detailIds, id] }
  const next: LegacyState = {
    ...withPerson(state, owner),
    details: HashMap.set(state.details, id, row),
    sequences: { ...state.sequences, detail: id }
  }
  return [row, owner, next] as const
}

export const withoutDetail = (state: LegacyState, person: PersonRow, id: number): LegacyState => ({
  ...withPerson(state, { ...person, detailIds: person.detailIds.filter((candidate) => candidate !== id) }),
  details: HashMap.remove(state.details, id)
})

/** Removes an e-mail record; removing the primary makes the person's next record the primary. */
export const withoutEmail = (state: LegacyState, person: PersonRow, id: number): LegacyState => {
  const emailIds = person.emailIds.filter((candidate) => candidate !== id)
  const primaryEmailId = person.primaryEmailId === id ? emailIds[0] ?? null : person.primaryEmailId
  return {
    ...withPerson(state, { ...person, emailIds, primaryEmailId }),
    emails: HashMap.remove(state.emails, id),
    emailsByAddress: withoutEmailIds(state, [id])
  }
}

/** Deletes a person with its e-mail and contact-data records. */
export const withoutPerson = (state: LegacyState, person: PersonRow): LegacyState => ({
  ...state,
  people: HashMap.remove(state.people, person.id),
  helpdeskPeople: HashMap.set(
    state.helpdeskPeople,
    person.helpdesk,
    IdTable.remove(peopleTableOf(state, person.helpdesk), person.id)
  ),
  emails: HashMap.removeMany(state.emails, person.emailIds),
  emailsByAddress: withoutEmailIds(state, person.emailIds),
  details: HashMap.removeMany(state.details, person.detailIds)
})

/** The helpdesk's organization of this name (compared as MySQL's case-insensitive collation does). */
export const organizationNamed = (state: LegacyState, helpdesk: number, name: string): OrganizationRow | undefined =>
  valuesInIdOrder(state.organizations).find((org) =>
    org.helpdesk === helpdesk && org.name.toLowerCase() === name.toLowerCase()
  )

export const withOrganization = (state: LegacyState, helpdesk: number, name: string, now: number) => {
  const id = state.sequences.organization + 1
  const row: OrganizationRow = { id, helpdesk, name, createdAt: now }
  const next: LegacyState = {
    ...state,
    organizations: HashMap.set(state.organizations, id, row),
    sequences: { ...state.sequences, organization: id }
  }
  return [row, next] as const
}

/** Stores a result set under a new `cache_id`, forgetting the oldest beyond the cache's size. */
export const withResultSet = (state: LegacyState, set: ResultSet) => {
  const id = state.sequences.resultSet + 1
  const pruned = HashMap.remove(state.resultSets, id - keptResultSets)
  const next: LegacyState = {
    ...state,
    resultSets: HashMap.set(pruned, id, set),
    sequences: { ...state.sequences, resultSet: id }
  }
  return [id, next] as const
}

/** Every helpdesk's rows as plain JSON, each table in id order, for `GET /__admin/state`. */
export const snapshotOf = (state: LegacyState) => ({
  sequences: state.sequences,
  people: valuesInIdOrder(state.people),
  emails: valuesInIdOrder(state.emails),
  details: valuesInIdOrder(state.details),
  organizations: valuesInIdOrder(state.organizations),
  resultSets: HashMap.toEntries(state.resultSets).sort(([a], [b]) => a - b).map(([id, set]) => ({
    id,
    helpdesk: set.helpdesk,
    ids: IdTable.values(set.people).map((person) => person.id)
  }))
})
