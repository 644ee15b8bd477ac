/**
 * An in-memory `ContactDirectory` that behaves as a vendor with the given `Capabilities` would:
 * writes are validated first (nothing is stored on failure), what is stored is `project(...)`
 * of the input, ids are assigned by the directory ("1", "2", … for contacts; field ids when the
 * kind's rule has `fieldIds`), and timestamps come from `Clock`. It is the reference the
 * conformance suite is first proven on, and a stand-in for a vendor in other teams' tests.
 *
 * Every write is decoded with the domain Schemas first, so a typed but invalid value (an empty
 * number, an e-mail without `@`) fails with `InvalidContact` as it would at a vendor.
 * A field operation whose `FieldRef` matches no field of the contact fails with
 * `InvalidContact` at `["fields", ref]`; an unknown contact id fails with `ContactNotFound`.
 */
import { Clock, Effect, Layer, Option, Stream, SynchronizedRef } from "effect"
import { type Capabilities, lossless } from "./Capabilities.ts"
import { type Contact, type ContactDraft, type ContactPatch, toDraft } from "./Contact.ts"
import { ContactDirectory, type CreateResult, type FieldRef, type ListOptions } from "./ContactDirectory.ts"
import {
  ContactError,
  type ContactErrorReason,
  ContactNotFound,
  InvalidContact,
  type Operation,
  Unsupported
} from "./ContactError.ts"
import { type ContactField, withE164, withoutId } from "./ContactField.ts"
import type { ContactId, FieldId } from "./ContactId.ts"
import { applyPatch } from "./Patch.ts"
import { project, validate } from "./Projection.ts"
import { validateChange } from "./ValidateChange.ts"

interface State {
  readonly nextId: number
  readonly nextFieldId: number
  /** Keyed by id; ids are decimal strings, so numeric order is creation order. */
  readonly contacts: ReadonlyMap<string, Contact>
}

interface Stored {
  readonly contact: Contact
  /** For each stored field, its index in the input that was written. */
  readonly origins: ReadonlyArray<number>
}

const defaultPageSize = 50

/**
 * The values that make two fields "the same" when a create is merged into an existing contact. A stored phone
 * carries the E.164 form derived from its number, so a draft's phone is compared with its own derived too.
 */
const sameValue = (a: ContactField, b: ContactField) => {
  const key = (f: ContactField) =>
    JSON.stringify({ ...withE164(withoutId(f)), label: undefined, context: undefined, preferred: undefined })
      .toLowerCase()
  return key(a) === key(b)
}

type StateRef = SynchronizedRef.SynchronizedRef<State>

const failIn = (vendor: string, operation: Operation) => (reason: ContactErrorReason) =>
  new ContactError({ vendor, operation, reason })

const find = (vendor: string, state: State, operation: Operation, id: ContactId) => {
  const contact = state.contacts.get(id)
  return contact === undefined
    ? Effect.fail(failIn(vendor, operation)(new ContactNotFound({ id })))
    : Effect.succeed(contact)
}

/** Validates and projects `candidate`, gives it ids and timestamps, and stores it under `id`. */
const store = (capabilities: Capabilities) =>
  Effect.fnUntraced(function*(
    state: State,
    operation: Operation,
    id: ContactId,
    candidate: ContactDraft,
    previous: Contact | undefined
  ) {
    const vendor = capabilities.vendor
    // The rules apply to what this write changes; what the contact already holds is kept as it is.
    const checked = previous === undefined
      ? validate(capabilities, toDraft(candidate))
      : validateChange(capabilities, toDraft(previous), toDraft(candidate))
    const valid = yield* checked.pipe(Effect.mapError(failIn(vendor, operation)))
    const projection = project(capabilities, valid)
    const known = new Set(previous?.fields.flatMap((f) => f.id === undefined ? [] : [f.id]) ?? [])
    let nextFieldId = state.nextFieldId
    // Ids are the vendor's: a field keeps the id this contact already gave it, any other gets a new one.
    const fields = projection.contact.fields.map((field): ContactField => {
      if (!capabilities.fields[field._tag].fieldIds) return field
      if (field.id !== undefined && known.has(field.id)) return field
      return { ...field, id: String(nextFieldId++) as FieldId }
    })
    const now = new Date(yield* Clock.currentTimeMillis).toISOString()
    const body = {
      id,
      kind: projection.contact.kind,
      name: projection.contact.name,
      organization: projection.contact.organization,
      fields,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now
    }
    const contact: Contact = { ...body, remote: { vendor, record: body } }
    const contacts = new Map(state.contacts).set(id, contact)
    const stored: Stored = { contact, origins: projection.origins }
    return [stored, { ...state, nextFieldId, contacts }] as const
  })

