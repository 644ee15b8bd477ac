/**
 * Read-modify-write on a Deskpro person, the way every update and field operation goes: read the person, let the
 * caller compute the draft it should become and the parts that change, check the change against
 * DeskproCapabilities (only what changes must obey them), `PUT` those parts — a PUT leaves what it is not sent
 * alone — and read the person back.
 */
import {
  type Contact,
  type ContactDraft,
  type ContactErrorReason,
  type ContactField,
  type ContactId,
  project,
  toDraft,
  validateChange,
  withoutId
} from "@contactkit/domain"
import { Effect } from "effect"
import { capabilities } from "./DeskproCapabilities.ts"
import type { DeskproClient, DeskproRecord } from "./DeskproClient.ts"
import { type Scope, toPersonInput } from "./DeskproInput.ts"
import { toContact as toContactWire } from "./DeskproMapping.ts"

export const toContact = (record: DeskproRecord): Contact =>
  toContactWire(record.wire, record.raw, record.organizationName)

/** What a change computes from the contact as read: the draft it becomes, and the parts of it to send. */
export type Change = (
  current: Contact
) => Effect.Effect<{ readonly draft: ContactDraft; readonly scope: Scope }, ContactErrorReason>

const isEmpty = (scope: Scope) => Object.values(scope).every((part) => !part)

/** The stored contact and the draft that was sent (for finding a written field in it). */
export const readModifyWrite = (client: DeskproClient, id: ContactId, change: Change) =>
  Effect.gen(function*() {
    const current = yield* client.get(id)
    const before = toContact(current)
    const { draft, scope } = yield* change(before)
    const valid = yield* validateChange(capabilities, toDraft(before), draft)
    if (isEmpty(scope)) return { contact: before, sent: valid }
    const { input, layout } = toPersonInput(valid, "update", scope, current)
    yield* client.update(id, input, layout)
    return { contact: toContact(yield* client.get(id)), sent: valid }
  })

/** The stored field that came from the sent draft's field at `origin` (emails and phones have no ids). */
export const storedField = (contact: Contact, sent: ContactDraft, origin: number, fallback: ContactField) => {
  const at = project(capabilities, sent).origins.indexOf(origin)
  return (at === -1 ? undefined : contact.fields[at]) ?? withoutId(fallback)
}
