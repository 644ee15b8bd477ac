/**
 * The in-memory database of the Monica mock: accounts, contacts, contact fields, contact-field types and labels.
 * Ids come from one sequence per table shared by all accounts, as in Monica's MySQL tables, so an id that exists
 * in another account is distinguishable from one that exists nowhere (422 "invalid" versus 404 "not found").
 */

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
  readonly fieldTypes: ReadonlyMap<number, FieldTypeRow>
  readonly labels: ReadonlyMap<number, LabelRow>
  readonly contacts: ReadonlyMap<number, ContactRow>
  readonly fields: ReadonlyMap<number, FieldRow>
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
  fieldTypes: new Map(),
  labels: new Map(),
  contacts: new Map(),
  fields: new Map(),
  sequences: { fieldType: 0, label: 0, contact: 0, field: 0 }
}

/** A deterministic UUID-shaped string for a row, so seeded data and test output never vary between runs. */
export const uuidFor = (table: number, id: number): string => {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, "0").slice(-width)
  return `${hex(table, 8)}-0000-4000-8000-${hex(id, 12)}`
}

export const withMap = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> =>
  new Map(map).set(key, value)

export const withoutKeys = <K, V>(map: ReadonlyMap<K, V>, drop: (value: V, key: K) => boolean): ReadonlyMap<K, V> =>
  new Map([...map].filter(([key, value]) => !drop(value, key)))

/** The rows of one account, in id order (Monica's default `created_at asc` for rows created in sequence). */
export const ofAccount = <V extends { readonly accountId: number }>(
  map: ReadonlyMap<number, V>,
  accountId: number
): ReadonlyArray<V> => [...map.values()].filter((row) => row.accountId === accountId)
