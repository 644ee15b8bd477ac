/**
 * The Monica v4 HTTP calls, vendor-shaped: paths under the API base (`…/api`), Monica's paging,
 * and Monica's error bodies turned into `ContactError` reasons (MonicaFailure). Built on
 * adapter-kit's `VendorHttp` (auth, timeout, retries, rate limiter), so this file only knows Monica.
 * Every method fails with a reason only; the directory says which operation it was part of.
 *
 * Docs: https://www.monicahq.com/api (contacts, contactfields, contactfieldtypes); the routes and
 * bodies here follow Monica's server code (branch 4.x), which differs from the docs in places.
 */
import {
  type ClientTuning,
  pageNumberPages,
  type PageSizeLimits,
  type RateLimit,
  tuningOptions,
  VendorHttp
} from "@contactkit/adapter-kit"
import { type ContactErrorReason, ContactNotFound } from "@contactkit/domain"
import { Effect, type Redacted, Stream } from "effect"
import { type HttpClient, HttpClientRequest } from "effect/http"
import * as MonicaCalls from "./MonicaCalls.ts"
import { isMonicaContact } from "./MonicaContactCheck.ts"
import { type CallContext, contactPathOf } from "./MonicaFailure.ts"
import {
  MonicaContact,
  MonicaContactField,
  type MonicaContactFieldInput,
  MonicaContactFieldType,
  type MonicaContactFieldTypeInput,
  type MonicaContactInput,
  type MonicaWorkInput
} from "./MonicaSchema.ts"

export type { Read, ReadPage } from "./MonicaCalls.ts"
type Read<A> = MonicaCalls.Read<A>
type ReadPage<A> = MonicaCalls.ReadPage<A>

export const vendor = "monica"

/** Monica refuses `limit` above 100 (error 30). */
export const maxPageSize = 100

/** A listing asks for Monica's largest page unless told otherwise: one request per hundred contacts. */
export const pageLimits: PageSizeLimits = { default: maxPageSize, max: maxPageSize }

/** Monica's default `RATE_LIMIT_PER_MINUTE_API`: 60 requests a minute per user. */
export const documentedRateLimit: RateLimit = { limit: 60, window: "1 minute" }

export interface Options extends ClientTuning {
  /** The API base including `/api`: `https://app.monicahq.com/api`, or a mock's `http://127.0.0.1:4020/api`. */
  readonly apiUrl: string
  /** A Monica personal access token (OAuth bearer token). */
  readonly apiKey: Redacted.Redacted<string>
}

/** Laravel's attribute name in a field write's complaint → the domain path of that field. */
export type PathOf = NonNullable<CallContext["pathOf"]>

export interface MonicaClient {
  /** One page of contacts with their fields (`?with=contactfields`): one request per page, never one per contact. */
  readonly listContacts: (page: number, limit: number) => Effect.Effect<ReadPage<MonicaContact>, ContactErrorReason>
  /** The account's newest contacts first, with their fields: to find one whose create answer was lost. */
  readonly newestContacts: (limit: number) => Effect.Effect<ReadonlyArray<Read<MonicaContact>>, ContactErrorReason>
  readonly getContact: (id: string) => Effect.Effect<Read<MonicaContact>, ContactErrorReason>
  readonly createContact: (input: MonicaContactInput) => Effect.Effect<Read<MonicaContact>, ContactErrorReason>
  /** `PUT /contacts/{id}`: replaces names, description and dates. */
  readonly updateContact: (
    id: string,
    input: MonicaContactInput
  ) => Effect.Effect<Read<MonicaContact>, ContactErrorReason>
  /** `PUT /contacts/{id}/work`: company and job title. */
  readonly updateWork: (id: string, input: MonicaWorkInput) => Effect.Effect<Read<MonicaContact>, ContactErrorReason>
  readonly deleteContact: (id: string) => Effect.Effect<void, ContactErrorReason>
  /** Every field of one contact, all pages. */
  readonly listContactFields: (contactId: string) => Effect.Effect<
    ReadonlyArray<Read<MonicaContactField>>,
    ContactErrorReason
  >
  /** One field; when Monica has none, `ContactNotFound{id: notFoundId}`. */
  readonly getContactField: (id: string, notFoundId: string) => Effect.Effect<
    Read<MonicaContactField>,
    ContactErrorReason
  >
  /** A 404 is `ContactNotFound{id: contact_id}`: the contact, or the field type, is gone (the directory tells). */
  readonly createContactField: (input: MonicaContactFieldInput, pathOf?: PathOf) => Effect.Effect<
    Read<MonicaContactField>,
    ContactErrorReason
  >
  readonly updateContactField: (id: string, input: MonicaContactFieldInput, pathOf?: PathOf) => Effect.Effect<
    Read<MonicaContactField>,
    ContactErrorReason
  >
  readonly deleteContactField: (id: string, contactId: string) => Effect.Effect<void, ContactErrorReason>
  /** Every field type of the account, all pages. */
  readonly listFieldTypes: Effect.Effect<ReadonlyArray<MonicaContactFieldType>, ContactErrorReason>
  readonly createFieldType: (input: MonicaContactFieldTypeInput) => Effect.Effect<
    MonicaContactFieldType,
    ContactErrorReason
  >
}

const isMonicaId = (id: string) => /^[1-9]\d{0,15}$/u.test(id)

/** Monica's ids are positive integers: any other id names no contact, and is not sent. */
export const requireId = (id: string): Effect.Effect<string, ContactNotFound> =>
  isMonicaId(id) ? Effect.succeed(id) : Effect.fail(new ContactNotFound({ id }))

