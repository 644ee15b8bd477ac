/**
 * The in-memory database of the Monica mock: accounts, contacts, contact fields, contact-field types and labels.
 * Ids come from one sequence per table shared by all accounts, as in Monica's MySQL tables, so an id that exists
 * in another account is distinguishable from one that exists nowhere (422 "invalid" versus 404 "not found").
 *
 * Every table is an Effect persistent `HashMap`, so a write shares all but a few nodes with the state before it
 * (O(log n)) rather than copying the table, and the state stays one immutable value in one `Ref` (which is also
 * why `emptyState` can be a shared constant). A `HashMap` keeps no order, so the readers that promise one sort
 * by id: `ofAccount` through `valuesInIdOrder`, which sorts each version of a table once, and `fieldsOfContact`
 * through its index. Contact fields are indexed by contact (`fieldIdsByContact`), so showing a contact's fields
 * reads those fields only; `withField`, `withoutField` and `withoutContact` are the only writers of `fields` and
 * keep the index in step.
 */
import { OrderedIndex, valuesInIdOrder } from "@contactkit/mock-platform"
import { HashMap, Option } from "effect"

export interface FieldTypeRow {
  readonly id: number
  readonly uuid: string
  readonly accountId: number
  readonly name: string
  readonly fontawesomeIcon: string | null
  readonly protocol: string | null
  readonly delible: boolean
  readonly type: string | null
  readonly createdAt: number
  readonly updatedAt: number
}

/** A label is either one of Monica's standard keys (stored as `label_i18n`) or a custom text. */
export interface LabelRow {
  readonly id: number
  readonly accountId: number
  readonly i18n: string | null
  readonly custom: string | null
  readonly createdAt: number
}

export interface ContactRow {
  readonly id: number
  readonly uuid: string
  readonly accountId: number
  readonly firstName: string
  readonly middleName: string | null
  readonly lastName: string | null
  readonly nickname: string | null
  readonly description: string | null
  /** Set only through `PUT /api/contacts/{id}/work` (`UpdateWorkInformation`). */
  readonly job: string | null
  readonly company: string | null
  readonly isStarred: boolean
  readonly isPartial: boolean
  readonly isActive: boolean
  readonly isDead: boolean
  readonly createdAt: number
  readonly updatedAt: number
}

export interface FieldRow {
  readonly id: number
  readonly uuid: string
  readonly accountId: number
  readonly contactId: number
  readonly typeId: number
  readonly data: string
  readonly labelIds: ReadonlyArray<number>
  readonly createdAt: number
  readonly updatedAt: number
}

export interface MonicaState {
  readonly accounts: ReadonlyArray<number>
  readonly fieldTypes: HashMap.HashMap<number, FieldTypeRow>
  readonly labels: HashMap.HashMap<number, LabelRow>
  readonly contacts: HashMap.HashMap<number, ContactRow>
  readonly fields: HashMap.HashMap<number, FieldRow>
  /**
   * Per account, the contacts a plain listing shows (active, not partial) ordered by (`createdAt`, id) — Monica's
   * default order — so a page at any offset is found without filtering and sorting the table. Derived from
   * `contacts`: `withContactRow` and `withoutContact` are the only writers of either, and keep both in step.
   */
  readonly listed: HashMap.HashMap<number, OrderedIndex.OrderedIndex<ContactRow>>
  /** Each contact's field ids in ascending order; a contact without fields has no entry. */
  readonly fieldIdsByContact: HashMap.HashMap<number, ReadonlyArray<number>>
  /** The last id handed out per table. */
  readonly sequences: {
    readonly fieldType: number
    readonly label: number
    readonly contact: number
    readonly field: number
  }
}

export const emptyState: MonicaState = {
  accounts: [1, 2],
  fieldTypes: HashMap.empty(),
  labels: HashMap.empty(),
  contacts: HashMap.empty(),
  listed: HashMap.empty(),
  fields: HashMap.empty(),
  fieldIdsByContact: HashMap.empty(),
  sequences: { fieldType: 0, label: 0, contact: 0, field: 0 }
}

/** Every account's rows as plain JSON, each table in id order, for `GET /__admin/state`. */
export const snapshotOf = (state: MonicaState) => ({
  accounts: state.accounts,
  sequences: state.sequences,
  fieldTypes: valuesInIdOrder(state.fieldTypes),
  labels: valuesInIdOrder(state.labels),
  contacts: valuesInIdOrder(state.contacts),
  fields: valuesInIdOrder(state.fields),
  fieldIdsByContact: HashMap.toEntries(state.fieldIdsByContact).sort(([a], [b]) => a - b)
})

/** A deterministic UUID-shaped string for a row, so seeded data and test output never vary between runs. */
export const uuidFor = (table: number, id: number): string => {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, "0").slice(-width)
  return `${hex(table, 8)}-0000-4000-8000-${hex(id, 12)}`
}

/** The row with this id, in any account. */
export const rowOf = <V>(table: HashMap.HashMap<number, V>, id: number): V | undefined =>
  Option.getOrUndefined(HashMap.get(table, id))

/** The rows of one account, in id order (Monica's default `created_at asc` for rows created in sequence). */
export const ofAccount = <V extends { readonly id: number; readonly accountId: number }>(
  table: HashMap.HashMap<number, V>,
  accountId: number
): ReadonlyArray<V> => valuesInIdOrder(table).filter((row) => row.accountId === accountId)

