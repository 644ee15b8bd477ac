/**
 * The NGP API v2 contact calls, vendor-shaped: paths under the API base (`…/v2`), Basic authentication with the user
 * `apiuser` and the API key, NGP VAN's `$top`/`$skip` paging, and its standard error body turned into `ContactError`
 * reasons (NgpvanFailure). Methods fail with reasons only; the directory names the operation.
 *
 * Redirects are never followed: NGP answers 301 when a body names a contact, and a client that followed it would
 * turn the POST into a GET of that contact and report a write that never happened.
 *
 * Docs: https://docs.ngpvan.com/reference (Authentication, Errors, Pagination, Contacts common model).
 */
import { decodeJsonWithRaw, type RateLimit, type RetryPolicy, type Scrub, VendorHttp } from "@contactkit/adapter-kit"
import { type ContactErrorReason, ContactId, UnexpectedResponse } from "@contactkit/domain"
import { type Duration, Effect, Option, Redacted, Result, Schema } from "effect"
import { FetchHttpClient, type HttpClient, HttpClientRequest } from "effect/http"
import { type CallContext, failure, type PathOf } from "./NgpvanFailure.ts"
import {
  isNgpvanContact,
  isNgpvanPage,
  NgpvanContact,
  NgpvanContactIdResponse,
  type NgpvanContactInput,
  type NgpvanContactUpdate,
  NgpvanPage
} from "./NgpvanSchema.ts"

export type { CallContext, PathOf } from "./NgpvanFailure.ts"

export const vendor = "ngpvan"

/** NGP VAN's shared pagination: `$top` at most 200 ("typically"). */
export const maxPageSize = 200

/** NGP's one documented contact id has this shape; any other cannot name a contact (and is not sent). */
export const isContactId = (id: string): boolean => /^VN[0-9A-Z]{9}$/u.test(id)

export interface Options {
  /** The API base including `/v2`: `https://api.myngp.com/v2`, or a mock's `http://127.0.0.1:4050/v2`. */
  readonly apiUrl: string
  /** The API key (a GUID), sent as the password of the user `apiuser`. */
  readonly apiKey: Redacted.Redacted<string>
  /** How long one request may take; default 30 seconds. */
  readonly timeout?: Duration.Input
  readonly retry?: Partial<RetryPolicy>
  /** A client-side limit; NGP publishes none, so there is none unless given. */
  readonly rateLimit?: RateLimit | false
}

/** A contact as decoded, and exactly as NGP sent it (for `Contact.remote`). */
export interface NgpvanRecord {
  readonly wire: NgpvanContact
  readonly raw: unknown
}

export interface NgpvanPageResult {
  readonly items: ReadonlyArray<NgpvanRecord>
  /** Whether NGP named a next page (`nextPageLink`). */
  readonly more: boolean
}

export interface NgpvanClient {
  readonly list: (skip: number, top: number) => Effect.Effect<NgpvanPageResult, ContactErrorReason>
  readonly get: (id: ContactId) => Effect.Effect<NgpvanRecord, ContactErrorReason>
  /** 201 → `merged: false`; 200 (NGP merged the data into a contact it matched) → `merged: true`. */
  readonly create: (
    input: NgpvanContactInput,
    pathOf: PathOf
  ) => Effect.Effect<{ readonly contactId: ContactId; readonly merged: boolean }, ContactErrorReason>
  readonly update: (
    id: ContactId,
    input: NgpvanContactUpdate,
    pathOf: PathOf
  ) => Effect.Effect<void, ContactErrorReason>
}

/** The caller's fetch options, with redirects left to the adapter (see the module's header). */
const withoutRedirects = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.flatMap(
    Effect.serviceOption(FetchHttpClient.RequestInit),
    (init) =>
      Effect.provideService(effect, FetchHttpClient.RequestInit, {
        ...Option.getOrElse(init, () => ({})),
        redirect: "manual"
      })
  )

