/**
 * Field operations over NGP, which has no field resources and no field ids: each reads the contact, changes its
 * fields in the domain and writes it back (NgpvanReadModifyWrite). A field is named by its index in the contact's
 * fields as read just before; what comes back is the stored field the written one became.
 */
import { wrapReasons } from "@contactkit/adapter-kit"
import {
  type Contact,
  type ContactDirectory,
  type ContactDraft,
  type ContactField,
  type FieldRef,
  InvalidContact,
  project,
  toDraft,
  withoutId
} from "@contactkit/domain"
import { Effect } from "effect"
import { capabilities } from "./NgpvanCapabilities.ts"
import { type NgpvanClient, vendor } from "./NgpvanClient.ts"
import { readContact, readModifyWrite, toContact } from "./NgpvanReadModifyWrite.ts"

/** The stored field that came from the sent draft's field at `origin`. */
const storedField = (contact: Contact, sent: ContactDraft, origin: number, fallback: ContactField) => {
  const at = project(capabilities, sent).origins.indexOf(origin)
  return (at === -1 ? undefined : contact.fields[at]) ?? withoutId(fallback)
}

const resolve = (fields: ReadonlyArray<ContactField>, ref: FieldRef) => {
  const index = typeof ref === "number" && Number.isInteger(ref) && ref >= 0 && ref < fields.length ? ref : -1
  if (index !== -1) return Effect.succeed(index)
  const message = typeof ref === "number" ? "no field at this index" : "ngpvan fields have no ids: use the index"
  return Effect.fail(new InvalidContact({ issues: [{ path: ["fields", ref], message }] }))
}

const wrap = wrapReasons(vendor)

export const fieldOperations = (client: NgpvanClient): ContactDirectory.Service["fields"] => {
  const read = readContact(client)
  const write = readModifyWrite(client)
  return {
    list: (contactId) =>
      read(contactId).pipe(
        Effect.map((record) => toContact(record).fields),
        wrap.effect("fields.list")
      ),
    add: (contactId, field) =>
      write(
        contactId,
        (current) => Effect.succeed({ ...toDraft(current), fields: [...current.fields, withoutId(field)] })
      )
        .pipe(
          Effect.map(({ contact, sent }) => storedField(contact, sent, sent.fields.length - 1, field)),
          wrap.effect("fields.add")
        ),
    update: (contactId, ref, field) =>
      Effect.gen(function*() {
        let index = -1
        const { contact, sent } = yield* write(contactId, (current) =>
          Effect.map(resolve(current.fields, ref), (i) => {
            index = i
            return { ...toDraft(current), fields: current.fields.map((f, j) => (j === i ? withoutId(field) : f)) }
          }))
        return storedField(contact, sent, index, field)
      }).pipe(wrap.effect("fields.update")),
    remove: (contactId, ref) =>
      write(contactId, (current) =>
        Effect.map(resolve(current.fields, ref), (i) => ({
          ...toDraft(current),
          fields: current.fields.filter((_, j) => j !== i)
        }))).pipe(Effect.asVoid, wrap.effect("fields.remove"))
  }
}
