/**
 * `ContactDirectory` over Monica v4: the only module that sees both the domain and Monica.
 *
 * - `list` reads `GET /contacts?with=contactfields` page by page (≤ 100 a page): one request per
 *   page, never one per contact.
 * - `create` posts the contact, its work (company, job) and then each field. When a later step
 *   fails, the half-created contact is deleted and the step's own reason is returned, so a failed
 *   create leaves nothing behind; if that clean-up fails too, the error is
 *   `VendorUnavailable{mayHaveSucceeded: true}` naming the contact left behind.
 * - `update` is read-modify-write (Monica's contact PUT replaces names, description and dates),
 *   then fields are reconciled by id: changed ones PUT, new ones POSTed, missing ones DELETEd.
 * - Field operations are Monica's own `/contactfields` endpoints. A write naming a field type that
 *   went stale (422 "The selected contact field type id is invalid." or 404) re-reads the account's
 *   types and is retried once with the new id.
 * - `remove` checks the contact exists first: Monica answers `{"deleted": true}` even for an id it
 *   does not have.
 */
import { contactError, pageNumberPages } from "@contactkit/adapter-kit"
import {
  applyPatch,
  ContactDirectory,
  type ContactDraft,
  type ContactErrorReason,
  type ContactField,
  type ContactId,
  ContactNotFound,
  type ContactPatch,
  type FieldRef,
  InvalidContact,
  type Operation,
  validate,
  validateChange,
  VendorUnavailable
} from "@contactkit/domain"
import { Clock, Config, Effect, Layer, Stream } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import { capabilities } from "./MonicaCapabilities.ts"
import * as MonicaClient from "./MonicaClient.ts"
import { patchWork, toMonicaContactInput, toMonicaContactUpdate, toWorkInput } from "./MonicaContactInput.ts"
import * as MonicaFieldTypes from "./MonicaFieldTypes.ts"
import { fieldValue, toContact, toField, toLabels, valueKey, wantedType } from "./MonicaMapping.ts"
import type { MonicaContact, MonicaContactField, MonicaContactFieldInput } from "./MonicaSchema.ts"

export interface Options extends MonicaClient.Options {
  /** Create a field type the account lacks (e.g. "Website") on first use; default true. */
  readonly createMissingTypes?: boolean
}

type Path = ReadonlyArray<string | number>

/** Laravel's attribute for a contact-field write → the domain path of that field. */
const fieldPathOf = (field: ContactField, at: Path) => (attribute: string): Path => {
  if (attribute === "data") {
    const key = valueKey(field)
    return key === undefined ? at : [...at, key]
  }
  if (attribute.startsWith("labels")) return [...at, "label"]
  if (attribute === "contact field type id") return [...at, "_tag"]
  return at
}

const isNumericId = (id: string) => /^[1-9]\d*$/u.test(id)

