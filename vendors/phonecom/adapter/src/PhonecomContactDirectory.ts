/**
 * Phone.com as a `ContactDirectory`: the only module that sees both the wire (PhonecomClient,
 * PhonecomMapping) and the port. Phone.com's PUT replaces the whole contact, so `update` and
 * every field operation read the contact, change it in the domain, validate it against
 * PhonecomCapabilities, and PUT it back — sending back what the domain does not model (the group).
 *
 * The client fails with reasons; each operation wraps them once, here, with its own name.
 */
import { layerFromConfig, offsetPages, pageSize, wrapReasons } from "@contactkit/adapter-kit"
import {
  applyPatch,
  type Contact,
  ContactDirectory,
  type ContactDraft,
  type ContactErrorReason,
  type ContactField,
  type ContactId,
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
import { capabilities } from "./PhonecomCapabilities.ts"
import * as PhonecomClient from "./PhonecomClient.ts"
import { toContact as toContactWire, toPhonecomInput } from "./PhonecomMapping.ts"

export type Options = PhonecomClient.Options

/** The page size `list` asks for unless told otherwise. */
export const defaultPageSize = PhonecomClient.pageLimits.default

const wrap = wrapReasons(PhonecomClient.vendor)

const toContact = (record: PhonecomClient.PhonecomRecord): Contact => toContactWire(record.wire, record.raw)

/**
 * Reads, changes in the domain, validates and replaces; returns the stored contact and the draft sent.
 * Phone.com's rules apply to what changes; what it already holds is sent back as it is.
 */
const readModifyWrite = (
  client: PhonecomClient.PhonecomClient,
  id: ContactId,
  change: (current: Contact) => Effect.Effect<ContactDraft, ContactErrorReason>
) =>
  Effect.gen(function*() {
    const record = yield* client.get(id)
    const current = toContact(record)
    const valid = yield* validateChange(capabilities, toDraft(current), yield* change(current))
    const stored = yield* client.replace(id, toPhonecomInput(valid, record.wire), valid)
    return { contact: toContact(stored), sent: valid }
  })

/** The stored field that came from the sent draft's field at `origin` (Phone.com has no field ids). */
const storedField = (contact: Contact, sent: ContactDraft, origin: number, fallback: ContactField) => {
  const at = project(capabilities, sent).origins.indexOf(origin)
  return (at === -1 ? undefined : contact.fields[at]) ?? withoutId(fallback)
}

/** A field reference → its index; Phone.com fields have no ids, so only an index names one. */
const resolve = (fields: ReadonlyArray<ContactField>, ref: FieldRef): Effect.Effect<number, InvalidContact> => {
  const index = typeof ref === "number" && Number.isInteger(ref) && ref >= 0 && ref < fields.length ? ref : -1
  if (index !== -1) return Effect.succeed(index)
  const message = typeof ref === "number" ? "no field at this index" : "phonecom fields have no ids: use the index"
  return Effect.fail(new InvalidContact({ issues: [{ path: ["fields", ref], message }] }))
}

/** Field operations, each a read-modify-write of the whole contact. */
const fieldOperations = (client: PhonecomClient.PhonecomClient): ContactDirectory.Service["fields"] => ({
  list: (contactId) =>
    client.get(contactId).pipe(Effect.map((record) => toContact(record).fields), wrap.effect("fields.list")),
  add: (contactId, field) =>
    readModifyWrite(
      client,
      contactId,
      (current) => Effect.succeed({ ...toDraft(current), fields: [...current.fields, withoutId(field)] })
    ).pipe(
      Effect.map(({ contact, sent }) => storedField(contact, sent, sent.fields.length - 1, field)),
      wrap.effect("fields.add")
    ),
  update: (contactId, ref, field) =>
    Effect.gen(function*() {
      let index = -1
      const { contact, sent } = yield* readModifyWrite(client, contactId, (current) =>
        Effect.map(resolve(current.fields, ref), (i) => {
          index = i
          return {
            ...toDraft(current),
            fields: current.fields.map((f, j) =>
              j === i ? withoutId(field) : f
            )
          }
        }))
      return storedField(contact, sent, index, field)
    }).pipe(wrap.effect("fields.update")),
  remove: (contactId, ref) =>
    readModifyWrite(client, contactId, (current) =>
      Effect.map(resolve(current.fields, ref), (i) => ({
        ...toDraft(current),
        fields: current.fields.filter((_, j) => j !== i)
      }))).pipe(Effect.asVoid, wrap.effect("fields.remove"))
})

export const make = (options: Options): Effect.Effect<ContactDirectory.Service, never, HttpClient.HttpClient> =>
  Effect.map(PhonecomClient.make(options), (client) =>
    ContactDirectory.of({
      vendor: PhonecomClient.vendor,
      capabilities,
      list: (listOptions) =>
        offsetPages({
          pageSize: pageSize(listOptions?.pageSize, PhonecomClient.pageLimits),
          fetch: (offset, limit) =>
            Effect.map(client.list(offset, limit), (page) => ({ items: page.items.map(toContact), total: page.total }))
        }).pipe(wrap.stream("list")),
      get: (id) => client.get(id).pipe(Effect.map(toContact), wrap.effect("get")),
      create: (draft) =>
        Effect.gen(function*() {
          // Nothing is sent that Phone.com would refuse or could not hold.
          const valid = yield* validate(capabilities, draft)
          const stored = yield* client.create(toPhonecomInput(valid), valid)
          return { contact: toContact(stored), outcome: "created" as const }
        }).pipe(wrap.effect("create")),
      update: (id, patch) =>
        readModifyWrite(client, id, (current) => Effect.succeed(applyPatch(toDraft(current), patch))).pipe(
          Effect.map(({ contact }) => contact),
          wrap.effect("update")
        ),
      remove: (id) => client.remove(id).pipe(wrap.effect("remove")),
      fields: fieldOperations(client)
    }))

/** Provides `ContactDirectory` for one Phone.com extension; needs an `HttpClient`. */
export const layer = (options: Options): Layer.Layer<ContactDirectory, never, HttpClient.HttpClient> =>
  Layer.effect(ContactDirectory, make(options))

/** `layer` with the fetch-based `HttpClient`. */
export const layerFetch = (options: Options): Layer.Layer<ContactDirectory> =>
  layer(options).pipe(Layer.provide(FetchHttpClient.layer))

/** The documented variables: `PHONECOM_API_URL`, `PHONECOM_API_KEY` (redacted), `PHONECOM_ACCOUNT_ID`, `PHONECOM_EXTENSION_ID`. */
export const defaultConfig: Config.Wrap<Options> = {
  apiUrl: Config.String("PHONECOM_API_URL"),
  apiKey: Config.Redacted("PHONECOM_API_KEY"),
  accountId: Config.Int("PHONECOM_ACCOUNT_ID"),
  extensionId: Config.Int("PHONECOM_EXTENSION_ID")
}

/**
 * `layer` with its options read from `Config`: the documented variables by default, or wherever the caller says,
 * timeout, retry and rate limit included — `layerConfig({ ...defaultConfig, timeout: Config.Duration("…") })`.
 */
export const layerConfig = (
  config: Config.Wrap<Options> = defaultConfig
): Layer.Layer<ContactDirectory, Config.ConfigError, HttpClient.HttpClient> =>
  layerFromConfig(layer, config, { vendor: "phonecom" })
