/**
 * Writing one contact field: the account's field type for it (MonicaFieldTypes), the field as Monica's input
 * (one `data` string and its labels), and the one retry Monica's per-account types call for. A write naming a
 * type that went stale — deleted, or renumbered — gets 422 "The selected contact field type id is invalid." or a
 * 404; the types are read again and the write is sent once more with the fresh id. A 404 with the same id after
 * the re-read was the contact (or the field) that was missing.
 */
import {
  type ContactErrorReason,
  type ContactField,
  ContactNotFound,
  InvalidContact,
  type Issue
} from "@contactkit/domain"
import { Effect } from "effect"
import type { MonicaClient, PathOf, Read } from "./MonicaClient.ts"
import { isStaleTypeMessage } from "./MonicaFailure.ts"
import type { MonicaFieldTypes } from "./MonicaFieldTypes.ts"
import { fieldValue, toLabels, valueKey, wantedType } from "./MonicaMapping.ts"
import type { MonicaContactField, MonicaContactFieldInput } from "./MonicaSchema.ts"

export type Path = ReadonlyArray<string | number>

export interface MonicaFieldWrites {
  /** POSTs the field onto the contact. */
  readonly add: (
    contactId: string,
    field: ContactField,
    at: Path
  ) => Effect.Effect<MonicaContactField, ContactErrorReason>
  /** Writes `field` over `existing` (see `replace` below for when that is not a PUT). */
  readonly replace: (
    contactId: string,
    existing: MonicaContactField,
    field: ContactField,
    at: Path
  ) => Effect.Effect<MonicaContactField, ContactErrorReason>
}

/** Laravel's attribute for a contact-field write → the domain path of that field. */
const fieldPathOf = (field: ContactField, at: Path): PathOf => (attribute) => {
  if (attribute === "data") {
    const key = valueKey(field)
    return key === undefined ? at : [...at, key]
  }
  if (attribute.startsWith("labels")) return [...at, "label"]
  if (attribute === "contact field type id") return [...at, "_tag"]
  return at
}

/** Field → Monica input with the account's type id; a field without a value is refused. */
const fieldInput = (contactId: string, field: ContactField, typeId: number, at: Path) => {
  const value = fieldValue(field)
  if (value === undefined) {
    return Effect.fail(new InvalidContact({ issues: [{ path: at, message: "Monica needs a value for this field" }] }))
  }
  const input: MonicaContactFieldInput = {
    contact_id: Number(contactId),
    contact_field_type_id: typeId,
    data: value,
    labels: toLabels(field)
  }
  return Effect.succeed(input)
}

/** Whether a field write's failure says its type id went stale: 422 naming the type, or 404. */
const staleness = (reason: ContactErrorReason): "invalid" | "missing" | undefined => {
  if (reason._tag === "InvalidContact" && reason.issues.some((issue: Issue) => isStaleTypeMessage(issue.message))) {
    return "invalid"
  }
  return reason._tag === "ContactNotFound" ? "missing" : undefined
}

type Send = (input: MonicaContactFieldInput) => Effect.Effect<Read<MonicaContactField>, ContactErrorReason>

/** One field write, retried once with a fresh type id when Monica says the id went stale. */
const writeField = (types: MonicaFieldTypes, contactId: string, field: ContactField, at: Path, send: Send) =>
  Effect.gen(function*() {
    const wanted = wantedType(field)
    if (wanted === undefined) {
      return yield* new InvalidContact({ issues: [{ path: at, message: "Monica cannot hold this field kind" }] })
    }
    const type = yield* types.resolve(wanted, at)
    const first = yield* send(yield* fieldInput(contactId, field, type.id, at)).pipe(Effect.result)
    if (first._tag === "Success") return first.success.value
    const stale = staleness(first.failure)
    if (stale === undefined) return yield* first.failure
    const fresh = yield* types.refresh(wanted, at)
    // Same id after a re-read and a 404: it was the contact (or field) that was missing.
    if (fresh.id === type.id && stale === "missing") return yield* new ContactNotFound({ id: contactId })
    const retried = yield* send(yield* fieldInput(contactId, field, fresh.id, at))
    return retried.value
  })

export const make = (client: MonicaClient, types: MonicaFieldTypes): MonicaFieldWrites => {
  const add: MonicaFieldWrites["add"] = (contactId, field, at) =>
    writeField(types, contactId, field, at, (input) => client.createContactField(input, fieldPathOf(field, at)))
  return {
    add,
    // Monica replaces a field's labels only when it is sent some (`UpdateContactFieldLabels` skips an empty list),
    // so a change that drops every label cannot be a PUT: the field is deleted and added again, with a new id.
    replace: (contactId, existing, field, at) =>
      (existing.labels ?? []).length > 0 && toLabels(field).length === 0
        ? Effect.andThen(client.deleteContactField(String(existing.id), contactId), add(contactId, field, at))
        : writeField(
          types,
          contactId,
          field,
          at,
          (input) => client.updateContactField(String(existing.id), input, fieldPathOf(field, at))
        )
  }
}