const decodeItem = Schema.decodeUnknownResult(NgpvanContact)

/** A page's items in one synchronous pass, stopping at the first that is off-contract. */
const decodeItems = (scrub: Scrub) => (items: ReadonlyArray<unknown>, status: number) => {
  const records: Array<NgpvanRecord> = []
  for (const raw of items) {
    // Checked by hand first: the schema's decoder costs more per contact than parsing it.
    if (isNgpvanContact(raw)) {
      records.push({ wire: raw, raw })
      continue
    }
    const result = decodeItem(raw)
    if (Result.isFailure(result)) {
      const detail = scrub(`a contact does not match ngpvan's contract: ${result.failure.message}`)
      return Effect.fail(new UnexpectedResponse({ status, detail: detail.slice(0, 500) }))
    }
    records.push({ wire: result.success, raw })
  }
  return Effect.succeed(records)
}

export const make = (options: Options): Effect.Effect<NgpvanClient, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const basic = Redacted.make(Buffer.from(`apiuser:${Redacted.value(options.apiKey)}`).toString("base64"))
    const http = yield* VendorHttp.make({
      vendor,
      baseUrl: options.apiUrl,
      auth: HttpClientRequest.basicAuth("apiuser", options.apiKey),
      secrets: [options.apiKey, basic],
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      ...(options.rateLimit === undefined || options.rateLimit === false ? {} : { rateLimit: options.rateLimit })
    })

    const call = (request: HttpClientRequest.HttpClientRequest, context: CallContext) =>
      withoutRedirects(http.client.execute(request)).pipe(
        Effect.flatMap((response) =>
          response.status >= 200 && response.status < 300
            ? Effect.succeed(response)
            : failure(response, context, http.scrub)
        )
      )

    // Decoders are made once here, not per response.
    const decodeContact = decodeJsonWithRaw(NgpvanContact, http.scrub)
    // The envelope is checked by hand first: the schema's decoder would walk and copy the page's items array.
    const decodePage = decodeJsonWithRaw(NgpvanPage, http.scrub, { accepts: isNgpvanPage })
    const decodeId = decodeJsonWithRaw(NgpvanContactIdResponse, http.scrub)
    const pageItems = decodeItems(http.scrub)

    const json = (request: HttpClientRequest.HttpClientRequest, body: unknown) =>
      HttpClientRequest.bodyJsonUnsafe(request, body)

    return {
      list: (skip, top) =>
        call(
          HttpClientRequest.get("/contacts", {
            urlParams: { $top: String(Math.min(maxPageSize, Math.max(1, top))), $skip: String(skip) }
          }),
          { isWrite: false }
        ).pipe(
          Effect.flatMap((response) =>
            Effect.flatMap(decodePage(response), ({ decoded }) =>
              Effect.map(pageItems(decoded.items, response.status), (items) => ({
                items,
                more: typeof decoded.nextPageLink === "string" && decoded.nextPageLink !== ""
              })))
          )
        ),
      get: (id) =>
        call(HttpClientRequest.get(`/contacts/${id}`), { id, isWrite: false }).pipe(
          Effect.flatMap(decodeContact),
          Effect.map(({ decoded, raw }): NgpvanRecord => ({ wire: decoded, raw }))
        ),
      create: (input, pathOf) =>
        call(json(HttpClientRequest.post("/contacts"), input), { isWrite: true, pathOf }).pipe(
          Effect.flatMap((response) =>
            Effect.map(decodeId(response), ({ decoded }) => ({
              contactId: ContactId.make(decoded.contactId),
              merged: response.status === 200
            }))
          )
        ),
      update: (id, input, pathOf) =>
        call(json(HttpClientRequest.post(`/contacts/${id}`), input), { id, isWrite: true, pathOf }).pipe(
          Effect.flatMap(decodeId),
          Effect.asVoid
        )
    }
  })
