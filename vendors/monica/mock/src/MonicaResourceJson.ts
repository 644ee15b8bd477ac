/**
 * Monica's resources (`MonicaResources.ts`) as JSON text, built from pieces serialised once per row: a page of 25
 * contacts with their fields is about 94 kB, and serialising it again for every request was most of a list page's
 * time. Rows are immutable (every write makes a new row object), so a row's own text is cached in a `WeakMap` keyed
 * by the row and dies with it; what a resource embeds from other rows (a field's type, labels and contact) is looked
 * up in the state of the request and joined in, so no cached text can be stale. The bytes are exactly
 * `JSON.stringify` of the resource objects (tested over generated rows); `MonicaResources.ts` stays the definition.
 */
import { perRow } from "@contactkit/mock-platform"
import {
  contactHead,
  contactShortResource,
  contactTail,
  fieldTypeResource,
  labelResource,
  timestamp
} from "./MonicaResources.ts"
import type { ContactRow, FieldRow, FieldTypeRow, LabelRow, MonicaState } from "./MonicaState.ts"
import { fieldsOfContact, rowOf } from "./MonicaState.ts"

/** `JSON.stringify(object)` without its closing brace, or without its opening one: to join objects' members. */
const opened = (object: object) => JSON.stringify(object).slice(0, -1)
const closed = (object: object) => JSON.stringify(object).slice(1)

/** A text derived from one row and the request's base URL (the same for every request to one server). */
const perRowAndBase = <R extends object>(make: (row: R, baseUrl: string) => string) => {
  const cache = new WeakMap<R, { readonly baseUrl: string; readonly text: string }>()
  return (row: R, baseUrl: string): string => {
    const known = cache.get(row)
    if (known !== undefined && known.baseUrl === baseUrl) return known.text
    const text = make(row, baseUrl)
    cache.set(row, { baseUrl, text })
    return text
  }
}

export const fieldTypeJson = perRow((row: FieldTypeRow) => JSON.stringify(fieldTypeResource(row)))

const labelJson = perRow((row: LabelRow) => JSON.stringify(labelResource(row)))

const contactShortJson = perRowAndBase((row: ContactRow, baseUrl: string) =>
  JSON.stringify(contactShortResource(row, baseUrl))
)

/** A field's own members, around the parts that come from other rows (type, labels, contact). */
const fieldParts = perRow((row: FieldRow) => ({
  head: opened({ id: row.id, uuid: row.uuid, object: "contactfield", content: row.data }),
  account: JSON.stringify({ id: row.accountId }),
  tail: closed({ created_at: timestamp(row.createdAt), updated_at: timestamp(row.updatedAt) })
}))

/** `JSON.stringify(fieldResource(state, row, baseUrl))`. */
export const fieldJson = (state: MonicaState, row: FieldRow, baseUrl: string): string => {
  const parts = fieldParts(row)
  const type = rowOf(state.fieldTypes, row.typeId)
  const contact = rowOf(state.contacts, row.contactId)
  let labels = ""
  for (const id of row.labelIds) {
    const label = rowOf(state.labels, id)
    if (label !== undefined) labels += labels === "" ? labelJson(label) : `,${labelJson(label)}`
  }
  return `${parts.head},"contact_field_type":${type === undefined ? "null" : fieldTypeJson(type)},"labels":[${labels}]`
    + `,"account":${parts.account},"contact":${contact === undefined ? "null" : contactShortJson(contact, baseUrl)},`
    + parts.tail
}

const contactHeadJson = perRow((row: ContactRow) => opened(contactHead(row)))
const contactTailJson = perRowAndBase((row: ContactRow, baseUrl: string) => closed(contactTail(row, baseUrl)))

/** `JSON.stringify(contactResource(state, row, baseUrl, withFields))`. */
export const contactJson = (state: MonicaState, row: ContactRow, baseUrl: string, withFields: boolean): string => {
  const head = contactHeadJson(row)
  const tail = contactTailJson(row, baseUrl)
  if (row.isPartial || !withFields) return `${head},${tail}`
  const fields = fieldsOfContact(state, row.id).map((field) => fieldJson(state, field, baseUrl))
  return `${head},"contactFields":[${fields.join(",")}],"notes":[],${tail}`
}
