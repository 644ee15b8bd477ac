/**
 * Field operations on a Deskpro person, by read-modify-write: contact-data writes are not documented as a
 * resource of their own, so each operation rewrites the one list its field lives in (`emails` + `primary_email`,
 * `phone_numbers` or `contact_data`) and leaves the others alone. A field is named by its id (contact data) or
 * its index in `fields.list` (emails and phones have no ids).
 */
import type { WrapReasons } from "@contactkit/adapter-kit"
import {
  type ContactDirectory,
  type ContactField,
  ContactNotFound,
  type FieldRef,
  InvalidContact,
  toDraft,
  withoutId
} from "@contactkit/domain"
import { Effect } from "effect"
import { capabilities } from "./DeskproCapabilities.ts"
import type { DeskproClient } from "./DeskproClient.ts"
import { nothing, type Scope, scopeOfKind } from "./DeskproInput.ts"
import { typeOfField } from "./DeskproMapping.ts"
import { readModifyWrite, storedField, toContact } from "./DeskproReadModifyWrite.ts"

/** Index of the field a ref names: its id (contact data) or its position in `fields.list`. */
const resolve = (
  contactId: string,
  fields: ReadonlyArray<ContactField>,
  ref: FieldRef
): Effect.Effect<number, ContactNotFound | InvalidContact> => {
  if (typeof ref === "number") {
    return Number.isInteger(ref) && ref >= 0 && ref < fields.length
      ? Effect.succeed(ref)
      : Effect.fail(new InvalidContact({ issues: [{ path: ["fields", ref], message: "no field at this index" }] }))
  }
  const index = fields.findIndex((field) => field.id === ref)
  return index === -1
    ? Effect.fail(new ContactNotFound({ id: `${contactId}/contact_data/${ref}` }))
    : Effect.succeed(index)
}

/**
 * A field written as preferred, of a kind with one preferred field (the primary email), takes it over: the others
 * of its kind give it up, rather than the one already primary keeping it.
 */
const yieldPreferred = (fields: ReadonlyArray<ContactField>, written: ContactField): ReadonlyArray<ContactField> =>
  written.preferred === true && capabilities.fields[written._tag].singlePreferred === true
    ? fields.map((f) => {
      if (f._tag !== written._tag || f.preferred !== true) return f
      const { preferred: _, ...rest } = f
      return rest as ContactField
    })
    : fields

const either = (a: Scope, b: Scope): Scope => ({
  name: a.name || b.name,
  organization: a.organization || b.organization,
  emails: a.emails || b.emails,
  phones: a.phones || b.phones,
  contactData: a.contactData || b.contactData
})

/** Replacing field `i` with `field`: the same record keeps what only Deskpro has (display_feed, instagram_id). */
const replacing = (fields: ReadonlyArray<ContactField>, i: number, field: ContactField) => {
  const old = fields[i]!
  const sameRecord = old.id !== undefined && typeOfField(old) === typeOfField(field)
  const replacement = sameRecord ? { ...withoutId(field), id: old.id } : withoutId(field)
  return {
    fields: yieldPreferred(fields, field).map((f, j) => (j === i ? replacement : f)),
    scope: [old._tag, field._tag].reduce((scope, kind) => either(scope, scopeOfKind(kind)), nothing)
  }
}

export const fieldOperations = (client: DeskproClient, wrap: WrapReasons): ContactDirectory.Service["fields"] => ({
  list: (contactId) =>
    client.get(contactId).pipe(Effect.map((record) => toContact(record).fields), wrap.effect("fields.list")),
  add: (contactId, field) =>
    readModifyWrite(client, contactId, (current) =>
      Effect.succeed({
        draft: { ...toDraft(current), fields: [...yieldPreferred(current.fields, field), withoutId(field)] },
        scope: scopeOfKind(field._tag)
      })).pipe(
        Effect.map(({ contact, sent }) => storedField(contact, sent, sent.fields.length - 1, field)),
        wrap.effect("fields.add")
      ),
  update: (contactId, ref, field) =>
    Effect.gen(function*() {
      let index = -1
      const { contact, sent } = yield* readModifyWrite(client, contactId, (current) =>
        Effect.map(resolve(contactId, current.fields, ref), (i) => {
          index = i
          const { fields, scope } = replacing(current.fields, i, field)
          return { draft: { ...toDraft(current), fields }, scope }
        }))
      return storedField(contact, sent, index, field)
    }).pipe(wrap.effect("fields.update")),
  remove: (contactId, ref) =>
    readModifyWrite(client, contactId, (current) =>
      Effect.map(resolve(contactId, current.fields, ref), (i) => ({
        draft: { ...toDraft(current), fields: current.fields.filter((_, j) => j !== i) },
        scope: scopeOfKind(current.fields[i]!._tag)
      }))).pipe(Effect.asVoid, wrap.effect("fields.remove"))
})
