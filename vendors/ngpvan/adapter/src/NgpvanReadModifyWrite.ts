/**
 * Reading and changing one NGP contact through the domain: NGP's update is a POST of the common model, so an update
 * and every field operation read the contact, change it as a domain draft, check the change against
 * NgpvanCapabilities (its rules apply to what changes, not to what NGP already holds), post what the adapter maps
 * and read the contact back. Reasons only; the directory names the operation.
 */
import {
  type Contact,
  type ContactDraft,
  type ContactErrorReason,
  type ContactId,
  ContactNotFound,
  toDraft,
  validateChange,
  VendorUnavailable
} from "@contactkit/domain"
import { Effect } from "effect"
import { capabilities } from "./NgpvanCapabilities.ts"
import { isContactId, type NgpvanClient, type NgpvanRecord } from "./NgpvanClient.ts"
import { toContact as toContactWire, toNgpvanUpdate } from "./NgpvanMapping.ts"
import { toDomainPath } from "./NgpvanPaths.ts"

export const toContact = (record: NgpvanRecord): Contact => toContactWire(record.wire, record.raw)

/** An id NGP could not have given names no contact, and is not sent (it would not match the path's shape). */
export const readContact = (client: NgpvanClient) => (id: ContactId) =>
  isContactId(id) ? client.get(id) : Effect.fail(new ContactNotFound({ id }))

/** The read after a write NGP accepted: its failure cannot undo the write. */
export const readBack = <A>(what: string, read: Effect.Effect<A, ContactErrorReason>) =>
  Effect.mapError(read, (reason) =>
    new VendorUnavailable({
      detail: `${what}, but reading it back failed: ${reason._tag}${reason.message ? ` (${reason.message})` : ""}`,
      mayHaveSucceeded: true
    }))

/** Reads, changes in the domain, checks the change, posts it, reads back; the stored contact and the draft sent. */
export const readModifyWrite = (client: NgpvanClient) =>
(
  id: ContactId,
  change: (current: Contact) => Effect.Effect<ContactDraft, ContactErrorReason>
) =>
  Effect.gen(function*() {
    const record = yield* readContact(client)(id)
    const current = toContact(record)
    const valid = yield* validateChange(capabilities, toDraft(current), yield* change(current))
    yield* client.update(id, toNgpvanUpdate(record.wire, valid), (property) => toDomainPath(valid, property))
    const stored = yield* readBack(`ngpvan updated ${id}`, client.get(id))
    return { contact: toContact(stored), sent: valid }
  })
