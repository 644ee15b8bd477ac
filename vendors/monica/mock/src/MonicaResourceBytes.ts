/**
 * A contact resource's UTF-8, kept per contact row: a list page with contact fields is about 94 kB, and even
 * joined from cached texts (`MonicaResourceJson.ts`) it was measured and encoded again on every request. The
 * bytes of a contact with its fields depend on other rows too (each field, its type, labels and contact), so the
 * cache keeps the rows they were made from and is used only while the request's state holds those very rows (a
 * comparison by identity, one lookup per row, as rendering needs anyway); otherwise the text is built again.
 */
import { jsonBytesResponse, perRow } from "@contactkit/mock-platform"
import { contactJson, fieldJson, fieldTypeJson } from "./MonicaResourceJson.ts"
import type { ContactRow, FieldRow, FieldTypeRow, MonicaState } from "./MonicaState.ts"
import { fieldsOfContact, rowOf } from "./MonicaState.ts"

interface Kept {
  readonly baseUrl: string
  readonly withFields: boolean
  readonly rows: ReadonlyArray<object | undefined>
  readonly bytes: Uint8Array
}

const kept = new WeakMap<ContactRow, Kept>()

/** Every row the resource shows besides the contact's own, in a fixed order (missing ones as `undefined`). */
const embeddedRows = (state: MonicaState, row: ContactRow, withFields: boolean): Array<object | undefined> => {
  const rows: Array<object | undefined> = []
  if (row.isPartial || !withFields) return rows
  for (const field of fieldsOfContact(state, row.id)) {
    rows.push(field, rowOf(state.fieldTypes, field.typeId), rowOf(state.contacts, field.contactId))
    for (const id of field.labelIds) rows.push(rowOf(state.labels, id))
  }
  return rows
}

const sameRows = (a: ReadonlyArray<object | undefined>, b: ReadonlyArray<object | undefined>) => {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** The UTF-8 of `contactJson(state, row, baseUrl, withFields)`. */
export const contactBytes = (state: MonicaState, row: ContactRow, baseUrl: string, withFields: boolean) => {
  const rows = embeddedRows(state, row, withFields)
  const known = kept.get(row)
  if (
    known !== undefined && known.baseUrl === baseUrl && known.withFields === withFields && sameRows(known.rows, rows)
  ) {
    return known.bytes
  }
  const bytes = Buffer.from(contactJson(state, row, baseUrl, withFields))
  kept.set(row, { baseUrl, withFields, rows, bytes })
  return bytes
}

/** The UTF-8 of `fieldJson` (a field embeds its type, labels and contact: encoded when asked). */
export const fieldBytes = (state: MonicaState, row: FieldRow, baseUrl: string): Uint8Array =>
  Buffer.from(fieldJson(state, row, baseUrl))

export const fieldTypeBytes = perRow((row: FieldTypeRow): Uint8Array => Buffer.from(fieldTypeJson(row)))

const dataOpen = Buffer.from(`{"data":`)
const dataClose = Buffer.from("}")

/** Monica's `{"data": …}` wrapper around one resource's UTF-8. */
export const dataResponse = (status: number, resource: Uint8Array) =>
  jsonBytesResponse(status, Buffer.concat([dataOpen, resource, dataClose]))