const withId = <A>(id: string, call: Effect.Effect<A, ContactErrorReason>, notFoundId = id) =>
  isMonicaId(id) ? call : Effect.fail(new ContactNotFound({ id: notFoundId }))

const json = (request: HttpClientRequest.HttpClientRequest, body: unknown) =>
  HttpClientRequest.bodyJsonUnsafe(request, body)

const contactCalls = (calls: MonicaCalls.MonicaCalls) => {
  const decodeContact = MonicaCalls.decodeOne(MonicaContact, calls.scrub)
  const decodeContacts = MonicaCalls.decodeItems(MonicaContact, "a contact", calls.scrub, isMonicaContact)
  const write = { isWrite: true, pathOf: contactPathOf }
  const contacts = (urlParams: Record<string, string>) =>
    HttpClientRequest.get("/contacts", { urlParams: { with: "contactfields", ...urlParams } })
  return {
    listContacts: (page, limit) => calls.page(contacts({ page: String(page), limit: String(limit) }), decodeContacts),
    newestContacts: (limit) =>
      Effect.map(
        calls.page(contacts({ sort: "-created_at", page: "1", limit: String(limit) }), decodeContacts),
        (page) => page.items
      ),
    getContact: (id) =>
      withId(
        id,
        calls.single(
          HttpClientRequest.get(`/contacts/${id}`, { urlParams: { with: "contactfields" } }),
          decodeContact,
          {
            id
          }
        )
      ),
    createContact: (input) => calls.single(json(HttpClientRequest.post("/contacts"), input), decodeContact, write),
    updateContact: (id, input) =>
      withId(id, calls.single(json(HttpClientRequest.put(`/contacts/${id}`), input), decodeContact, { id, ...write })),
    updateWork: (id, input) =>
      withId(
        id,
        calls.single(json(HttpClientRequest.put(`/contacts/${id}/work`), input), decodeContact, { id, ...write })
      ),
    deleteContact: (id) => withId(id, calls.send(HttpClientRequest.delete(`/contacts/${id}`), { id, isWrite: true }))
  } satisfies Partial<MonicaClient>
}

const fieldCalls = (calls: MonicaCalls.MonicaCalls) => {
  const decodeField = MonicaCalls.decodeOne(MonicaContactField, calls.scrub)
  const decodeFields = MonicaCalls.decodeItems(MonicaContactField, "a list item", calls.scrub)
  const fieldWrite = (input: MonicaContactFieldInput, pathOf: PathOf | undefined): CallContext => ({
    id: String(input.contact_id),
    isWrite: true,
    ...(pathOf === undefined ? {} : { pathOf })
  })
  return {
    listContactFields: (contactId) =>
      withId(
        contactId,
        Stream.runCollect(pageNumberPages({
          pageSize: maxPageSize,
          fetch: (page, limit) =>
            calls.page(
              HttpClientRequest.get(`/contacts/${contactId}/contactfields`, {
                urlParams: { page: String(page), limit: String(limit) }
              }),
              decodeFields,
              { id: contactId }
            )
        }))
      ),
    getContactField: (id, notFoundId) =>
      withId(
        id,
        calls.single(HttpClientRequest.get(`/contactfields/${id}`), decodeField, { id: notFoundId }),
        notFoundId
      ),
    createContactField: (input, pathOf) =>
      calls.single(json(HttpClientRequest.post("/contactfields"), input), decodeField, fieldWrite(input, pathOf)),
    updateContactField: (id, input, pathOf) =>
      withId(
        id,
        calls.single(json(HttpClientRequest.put(`/contactfields/${id}`), input), decodeField, fieldWrite(input, pathOf))
      ),
    deleteContactField: (id, contactId) =>
      withId(id, calls.send(HttpClientRequest.delete(`/contactfields/${id}`), { id: contactId, isWrite: true }))
  } satisfies Partial<MonicaClient>
}

const fieldTypeCalls = (calls: MonicaCalls.MonicaCalls) => {
  const decodeFieldType = MonicaCalls.decodeOne(MonicaContactFieldType, calls.scrub)
  const decodeFieldTypes = MonicaCalls.decodeItems(MonicaContactFieldType, "a list item", calls.scrub)
  return {
    listFieldTypes: Stream.runCollect(pageNumberPages({
      pageSize: maxPageSize,
      fetch: (page, limit) =>
        calls.page(
          HttpClientRequest.get("/contactfieldtypes", { urlParams: { page: String(page), limit: String(limit) } }),
          decodeFieldTypes
        )
    })).pipe(Effect.map((items) => items.map((item) => item.value))),
    createFieldType: (input) =>
      Effect.map(
        calls.single(json(HttpClientRequest.post("/contactfieldtypes"), input), decodeFieldType, { isWrite: true }),
        (read) => read.value
      )
  } satisfies Partial<MonicaClient>
}

export const make = (options: Options): Effect.Effect<MonicaClient, never, HttpClient.HttpClient> =>
  Effect.map(
    VendorHttp.make({
      vendor,
      baseUrl: options.apiUrl,
      auth: VendorHttp.bearerAuth(options.apiKey),
      secrets: [options.apiKey],
      ...tuningOptions(options, documentedRateLimit)
    }),
    (http): MonicaClient => {
      const calls = MonicaCalls.make(http)
      return { ...contactCalls(calls), ...fieldCalls(calls), ...fieldTypeCalls(calls) }
    }
  )
