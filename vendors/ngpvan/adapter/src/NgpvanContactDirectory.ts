/**
 * `ContactDirectory` over NGP VAN's NGP API v2: the only module that sees both the domain and NGP.
 *
 * - `list` pages `GET /contacts` by `$skip` (≤ 200 a page) while NGP names a next page; the next page is asked of
 *   the configured base URL, not of `nextPageLink`, so a proxy or mock in between sees every page.
 * - `create` posts the contact and reads it back: NGP answers 201 for a new contact and 200 when its deduplication
 *   merged the draft into a contact it matched — `outcome: "merged"`, and the merged contact is returned.
 * - `update` and the field operations read the contact, change it in the domain, check the change against
 *   NgpvanCapabilities and post what the adapter maps (NGP keeps what it does not: codes, lists, disclosures).
 * - `remove` fails with `Unsupported` before any request: NGP documents no way to delete a contact.
 * - A write that succeeded but could not be read back fails with `VendorUnavailable{mayHaveSucceeded: true}`.
 */
import { contactError } from "@contactkit/adapter-kit"
import {
  applyPatch,
  type Contact,
  ContactDirectory,
  type ContactDraft,
  type ContactErrorReason,
  type ContactField,
  type ContactId,
  ContactNotFound,
  type FieldRef,
  InvalidContact,
  type Operation,
  project,
  toDraft,
  Unsupported,
  validate,
  validateChange,
  VendorUnavailable,
  withoutId
} from "@contactkit/domain"
import { Config, Effect, Layer, Option, Stream } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import { capabilities } from "./NgpvanCapabilities.ts"
import * as NgpvanClient from "./NgpvanClient.ts"
import { toContact as toContactWire, toNgpvanInput, toNgpvanUpdate } from "./NgpvanMapping.ts"
import { toDomainPath } from "./NgpvanPaths.ts"

export type Options = NgpvanClient.Options

/** The page size `list` asks for unless told otherwise. */
export const defaultPageSize = 100

const toContact = (record: NgpvanClient.NgpvanRecord): Contact => toContactWire(record.wire, record.raw)

/** The read after a write that NGP accepted: its failure cannot undo the write. */
const readBack = <A>(what: string, read: Effect.Effect<A, ContactErrorReason>) =>
  Effect.mapError(read, (reason) =>
    new VendorUnavailable({
      detail: `${what}, but reading it back failed: ${reason._tag}${reason.message ? ` (${reason.message})` : ""}`,
      mayHaveSucceeded: true
    }))