const fieldIdsOf = (state: MonicaState, contactId: number): ReadonlyArray<number> =>
  Option.getOrElse(HashMap.get(state.fieldIdsByContact, contactId), () => [])

const withFieldIds = (
  index: HashMap.HashMap<number, ReadonlyArray<number>>,
  contactId: number,
  ids: ReadonlyArray<number>
) => (ids.length === 0 ? HashMap.remove(index, contactId) : HashMap.set(index, contactId, ids))

/** A contact's fields in id order, as Monica's `contactFields` relation returns them. */
export const fieldsOfContact = (state: MonicaState, contactId: number): ReadonlyArray<FieldRow> =>
  fieldIdsOf(state, contactId).flatMap((id) => {
    const row = rowOf(state.fields, id)
    return row === undefined ? [] : [row]
  })

/** Adds or replaces a contact field; a field moved to another contact moves in the index too. */
export const withField = (state: MonicaState, row: FieldRow): MonicaState => {
  const previous = rowOf(state.fields, row.id)
  let index = state.fieldIdsByContact
  if (previous !== undefined && previous.contactId !== row.contactId) {
    index = withFieldIds(index, previous.contactId, fieldIdsOf(state, previous.contactId).filter((id) => id !== row.id))
  }
  if (previous === undefined || previous.contactId !== row.contactId) {
    // The list stays sorted for `fieldsOfContact`. A new field has the highest id yet (one sequence), so it is
    // appended; only a field moved from another contact can need sorting in (re-sorting every time was a quarter
    // of a field POST's time on a contact with many fields).
    const current = Option.getOrElse(HashMap.get(index, row.contactId), (): ReadonlyArray<number> => [])
    const last = current[current.length - 1]
    const ids = last === undefined || row.id > last
      ? [...current, row.id]
      : [...current, row.id].sort((a, b) => a - b)
    index = HashMap.set(index, row.contactId, ids)
  }
  return { ...state, fields: HashMap.set(state.fields, row.id, row), fieldIdsByContact: index }
}

export const withoutField = (state: MonicaState, id: number): MonicaState => {
  const row = rowOf(state.fields, id)
  if (row === undefined) return state
  return {
    ...state,
    fields: HashMap.remove(state.fields, id),
    fieldIdsByContact: withFieldIds(
      state.fieldIdsByContact,
      row.contactId,
      fieldIdsOf(state, row.contactId).filter((candidate) => candidate !== id)
    )
  }
}

const isListed = (row: ContactRow) => row.isActive && !row.isPartial

const listedOf = (state: MonicaState, accountId: number): OrderedIndex.OrderedIndex<ContactRow> =>
  Option.getOrElse(HashMap.get(state.listed, accountId), () => OrderedIndex.empty<ContactRow>())

/** The listing index without `row`'s old entry and with its new one, when it is listed. */
const relisted = (state: MonicaState, previous: ContactRow | undefined, row: ContactRow | undefined) => {
  let listed = state.listed
  if (previous !== undefined && isListed(previous)) {
    listed = HashMap.set(
      listed,
      previous.accountId,
      OrderedIndex.unset(listedOf({ ...state, listed }, previous.accountId), previous.createdAt, previous.id)
    )
  }
  if (row !== undefined && isListed(row)) {
    listed = HashMap.set(
      listed,
      row.accountId,
      OrderedIndex.set(listedOf({ ...state, listed }, row.accountId), row.createdAt, row.id, row)
    )
  }
  return listed
}

/** Adds or replaces a contact (keeping the listing index in step). */
export const withContactRow = (state: MonicaState, row: ContactRow): MonicaState => ({
  ...state,
  contacts: HashMap.set(state.contacts, row.id, row),
  listed: relisted(state, rowOf(state.contacts, row.id), row)
})

/** An account's active, non-partial contacts ordered by (`createdAt`, id): Monica's default listing order. */
export const listedContacts = (state: MonicaState, accountId: number): OrderedIndex.OrderedIndex<ContactRow> =>
  listedOf(state, accountId)

/** Deletes a contact with its contact fields, as Monica's `DestroyContact` does. */
export const withoutContact = (state: MonicaState, contactId: number): MonicaState => ({
  ...state,
  contacts: HashMap.remove(state.contacts, contactId),
  listed: relisted(state, rowOf(state.contacts, contactId), undefined),
  fields: HashMap.removeMany(state.fields, fieldIdsOf(state, contactId)),
  fieldIdsByContact: HashMap.remove(state.fieldIdsByContact, contactId)
})

// The labels Monica stores by key (`label_i18n`, translated when shown); any other text is a custom label.
const standardLabels = ["home", "work", "cell", "fax", "pager", "main", "other"]

/** Finds or creates an account's label row for a label text, as `UpdateContactFieldLabels` does. */
export const labelFor = (state: MonicaState, accountId: number, text: string, now: number): [number, MonicaState] => {
  const lower = text.toLowerCase()
  const i18n = standardLabels.includes(lower) ? lower : null
  const custom = i18n === null ? text : null
  const found = ofAccount(state.labels, accountId).find((row) => row.i18n === i18n && row.custom === custom)
  if (found !== undefined) return [found.id, state]
  const id = state.sequences.label + 1
  const row: LabelRow = { id, accountId, i18n, custom, createdAt: now }
  return [id, { ...state, labels: HashMap.set(state.labels, id, row), sequences: { ...state.sequences, label: id } }]
}