/** Dedupe on create, as some vendors do: same given and family name and a shared e-mail address. */
const duplicateOf = (capabilities: Capabilities, state: State, draft: ContactDraft): Contact | undefined => {
  if (!capabilities.dedupeOnCreate) return undefined
  const key = (c: ContactDraft) => `${c.name.given ?? ""}\u0000${c.name.family ?? ""}`.toLowerCase()
  return [...state.contacts.values()].find((c) =>
    key(c) === key(draft) &&
    c.fields.some((f) => f._tag === "Email" && draft.fields.some((d) => d._tag === "Email" && sameValue(f, d)))
  )
}

/** A create merged into the contact it duplicates: the draft's name parts win, its new fields are added. */
const mergedInto = (existing: Contact, draft: ContactDraft): ContactDraft => ({
  kind: existing.kind,
  name: { ...existing.name, ...draft.name },
  organization: { ...existing.organization, ...draft.organization },
  fields: [
    ...existing.fields,
    ...draft.fields.filter((d) => !existing.fields.some((f) => sameValue(f, d))).map(withoutId)
  ]
})

const create = (capabilities: Capabilities, ref: StateRef) => {
  const save = store(capabilities)
  return (draft: ContactDraft) =>
    SynchronizedRef.modifyEffect(ref, (state): Effect.Effect<readonly [CreateResult, State], ContactError> => {
      const existing = duplicateOf(capabilities, state, draft)
      if (existing !== undefined) {
        return Effect.map(
          save(state, "create", existing.id, mergedInto(existing, draft), existing),
          ([stored, next]) => [{ contact: stored.contact, outcome: "merged" }, next]
        )
      }
      const id = String(state.nextId) as ContactId
      const candidate = { ...draft, fields: draft.fields.map(withoutId) }
      return Effect.map(
        save(state, "create", id, candidate, undefined),
        ([stored, next]) => [{ contact: stored.contact, outcome: "created" }, { ...next, nextId: next.nextId + 1 }]
      )
    })
}

/** Keyset paging on the numeric id: a page read after a concurrent write skips nothing. */
const list = (ref: StateRef) => (options?: ListOptions) => {
  const pageSize = Math.max(1, Math.floor(options?.pageSize ?? defaultPageSize))
  return Stream.paginate(0, (after: number) =>
    Effect.map(SynchronizedRef.get(ref), (state) => {
      const rest = [...state.contacts.values()].filter((c) => Number(c.id) > after)
        .sort((a, b) => Number(a.id) - Number(b.id))
      const page = rest.slice(0, pageSize)
      const last = page.at(-1)
      return [page, rest.length > pageSize && last !== undefined ? Option.some(Number(last.id)) : Option.none()]
    }))
}

const update = (capabilities: Capabilities, ref: StateRef) => {
  const save = store(capabilities)
  return (id: ContactId, patch: ContactPatch) =>
    SynchronizedRef.modifyEffect(ref, (state) =>
      Effect.gen(function*() {
        const contact = yield* find(capabilities.vendor, state, "update", id)
        const [stored, next] = yield* save(state, "update", id, applyPatch(contact, patch), contact)
        return [stored.contact, next] as const
      }))
}

const remove = (capabilities: Capabilities, ref: StateRef) => (id: ContactId) =>
  SynchronizedRef.modifyEffect(ref, (state) =>
    Effect.gen(function*() {
      const vendor = capabilities.vendor
      if (!capabilities.remove) {
        return yield* Effect.fail(
          failIn(vendor, "remove")(
            new Unsupported({ issues: [{ path: [], message: `${vendor} cannot delete contacts` }] })
          )
        )
      }
      yield* find(vendor, state, "remove", id)
      const contacts = new Map(state.contacts)
      contacts.delete(id)
      return [undefined, { ...state, contacts }] as const
    }))

