/**
 * Phone.com as a `ContactDirectory`: the only module that sees both the wire (PhonecomClient,
 * PhonecomMapping) and the port. Phone.com's PUT replaces the whole contact, so `update` and
 * every field operation read the contact, change it in the domain, validate it against
 * PhonecomCapabilities, and PUT it back — sending back what the domain does not model (the group).
 */
import { contactError, offsetPages } from "@contactkit/adapter-kit"
import {
  applyPatch,
  type Contact,
  ContactDirectory,
  type ContactDraft,
  type ContactError,
  type ContactField,
  type ContactId,
  type FieldRef,
  InvalidContact,
  type Operation,
  project,
  toDraft,
  validate,
  validateChange,
  withoutId
} from "@contactkit/domain"
import { Config, Effect, Layer, Stream } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import { capabilities } from "./PhonecomCapabilities.ts"
import * as PhonecomClient from "./PhonecomClient.ts"
import { toContact as toContactWire, toPhonecomInput } from "./PhonecomMapping.ts"

export type Options = PhonecomClient.PhonecomClientOptions

/** The page size `list` asks for unless told otherwise. */
export const defaultPageSize = 100

const toContact = (record: PhonecomClient.PhonecomRecord): Contact => toContactWire(record.wire, record.raw)

export const make = (options: Options): Effect.Effect<ContactDirectory.Service, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const client = yield* PhonecomClient.make(options)
    const fail = (operation: Operation) => contactError(PhonecomClient.vendor, operation)

    /** Nothing is sent that Phone.com would refuse or could not hold. */
    const check = (operation: Operation, draft: ContactDraft) =>
      validate(capabilities, draft).pipe(Effect.mapError(fail(operation)))

    /** Reads, changes in the domain, validates and replaces; returns the stored contact and the draft sent. */
    const readModifyWrite = (
      operation: Operation,
      id: ContactId,
      change: (current: Contact) => Effect.Effect<ContactDraft, ContactError>
    ) =>
      Effect.gen(function*() {
        const record = yield* client.get(id, operation)
        const current = toContact(record)
        const next = yield* change(current)
        // Phone.com's rules apply to what changes; what it already holds is sent back as it is.
        const valid = yield* validateChange(capabilities, toDraft(current), next).pipe(Effect.mapError(fail(operation)))
        const stored = yield* client.replace(id, toPhonecomInput(valid, record.wire), valid, operation)
        return { contact: toContact(stored), sent: valid }
      })

    /** The stored field that came from the sent draft's field at `origin` (Phone.com has no field ids). */
    const storedField = (contact: Contact, sent: ContactDraft, origin: number, fallback: ContactField) => {
      const at = project(capabilities, sent).origins.indexOf(origin)
      return (at === -1 ? undefined : contact.fields[at]) ?? withoutId(fallback)
    }

    const resolve = (operation: Operation, fields: ReadonlyArray<ContactField>, ref: FieldRef) => {
      const index = typeof ref === "number" && Number.isInteger(ref) && ref >= 0 && ref < fields.length ? ref : -1
      if (index !== -1) return Effect.succeed(index)
      const message = typeof ref === "number" ? "no field at this index" : "phonecom fields have no ids: use the index"
      return Effect.fail(fail(operation)(new InvalidContact({ issues: [{ path: ["fields", ref], message }] })))
    }

    return ContactDirectory.of({
      vendor: PhonecomClient.vendor,
      capabilities,
      list: (listOptions) =>
        offsetPages({
          pageSize: Math.min(
            PhonecomClient.maxPageSize,
            Math.max(1, Math.floor(listOptions?.pageSize ?? defaultPageSize))
          ),
          fetch: (offset, limit) =>
            Effect.map(client.list(offset, limit), (page) => ({
              items: page.items.map(toContact),
              total: page.total
            }))
        }).pipe(Stream.withSpan("PhonecomContactDirectory.list")),
      get: (id) => Effect.map(client.get(id, "get"), toContact),
      create: (draft) =>
        Effect.gen(function*() {
          const valid = yield* check("create", draft)
          const stored = yield* client.create(toPhonecomInput(valid), valid)
          return { contact: toContact(stored), outcome: "created" as const }
        }),
      update: (id, patch) =>
        Effect.map(
          readModifyWrite("update", id, (current) => Effect.succeed(applyPatch(toDraft(current), patch))),
          ({ contact }) => contact
        ),
      remove: (id) => client.remove(id),
      fields: {
        list: (contactId) => Effect.map(client.get(contactId, "fields.list"), (record) => toContact(record).fields),
        add: (contactId, field) =>
          readModifyWrite(
            "fields.add",
            contactId,
            (current) => Effect.succeed({ ...toDraft(current), fields: [...current.fields, withoutId(field)] })
          ).pipe(
            Effect.map(({ contact, sent }) => storedField(contact, sent, sent.fields.length - 1, field))
          ),
        update: (contactId, ref, field) =>
          Effect.gen(function*() {
            let index = -1
            const { contact, sent } = yield* readModifyWrite("fields.update", contactId, (current) =>
              Effect.map(resolve("fields.update", current.fields, ref), (i) => {
                index = i
                return {
                  ...toDraft(current),
                  fields: current.fields.map((f, j) =>
                    j === i ? withoutId(field) : f
                  )
                }
              }))
            return storedField(contact, sent, index, field)
          }),
        remove: (contactId, ref) =>
          readModifyWrite(
            "fields.remove",
            contactId,
            (current) =>
              Effect.map(resolve("fields.remove", current.fields, ref), (i) => ({
                ...toDraft(current),
                fields: current.fields.filter((_, j) => j !== i)
              }))
          ).pipe(Effect.asVoid)
      }
    })
  })

/** Provides `ContactDirectory` for one Phone.com extension; needs an `HttpClient`. */
export const layer = (options: Options): Layer.Layer<ContactDirectory, never, HttpClient.HttpClient> =>
  Layer.effect(ContactDirectory, make(options))

/** `layer` with the fetch-based `HttpClient`. */
export const layerFetch = (options: Options): Layer.Layer<ContactDirectory> =>
  layer(options).pipe(Layer.provide(FetchHttpClient.layer))

/** Reads `PHONECOM_API_URL`, `PHONECOM_API_KEY` (redacted), `PHONECOM_ACCOUNT_ID`, `PHONECOM_EXTENSION_ID`. */
export const layerConfig: Layer.Layer<ContactDirectory, Config.ConfigError, HttpClient.HttpClient> = Layer.unwrap(
  Effect.gen(function*() {
    return layer({
      apiUrl: yield* Config.String("PHONECOM_API_URL"),
      apiKey: yield* Config.Redacted("PHONECOM_API_KEY"),
      accountId: yield* Config.Int("PHONECOM_ACCOUNT_ID"),
      extensionId: yield* Config.Int("PHONECOM_EXTENSION_ID")
    })
  })
)
