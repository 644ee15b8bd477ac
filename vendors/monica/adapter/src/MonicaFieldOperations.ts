/**
 * The port's field operations on Monica's own `/contactfields` endpoints: list a contact's fields, add one,
 * update one in place (or delete and re-add it, see MonicaFieldWrites), remove one. A field reference is a
 * Monica field id or an index into the contact's fields; Monica's own routes do not check that a field id
 * belongs to the contact in the path, so the adapter does.
 */
import { wrapReasons } from "@contactkit/adapter-kit"
import {
  type ContactDirectory,
  type ContactErrorReason,
  type ContactField,
  ContactNotFound,
  type FieldRef,
  validate
} from "@contactkit/domain"
import { Effect } from "effect"
import { capabilities } from "./MonicaCapabilities.ts"
import { type MonicaClient, requireId, vendor } from "./MonicaClient.ts"
import type { MonicaFieldWrites } from "./MonicaFieldWrites.ts"
import { toField } from "./MonicaMapping.ts"
import type { MonicaContactField } from "./MonicaSchema.ts"

const wrap = wrapReasons(vendor)

/** A draft holding one field, so a single field is checked by the same rules as a contact. */
const validateField = (field: ContactField) =>
  Effect.map(
    validate(capabilities, { kind: "individual", name: { given: "-" }, organization: {}, fields: [field] }),
    (draft) => draft.fields[0]!
  )

/** The contact's fields that the domain can hold, each beside Monica's record of it. */
const fieldsOf = (client: MonicaClient, id: string) =>
  Effect.map(client.listContactFields(id), (items) =>
    items.flatMap(({ value }) => {
      const field = toField(value)
      return field === undefined ? [] : [{ wire: value, field }]
    }))

/** A field ref → the Monica field, checked to belong to this contact. */
const findField = (
  client: MonicaClient,
  contactId: string,
  ref: FieldRef
): Effect.Effect<MonicaContactField, ContactErrorReason> =>
  Effect.gen(function*() {
    const notFound = new ContactNotFound({ id: `${contactId}/contactfields/${String(ref)}` })
    if (typeof ref === "number") {
      const at = (yield* fieldsOf(client, contactId))[ref]
      return at === undefined ? yield* notFound : at.wire
    }
    const { value } = yield* client.getContactField(ref, notFound.id)
    if (value.contact !== undefined && String(value.contact.id) !== contactId) return yield* notFound
    return value
  })

export const make = (client: MonicaClient, writes: MonicaFieldWrites): ContactDirectory.Service["fields"] => ({
  list: (contactId) =>
    requireId(contactId).pipe(
      Effect.flatMap((id) => fieldsOf(client, id)),
      Effect.map((items) => items.map((i) => i.field)),
      wrap.effect("fields.list")
    ),
  add: (contactId, field) =>
    Effect.gen(function*() {
      const id = yield* requireId(contactId)
      const valid = yield* validateField(field)
      const stored = yield* writes.add(id, valid, ["fields", 0])
      return toField(stored) ?? valid
    }).pipe(wrap.effect("fields.add")),
  update: (contactId, ref, field) =>
    Effect.gen(function*() {
      const id = yield* requireId(contactId)
      const valid = yield* validateField(field)
      const existing = yield* findField(client, id, ref)
      const stored = yield* writes.replace(id, existing, valid, ["fields", 0])
      return toField(stored) ?? valid
    }).pipe(wrap.effect("fields.update")),
  remove: (contactId, ref) =>
    Effect.gen(function*() {
      const id = yield* requireId(contactId)
      const existing = yield* findField(client, id, ref)
      yield* client.deleteContactField(String(existing.id), id)
    }).pipe(wrap.effect("fields.remove"))
})