export const make = (options: Options): Effect.Effect<ContactDirectory.Service, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const client = yield* NgpvanClient.make(options)
    const fail = (operation: Operation) => contactError(NgpvanClient.vendor, operation)

    /** An id NGP could not have given names no contact, and is not sent (it would not match the path's shape). */
    const read = (id: ContactId) =>
      NgpvanClient.isContactId(id) ? client.get(id) : Effect.fail(new ContactNotFound({ id }))

    /** Reads, changes in the domain, checks the change, posts it, reads back; returns the stored contact and draft. */
    const readModifyWrite = (
      id: ContactId,
      change: (current: Contact) => Effect.Effect<ContactDraft, ContactErrorReason>
    ) =>
      Effect.gen(function*() {
        const record = yield* read(id)
        const current = toContact(record)
        // NGP's rules apply to what changes; what it already holds is sent back as it is.
        const valid = yield* validateChange(capabilities, toDraft(current), yield* change(current))
        yield* client.update(id, toNgpvanUpdate(record.wire, valid), (property) => toDomainPath(valid, property))
        const stored = yield* readBack(`ngpvan updated ${id}`, client.get(id))
        return { contact: toContact(stored), sent: valid }
      })

    /** The stored field that came from the sent draft's field at `origin` (NGP has no field ids). */
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

    const list: ContactDirectory.Service["list"] = (listOptions) => {
      const pageSize = Math.min(
        NgpvanClient.maxPageSize,
        Math.max(1, Math.floor(listOptions?.pageSize ?? defaultPageSize))
      )
      return Stream.paginate(0, (skip: number) =>
        Effect.map(client.list(skip, pageSize), (page) => {
          const next = page.more && page.items.length > 0 ? Option.some(skip + page.items.length) : Option.none()
          return [page.items.map(toContact), next] as const
        })).pipe(Stream.mapError(fail("list")), Stream.withSpan("NgpvanContactDirectory.list"))
    }

    const create: ContactDirectory.Service["create"] = (draft) =>
      Effect.gen(function*() {
        const valid = yield* validate(capabilities, draft)
        const { contactId, merged } = yield* client.create(
          toNgpvanInput(valid),
          (property) => toDomainPath(valid, property)
        )
        const stored = yield* readBack(
          `ngpvan ${merged ? "merged into" : "created"} ${contactId}`,
          client.get(contactId)
        )
        return { contact: toContact(stored), outcome: merged ? "merged" as const : "created" as const }
      }).pipe(Effect.mapError(fail("create")))

    const fields: ContactDirectory.Service["fields"] = {
      list: (contactId) =>
        read(contactId).pipe(Effect.map((record) => toContact(record).fields), Effect.mapError(fail("fields.list"))),
      add: (contactId, field) =>
        readModifyWrite(
          contactId,
          (current) => Effect.succeed({ ...toDraft(current), fields: [...current.fields, withoutId(field)] })
        ).pipe(
          Effect.map(({ contact, sent }) => storedField(contact, sent, sent.fields.length - 1, field)),
          Effect.mapError(fail("fields.add"))
        ),
      update: (contactId, ref, field) =>
        Effect.gen(function*() {
          let index = -1
          const { contact, sent } = yield* readModifyWrite(contactId, (current) =>
            Effect.map(resolve(current.fields, ref), (i) => {
              index = i
              return { ...toDraft(current), fields: current.fields.map((f, j) => (j === i ? withoutId(field) : f)) }
            }))
          return storedField(contact, sent, index, field)
        }).pipe(Effect.mapError(fail("fields.update"))),
      remove: (contactId, ref) =>
        readModifyWrite(contactId, (current) =>
          Effect.map(resolve(current.fields, ref), (i) => ({
            ...toDraft(current),
            fields: current.fields.filter((_, j) => j !== i)
          }))).pipe(Effect.asVoid, Effect.mapError(fail("fields.remove")))
    }

    return ContactDirectory.of({
      vendor: NgpvanClient.vendor,
      capabilities,
      list,
      get: (id) => read(id).pipe(Effect.map(toContact), Effect.mapError(fail("get"))),
      create,
      update: (id, patch) =>
        readModifyWrite(id, (current) => Effect.succeed(applyPatch(toDraft(current), patch))).pipe(
          Effect.map(({ contact }) => contact),
          Effect.mapError(fail("update"))
        ),
      remove: () =>
        Effect.fail(
          fail("remove")(new Unsupported({ issues: [{ path: [], message: "ngpvan has no way to delete a contact" }] }))
        ),
      fields
    })
  })

/** Provides `ContactDirectory` for one NGP tenant (the API key's); needs an `HttpClient`. */
export const layer = (options: Options): Layer.Layer<ContactDirectory, never, HttpClient.HttpClient> =>
  Layer.effect(ContactDirectory, make(options))

/** `layer` with the fetch-based `HttpClient`. */
export const layerFetch = (options: Options): Layer.Layer<ContactDirectory> =>
  layer(options).pipe(Layer.provide(FetchHttpClient.layer))

/** The documented variables: `NGPVAN_API_URL` (including `/v2`) and `NGPVAN_API_KEY` (read as `Redacted`). */
export const defaultConfig: Config.Wrap<Options> = {
  apiUrl: Config.String("NGPVAN_API_URL"),
  apiKey: Config.Redacted("NGPVAN_API_KEY")
}

/** As Effect's own drivers do: the caller chooses where each value comes from; the variables are only the default. */
export const layerConfig = (
  config: Config.Wrap<Options> = defaultConfig
): Layer.Layer<ContactDirectory, Config.ConfigError, HttpClient.HttpClient> =>
  Layer.unwrap(Effect.map(Config.unwrap(config), layer))