/** Reads the contact, changes its fields, and stores the result; returns the field at `origin`. */
const changeFields = (capabilities: Capabilities, ref: StateRef, save = store(capabilities)) =>
(
  operation: Operation,
  contactId: ContactId,
  change: (fields: ReadonlyArray<ContactField>) => Effect.Effect<{
    readonly fields: ReadonlyArray<ContactField>
    readonly origin: number
  }, ContactError>
) =>
  SynchronizedRef.modifyEffect(ref, (state) =>
    Effect.gen(function*() {
      const contact = yield* find(capabilities.vendor, state, operation, contactId)
      const { fields, origin } = yield* change(contact.fields)
      const [stored, next] = yield* save(state, operation, contactId, { ...contact, fields }, contact)
      const at = stored.origins.indexOf(origin)
      return [at === -1 ? undefined : stored.contact.fields[at], next] as const
    }))

const resolve = (vendor: string, operation: Operation, fields: ReadonlyArray<ContactField>, fieldRef: FieldRef) => {
  const index = typeof fieldRef === "number"
    ? (Number.isInteger(fieldRef) && fieldRef >= 0 && fieldRef < fields.length ? fieldRef : -1)
    : fields.findIndex((f) => f.id === fieldRef)
  if (index !== -1) return Effect.succeed(index)
  const message = typeof fieldRef === "number" ? "no field at this index" : "no field with this id"
  return Effect.fail(
    failIn(vendor, operation)(new InvalidContact({ issues: [{ path: ["fields", fieldRef], message }] }))
  )
}

const fieldOperations = (capabilities: Capabilities, ref: StateRef): ContactDirectory.Service["fields"] => {
  const vendor = capabilities.vendor
  const change = changeFields(capabilities, ref)
  return {
    list: (contactId) =>
      Effect.flatMap(
        SynchronizedRef.get(ref),
        (state) => Effect.map(find(vendor, state, "fields.list", contactId), (c) => c.fields)
      ),
    add: (contactId, field) =>
      change(
        "fields.add",
        contactId,
        (fields) => Effect.succeed({ fields: [...fields, withoutId(field)], origin: fields.length })
      ).pipe(
        // A kind the vendor stores but never returns comes back as sent.
        Effect.map((stored) => stored ?? withoutId(field))
      ),
    update: (contactId, fieldRef, field) =>
      change(
        "fields.update",
        contactId,
        (fields) =>
          Effect.map(resolve(vendor, "fields.update", fields, fieldRef), (index) => {
            const id = fields[index]?.id
            const replacement = id === undefined ? withoutId(field) : { ...field, id }
            return { fields: fields.map((f, i) => i === index ? replacement : f), origin: index }
          })
      ).pipe(Effect.map((stored) => stored ?? withoutId(field))),
    remove: (contactId, fieldRef) =>
      change(
        "fields.remove",
        contactId,
        (fields) =>
          Effect.map(resolve(vendor, "fields.remove", fields, fieldRef), (index) => ({
            fields: fields.filter((_, i) => i !== index),
            origin: -1
          }))
      ).pipe(Effect.asVoid)
  }
}

export const makeMemory = (capabilities: Capabilities = lossless): Effect.Effect<ContactDirectory.Service> =>
  Effect.map(
    SynchronizedRef.make<State>({ nextId: 1, nextFieldId: 1, contacts: new Map() }),
    (ref) =>
      ContactDirectory.of({
        vendor: capabilities.vendor,
        capabilities,
        list: list(ref),
        get: (id) => Effect.flatMap(SynchronizedRef.get(ref), (state) => find(capabilities.vendor, state, "get", id)),
        create: create(capabilities, ref),
        update: update(capabilities, ref),
        remove: remove(capabilities, ref),
        fields: fieldOperations(capabilities, ref)
      })
  )

/** The memory directory as a layer; `lossless` unless a vendor's capabilities are given. */
export const layerMemory = (capabilities: Capabilities = lossless): Layer.Layer<ContactDirectory> =>
  Layer.effect(ContactDirectory, makeMemory(capabilities))
