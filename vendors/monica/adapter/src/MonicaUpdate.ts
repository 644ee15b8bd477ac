/**
 * Updating a Monica contact: read it, apply the patch in the domain, validate the change, and send what the
 * validation returned — never the raw patch. Monica's contact PUT replaces names, description and dates, so the
 * name is written over what was read (read-modify-write); company and job title are their own PUT (`/work`); the
 * fields are reconciled by id — changed ones PUT, new ones POSTed, missing ones DELETEd. Then the contact is read
 * back, so the caller sees what Monica stored.
 */
import {
  applyPatch,
  type Contact,
  type ContactErrorReason,
  type ContactField,
  type ContactId,
  type ContactPatch,
  validateChange
} from "@contactkit/domain"
import { Clock, Effect } from "effect"
import { capabilities } from "./MonicaCapabilities.ts"
import type { MonicaClient } from "./MonicaClient.ts"
import { toMonicaContactUpdate, toWorkInput } from "./MonicaContactInput.ts"
import type { MonicaFieldWrites } from "./MonicaFieldWrites.ts"
import { toContact, toField } from "./MonicaMapping.ts"
import type { MonicaContactField } from "./MonicaSchema.ts"

/** A field without its id and derived E.164, keys sorted: for "did it change?". */
const canonical = (field: ContactField): string => {
  const entries = Object.entries(field).filter(([key]) => key !== "id" && key !== "e164")
  return JSON.stringify(entries.sort(([a], [b]) => a.localeCompare(b)))
}

/** Field ids on the contact → the PUTs, POSTs and DELETEs that make its fields equal `wanted`. */
const reconcileFields = (
  client: MonicaClient,
  writes: MonicaFieldWrites,
  id: string,
  current: ReadonlyArray<MonicaContactField>,
  wanted: ReadonlyArray<ContactField>
) =>
  Effect.gen(function*() {
    const byId = new Map(current.map((f) => [String(f.id), f]))
    const keep = new Set<string>()
    yield* Effect.forEach(wanted, (field, i) => {
      const at = ["fields", i]
      const existing = field.id !== undefined ? byId.get(field.id) : undefined
      if (existing === undefined || keep.has(String(existing.id))) return Effect.asVoid(writes.add(id, field, at))
      keep.add(String(existing.id))
      const before = toField(existing)
      const same = before !== undefined && canonical(before) === canonical(field)
      return same ? Effect.void : Effect.asVoid(writes.replace(id, existing, field, at))
    }, { discard: true })
    yield* Effect.forEach(
      current.filter((f) => !keep.has(String(f.id))),
      (f) => client.deleteContactField(String(f.id), id),
      { discard: true }
    )
  })

/**
 * The validated name as a patch of every component Monica keeps: an absent component clears. Monica never
 * returns the middle name, so it is sent only when the change names it (and cleared only when it says so).
 */
const namePatch = (valid: Contact, patch: ContactPatch): NonNullable<ContactPatch["name"]> => ({
  given: valid.name.given ?? null,
  family: valid.name.family ?? null,
  nickname: valid.name.nickname ?? null,
  ...(patch.name?.middle === null
    ? { middle: null }
    : valid.name.middle === undefined
    ? {}
    : { middle: valid.name.middle })
})

const touchesWork = (patch: ContactPatch) =>
  patch.organization !== undefined && (patch.organization.name !== undefined || patch.organization.title !== undefined)

export const make =
  (client: MonicaClient, writes: MonicaFieldWrites) =>
  (contactId: ContactId, patch: ContactPatch): Effect.Effect<Contact, ContactErrorReason> =>
    Effect.gen(function*() {
      const { value: current } = yield* client.getContact(contactId)
      const id = String(current.id)
      const before = toContact(current)
      const valid = yield* validateChange(capabilities, before, applyPatch(before, patch))
      if (patch.name !== undefined) {
        const year = new Date(yield* Clock.currentTimeMillis).getUTCFullYear()
        yield* client.updateContact(id, toMonicaContactUpdate(current, namePatch(valid, patch), year))
      }
      if (touchesWork(patch)) yield* client.updateWork(id, toWorkInput(valid.organization))
      if (patch.fields !== undefined) {
        yield* reconcileFields(client, writes, id, current.contactFields ?? [], valid.fields)
      }
      const { raw, value } = yield* client.getContact(id)
      return toContact(value, raw)
    })
