/**
 * `ContactDirectory` over Deskpro v2: the only module that sees both the domain and Deskpro.
 *
 * - `list` pages `GET /people?page=…&count=…&include=organization` (≤ 200 a page): one request per page.
 * - `create` is one `POST /people` with emails, phones and contact data; Deskpro answers with the person.
 * - `update` and every field operation are read-modify-write: read the person, change it in the domain, check it
 *   against DeskproCapabilities (only what changes must obey them), then `PUT` only the parts that change — a
 *   PUT leaves what it is not sent alone — and read the person back. Contact-data writes are not documented as a
 *   resource of their own, so a field operation rewrites the one list it touches.
 * - Every reason is wrapped with vendor and operation here, in one place.
 */
import { layerFromConfig, pageNumberPages, pageSize, wrapReasons } from "@contactkit/adapter-kit"
import {
  applyPatch,
  type Contact,
  ContactDirectory,
  type ContactDraft,
  type ContactErrorReason,
  type ContactField,
  type ContactId,
  ContactNotFound,
  type ContactPatch,
  type FieldRef,
  InvalidContact,
  project,
  toDraft,
  validate,
  validateChange,
  withoutId
} from "@contactkit/domain"
import { Config, Effect, Layer } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import { capabilities } from "./DeskproCapabilities.ts"
import * as DeskproClient from "./DeskproClient.ts"
import { everything, nothing, type Scope, scopeOfKind, toPersonInput } from "./DeskproInput.ts"
import { toContact as toContactWire, typeOfField } from "./DeskproMapping.ts"

export type Options = DeskproClient.Options

/** The page size `list` asks for unless told otherwise. */
export const defaultPageSize = 100

const toContact = (record: DeskproClient.DeskproRecord): Contact =>
  toContactWire(record.wire, record.raw, record.organizationName)

/** What a patch changes: names, organization, and (when it replaces the fields) every list. */
const scopeOfPatch = (patch: ContactPatch): Scope => ({
  ...nothing,
  name: patch.name !== undefined,
  organization: patch.organization !== undefined,
  ...(patch.fields === undefined ? {} : { emails: true, phones: true, contactData: true })
})

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

const isEmpty = (scope: Scope) => Object.values(scope).every((part) => !part)

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

export const make = (options: Options): Effect.Effect<ContactDirectory.Service, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const client = yield* DeskproClient.make(options)
    const wrap = wrapReasons(DeskproClient.vendor)

    /**
     * Reads the person, lets `change` compute the draft it should become, checks what changes, PUTs the parts in
     * `scope` and reads the person back. Returns the stored contact and the draft sent.
     */
    const readModifyWrite = (
      id: ContactId,
      change: (
        current: Contact
      ) => Effect.Effect<{ readonly draft: ContactDraft; readonly scope: Scope }, ContactErrorReason>
    ) =>
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
    const storedField = (contact: Contact, sent: ContactDraft, origin: number, fallback: ContactField) => {
      const at = project(capabilities, sent).origins.indexOf(origin)
      return (at === -1 ? undefined : contact.fields[at]) ?? withoutId(fallback)
    }

    const create = (draft: ContactDraft) =>
      Effect.gen(function*() {
        const valid = yield* validate(capabilities, draft)
        const { input, layout } = toPersonInput(valid, "create", everything)
        const created = yield* client.create(input, layout)
        return { contact: toContact(created), outcome: "created" as const }
      }).pipe(wrap.effect("create"))

    const fields: ContactDirectory.Service["fields"] = {
      list: (contactId) =>
        client.get(contactId).pipe(
          Effect.map((record) => toContact(record).fields),
          wrap.effect("fields.list")
        ),
      add: (contactId, field) =>
        readModifyWrite(contactId, (current) =>
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
          const { contact, sent } = yield* readModifyWrite(contactId, (current) =>
            Effect.map(resolve(contactId, current.fields, ref), (i) => {
              index = i
              const old = current.fields[i]!
              // The same record keeps what only Deskpro has (twitter's display_feed, instagram's id).
              const sameRecord = old.id !== undefined && typeOfField(old) === typeOfField(field)
              const replacement = sameRecord ? { ...withoutId(field), id: old.id } : withoutId(field)
              const kinds = new Set([old._tag, field._tag])
              const scope = [...kinds].reduce((s, kind) =>
                mergeScopes(s, scopeOfKind(kind)), nothing)
              return {
                draft: {
                  ...toDraft(current),
                  fields: yieldPreferred(current.fields, field).map((f, j) => (j === i ? replacement : f))
                },
                scope
              }
            }))
          return storedField(contact, sent, index, field)
        }).pipe(wrap.effect("fields.update")),
      remove: (contactId, ref) =>
        readModifyWrite(contactId, (current) =>
          Effect.map(resolve(contactId, current.fields, ref), (i) => ({
            draft: { ...toDraft(current), fields: current.fields.filter((_, j) => j !== i) },
            scope: scopeOfKind(current.fields[i]!._tag)
          }))).pipe(Effect.asVoid, wrap.effect("fields.remove"))
    }

    return ContactDirectory.of({
      vendor: DeskproClient.vendor,
      capabilities,
      list: (listOptions) =>
        pageNumberPages({
          pageSize: pageSize(listOptions?.pageSize, { default: defaultPageSize, max: DeskproClient.maxPageSize }),
          // A page is mapped in one go: a `Stream.map` step per person costs more than the mapping.
          fetch: (page, count) =>
            Effect.map(client.list(page, count), ({ items, lastPage }) => ({ items: items.map(toContact), lastPage }))
        }).pipe(wrap.stream("list")),
      get: (id) => client.get(id).pipe(Effect.map(toContact), wrap.effect("get")),
      create,
      update: (id, patch) =>
        readModifyWrite(
          id,
          (current) => Effect.succeed({ draft: applyPatch(toDraft(current), patch), scope: scopeOfPatch(patch) })
        ).pipe(
          Effect.map(({ contact }) => contact),
          wrap.effect("update")
        ),
      remove: (id) => client.remove(id).pipe(wrap.effect("remove")),
      fields
    })
  })

const mergeScopes = (a: Scope, b: Scope): Scope => ({
  name: a.name || b.name,
  organization: a.organization || b.organization,
  emails: a.emails || b.emails,
  phones: a.phones || b.phones,
  contactData: a.contactData || b.contactData
})

/** Provides `ContactDirectory` for one Deskpro helpdesk; needs an `HttpClient`. */
export const layer = (options: Options): Layer.Layer<ContactDirectory, never, HttpClient.HttpClient> =>
  Layer.effect(ContactDirectory, make(options))

/** `layer` with the fetch-based `HttpClient`. */
export const layerFetch = (options: Options): Layer.Layer<ContactDirectory> =>
  layer(options).pipe(Layer.provide(FetchHttpClient.layer))

/** The documented variables: `DESKPRO_API_URL` (including `/api/v2`) and `DESKPRO_API_KEY` (`{id}:{code}`, redacted). */
export const defaultConfig: Config.Wrap<Options> = {
  apiUrl: Config.String("DESKPRO_API_URL"),
  apiKey: Config.Redacted("DESKPRO_API_KEY")
}

/**
 * Reads the options from `Config`, by default from the documented variables; as Effect's own drivers do, the
 * caller may say where each value comes from. Needs an `HttpClient`, as `layer`.
 */
export const layerConfig = (
  config: Config.Wrap<Options> = defaultConfig
): Layer.Layer<ContactDirectory, Config.ConfigError, HttpClient.HttpClient> => layerFromConfig(layer, config)