export const make = (options: Options) =>
  Effect.gen(function*() {
    const client = yield* MonicaClient.make(options)
    const types = yield* MonicaFieldTypes.make(client, { createMissingTypes: options.createMissingTypes ?? true })
    const fail = (operation: Operation) => contactError(MonicaClient.vendor, operation)

    const requireId = (id: string): Effect.Effect<string, ContactNotFound> =>
      isNumericId(id) ? Effect.succeed(id) : Effect.fail(new ContactNotFound({ id }))

    /** Field → Monica input with the account's type id; Address and empty values are refused. */
    const fieldInput = (contactId: string, field: ContactField, typeId: number, at: Path) => {
      const value = fieldValue(field)
      if (value === undefined) {
        return Effect.fail(
          new InvalidContact({ issues: [{ path: at, message: "Monica needs a value for this field" }] })
        )
      }
      const input: MonicaContactFieldInput = {
        contact_id: Number(contactId),
        contact_field_type_id: typeId,
        data: value,
        labels: toLabels(field)
      }
      return Effect.succeed(input)
    }

    /** One field write, retried once with a fresh type id when Monica says the id went stale. */
    const writeField = (
      contactId: string,
      field: ContactField,
      at: Path,
      send: (input: MonicaContactFieldInput) => Effect.Effect<
        { readonly value: MonicaContactField },
        ContactErrorReason | MonicaClient.StaleFieldType
      >
    ): Effect.Effect<MonicaContactField, ContactErrorReason> =>
      Effect.gen(function*() {
        const wanted = wantedType(field)
        if (wanted === undefined) {
          return yield* new InvalidContact({ issues: [{ path: at, message: "Monica cannot hold this field kind" }] })
        }
        const type = yield* types.resolve(wanted, at)
        const first = yield* fieldInput(contactId, field, type.id, at)
        return yield* send(first).pipe(
          Effect.map((r) => r.value),
          Effect.catchTag("StaleFieldType", (stale) =>
            Effect.gen(function*() {
              const fresh = yield* types.refresh(wanted, at)
              // Same id after a re-read and a 404: it was the contact (or field) that was missing.
              if (fresh.id === type.id && stale.status === 404) return yield* new ContactNotFound({ id: contactId })
              const retried = yield* fieldInput(contactId, field, fresh.id, at)
              return yield* send(retried).pipe(
                Effect.map((r) => r.value),
                Effect.catchTag("StaleFieldType", (again) =>
                  Effect.fail(
                    again.status === 404
                      ? new ContactNotFound({ id: contactId })
                      : new InvalidContact({ issues: again.messages.map((message) => ({ path: at, message })) })
                  ))
              )
            }))
        )
      })

    const addField = (contactId: string, field: ContactField, at: Path) =>
      writeField(contactId, field, at, (input) => client.createContactField(input, fieldPathOf(field, at)))

    /**
     * PUTs the field over `existing`. Monica replaces a field's labels only when it is sent some
     * (`UpdateContactFieldLabels` skips an empty list), so a change that drops every label cannot be
     * a PUT: the field is deleted and added again, and comes back with a new id.
     */
    const replaceField = (contactId: string, existing: MonicaContactField, field: ContactField, at: Path) =>
      (existing.labels ?? []).length > 0 && toLabels(field).length === 0
        ? Effect.andThen(client.deleteContactField(String(existing.id), contactId), addField(contactId, field, at))
        : writeField(
          contactId,
          field,
          at,
          (input) => client.updateContactField(String(existing.id), input, fieldPathOf(field, at))
        )

    /** A draft holding one field, so a single field is checked by the same rules as a contact. */
    const validateField = (field: ContactField) =>
      Effect.map(
        validate(capabilities, { kind: "individual", name: { given: "-" }, organization: {}, fields: [field] }),
        (draft) => draft.fields[0]!
      )

    /** Deletes a half-created contact; the original reason when that works, an honest one when not. */
    const rollback = (contactId: string) => (reason: ContactErrorReason) =>
      client.deleteContact(contactId).pipe(
        Effect.matchEffect({
          onSuccess: () => Effect.fail(reason),
          onFailure: () =>
            Effect.fail(
              new VendorUnavailable({
                mayHaveSucceeded: true,
                detail:
                  `contact ${contactId} was created, then writing it failed (${reason._tag}: ${reason.message}) ` +
                  `and deleting it failed too: it may remain in Monica, incomplete`
              })
            )
        })
      )

    const create = (draft: ContactDraft) =>
      Effect.gen(function*() {
        const valid = yield* validate(capabilities, draft)
        const created = yield* client.createContact(toMonicaContactInput(valid))
        const id = String(created.value.id)
        const rest = Effect.gen(function*() {
          const hasWork = valid.organization.name !== undefined || valid.organization.title !== undefined
          const withWork = hasWork
            ? (yield* client.updateWork(id, toWorkInput(valid.organization))).value
            : created.value
          const fields = yield* Effect.forEach(valid.fields, (field, i) => addField(id, field, ["fields", i]))
          const wire: MonicaContact = { ...withWork, contactFields: fields }
          return { contact: toContact(wire), outcome: "created" as const }
        })
        return yield* rest.pipe(Effect.catch(rollback(id)))
      }).pipe(Effect.mapError(fail("create")))

    const get = (id: ContactId) =>
      requireId(id).pipe(
        Effect.flatMap((id) => client.getContact(id)),
        Effect.map(({ raw, value }) => toContact(value, raw)),
        Effect.mapError(fail("get"))
      )

    /** Field ids on the contact → what to PUT, POST and DELETE to make its fields equal `wanted`. */
    const reconcile = (id: string, current: ReadonlyArray<MonicaContactField>, wanted: ReadonlyArray<ContactField>) =>
      Effect.gen(function*() {
        const byId = new Map(current.map((f) => [String(f.id), f]))
        const keep = new Set<string>()
        yield* Effect.forEach(wanted, (field, i) => {
          const at: Path = ["fields", i]
          const existing = field.id !== undefined ? byId.get(field.id) : undefined
          if (existing === undefined || keep.has(String(existing.id))) return Effect.asVoid(addField(id, field, at))
          keep.add(String(existing.id))
          const before = toField(existing)
          const same = before !== undefined && canonical(before) === canonical(field)
          return same ? Effect.void : Effect.asVoid(replaceField(id, existing, field, at))
        }, { discard: true })
        yield* Effect.forEach(
          current.filter((f) => !keep.has(String(f.id))),
          (f) => client.deleteContactField(String(f.id), id),
          { discard: true }
        )
      })

    const update = (contactId: ContactId, patch: ContactPatch) =>
      Effect.gen(function*() {
        const id = yield* requireId(contactId)
        const { value: current } = yield* client.getContact(id)
        const before = toContact(current)
        yield* validateChange(capabilities, before, applyPatch(before, patch))
        if (patch.name !== undefined) {
          const year = new Date(yield* Clock.currentTimeMillis).getUTCFullYear()
          yield* client.updateContact(id, toMonicaContactUpdate(current, patch.name, year))
        }
        const work = patchWork(current, patch.organization)
        if (work !== undefined) yield* client.updateWork(id, work)
        if (patch.fields !== undefined) yield* reconcile(id, current.contactFields ?? [], patch.fields)
        const { raw, value } = yield* client.getContact(id)
        return toContact(value, raw)
      }).pipe(Effect.mapError(fail("update")))

    const remove = (contactId: ContactId) =>
      requireId(contactId).pipe(
        Effect.tap((id) => client.getContact(id)),
        Effect.flatMap((id) => client.deleteContact(id)),
        Effect.mapError(fail("remove"))
      )

    const list = (listOptions?: { readonly pageSize?: number }) =>
      pageNumberPages({
        pageSize: Math.max(1, Math.min(MonicaClient.maxPageSize, listOptions?.pageSize ?? MonicaClient.maxPageSize)),
        // A page is mapped in one go: a `Stream.map` step per contact cost more than the mapping.
        fetch: (page, limit) =>
          Effect.map(client.listContacts(page, limit), ({ items, lastPage }) => ({
            items: items.map(({ raw, value }) => toContact(value, raw)),
            lastPage
          }))
      }).pipe(Stream.mapError(fail("list")))

    const fieldsOf = (id: string) =>
      Effect.map(client.listContactFields(id), (items) =>
        items.flatMap(({ value }) => {
          const field = toField(value)
          return field === undefined ? [] : [{ wire: value, field }]
        }))

    /** A field ref → the Monica field, checked to belong to this contact (Monica's own routes do not check). */
    const findField = (contactId: string, ref: FieldRef) =>
      Effect.gen(function*() {
        const notFound = new ContactNotFound({ id: `${contactId}/contactfields/${String(ref)}` })
        if (typeof ref === "number") {
          const fields = yield* fieldsOf(contactId)
          const at = fields[ref]
          return at === undefined ? yield* notFound : at.wire
        }
        if (!isNumericId(ref)) return yield* notFound
        const { value } = yield* client.getContactField(ref, notFound.id)
        if (value.contact !== undefined && String(value.contact.id) !== contactId) return yield* notFound
        return value
      })

    const fields: ContactDirectory.Service["fields"] = {
      list: (contactId) =>
        requireId(contactId).pipe(
          Effect.flatMap(fieldsOf),
          Effect.map((items) => items.map((i) => i.field)),
          Effect.mapError(fail("fields.list"))
        ),
      add: (contactId, field) =>
        Effect.gen(function*() {
          const id = yield* requireId(contactId)
          const valid = yield* validateField(field)
          const stored = yield* addField(id, valid, ["fields", 0])
          return toField(stored) ?? valid
        }).pipe(Effect.mapError(fail("fields.add"))),
      update: (contactId, ref, field) =>
        Effect.gen(function*() {
          const id = yield* requireId(contactId)
          const valid = yield* validateField(field)
          const existing = yield* findField(id, ref)
          const stored = yield* replaceField(id, existing, valid, ["fields", 0])
          return toField(stored) ?? valid
        }).pipe(Effect.mapError(fail("fields.update"))),
      remove: (contactId, ref) =>
        Effect.gen(function*() {
          const id = yield* requireId(contactId)
          const existing = yield* findField(id, ref)
          yield* client.deleteContactField(String(existing.id), id)
        }).pipe(Effect.mapError(fail("fields.remove")))
    }

    return ContactDirectory.of({
      vendor: MonicaClient.vendor,
      capabilities,
      list,
      get,
      create,
      update,
      remove,
      fields
    })
  })

/** A field without its id and derived E.164, keys sorted: for "did it change?". */
const canonical = (field: ContactField): string => {
  const entries = Object.entries(field).filter(([key]) => key !== "id" && key !== "e164")
  return JSON.stringify(entries.sort(([a], [b]) => a.localeCompare(b)))
}

/** `ContactDirectory` over Monica, given an `HttpClient`. */
export const layer = (options: Options): Layer.Layer<ContactDirectory, never, HttpClient.HttpClient> =>
  Layer.effect(ContactDirectory, make(options))

/** `layer` with Effect's fetch-based `HttpClient`. */
export const layerFetch = (options: Options): Layer.Layer<ContactDirectory> =>
  layer(options).pipe(Layer.provide(FetchHttpClient.layer))

/** Reads `MONICA_API_URL` (including `/api`) and `MONICA_API_KEY` (redacted); needs an `HttpClient`, as `layer`. */
export const layerConfig: Layer.Layer<ContactDirectory, Config.ConfigError, HttpClient.HttpClient> = Layer.unwrap(
  Effect.gen(function*() {
    return layer({
      apiUrl: yield* Config.String("MONICA_API_URL"),
      apiKey: yield* Config.Redacted("MONICA_API_KEY")
    })
  })
)
