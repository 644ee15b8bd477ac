/**
 * The Phone.com v4 contact calls: paths under `{apiUrl}/accounts/{account}/extensions/{extension}`,
 * `Authorization: Bearer <token>`, list by `limit`/`offset` (at most 500 a page), and Mason
 * `@error` bodies mapped to `ContactError` reasons — 422 `@details` keyed by wire path become
 * issues at domain paths of the draft that was sent. Every method fails with a reason only; the
 * directory says which operation it was part of.
 *
 * Docs: https://apidocs.phone.com/reference (Account Extension Contacts);
 * rate limits: https://apidocs.phone.com/docs/rate-limits.
 */
import {
  type ClientTuning,
  decodeJsonWithRaw,
  type PageSizeLimits,
  type RateLimit,
  readJsonBody,
  reasonFromStatus,
  type Scrub,
  tuningOptions,
  VendorHttp
} from "@contactkit/adapter-kit"
import { type ContactDraft, type ContactErrorReason, type ContactId, ContactNotFound } from "@contactkit/domain"
import { Duration, Effect, Option, type Redacted, Schema } from "effect"
import { type HttpClient, HttpClientRequest, type HttpClientResponse } from "effect/http"
import { toDomainPath } from "./PhonecomMapping.ts"
import {
  isPhonecomList,
  PhonecomContact,
  type PhonecomContactInput,
  PhonecomError,
  PhonecomList
} from "./PhonecomSchema.ts"

export const vendor = "phonecom"

/** Phone.com's largest page (`limit` ≤ 500). */
export const maxPageSize = 500

/** What a listing asks for unless told otherwise, and the most Phone.com gives in one page. */
export const pageLimits: PageSizeLimits = { default: 100, max: maxPageSize }

/** The documented per-account limit across endpoints: 120 requests in 60 s. */
export const documentedRateLimit: RateLimit = { limit: 120, window: "60 seconds" }

export interface Options extends ClientTuning {
  /** The API root including the version, as Phone.com's spec gives it: `https://api.phone.com/v4`, or a mock's. */
  readonly apiUrl: string
  readonly apiKey: Redacted.Redacted<string>
  readonly accountId: number
  readonly extensionId: number
}

/** A contact as decoded, and exactly as the vendor sent it (for `Contact.remote`). */
export interface PhonecomRecord {
  readonly wire: PhonecomContact
  readonly raw: unknown
}

export interface PhonecomPage {
  readonly total: number | undefined
  readonly items: ReadonlyArray<PhonecomRecord>
}

export interface PhonecomClient {
  readonly list: (offset: number, limit: number) => Effect.Effect<PhonecomPage, ContactErrorReason>
  readonly get: (id: ContactId) => Effect.Effect<PhonecomRecord, ContactErrorReason>
  /** `draft` is what `input` was built from: 422 details are reported at its paths. */
  readonly create: (
    input: PhonecomContactInput,
    draft: ContactDraft
  ) => Effect.Effect<PhonecomRecord, ContactErrorReason>
  /** PUT: Phone.com replaces the whole contact with `input`. */
  readonly replace: (
    id: ContactId,
    input: PhonecomContactInput,
    draft: ContactDraft
  ) => Effect.Effect<PhonecomRecord, ContactErrorReason>
  readonly remove: (id: ContactId) => Effect.Effect<void, ContactErrorReason>
}

const decodeError = Schema.decodeUnknownOption(PhonecomError)

/** Phone.com puts its wait in the 429 body: `@error.@rateLimit["Retry-After"]` (seconds). */
const retryAfterHint = (body: unknown): Duration.Duration | undefined =>
  Option.match(decodeError(body), {
    onNone: () => undefined,
    onSome: (error) => {
      const seconds = error["@error"]["@rateLimit"]?.["Retry-After"]
      return seconds === undefined ? undefined : Duration.seconds(seconds)
    }
  })

/** What a failing call was about: its contact (a 404 is then `ContactNotFound`) and the draft sent (for 422 paths). */
interface CallContext {
  readonly id?: ContactId
  readonly draft?: ContactDraft
  readonly isWrite: boolean
}

/** A non-2xx answer → reason, reading the `@error` body for its message and 422 details. */
const failure = (
  response: HttpClientResponse.HttpClientResponse,
  context: CallContext,
  scrub: Scrub
): Effect.Effect<never, ContactErrorReason> =>
  Effect.flatMap(readJsonBody(response), (body) => {
    const error = Option.getOrUndefined(decodeError(body))?.["@error"]
    const message = error?.["@message"]
    const draft = context.draft
    const issues = Object.entries(error?.["@details"] ?? {}).flatMap(([wirePath, messages]) =>
      messages.map((message) => ({
        path: draft === undefined ? [] : toDomainPath(draft, wirePath),
        message: scrub(message)
      }))
    )
    return Effect.fail(reasonFromStatus({
      status: response.status,
      detail: message === undefined ? undefined : scrub(message),
      id: context.id,
      isWrite: context.isWrite,
      issues
    }))
  })

/** The two body readers, made once per client: decoding is per schema, not per response. */
const makeBodies = (scrub: Scrub) => {
  const decodeContact = decodeJsonWithRaw(PhonecomContact, scrub)
  // A page is checked by hand first: decoding 500 contacts through the schema cost more than parsing them.
  const decodeList = decodeJsonWithRaw(PhonecomList, scrub, { accepts: isPhonecomList })
  return {
    contact: (response: HttpClientResponse.HttpClientResponse) =>
      Effect.map(decodeContact(response), ({ decoded, raw }): PhonecomRecord => ({ wire: decoded, raw })),
    page: (response: HttpClientResponse.HttpClientResponse) =>
      Effect.map(decodeList(response), ({ decoded, raw }): PhonecomPage => {
        const rawItems = (raw as { readonly items?: ReadonlyArray<unknown> }).items ?? []
        return {
          total: decoded.total ?? undefined,
          items: decoded.items.map((wire, i) => ({ wire, raw: rawItems[i] ?? wire }))
        }
      })
  }
}

/** Phone.com's ids are positive integers: any other id names no contact, and is not sent. */
const isPhonecomId = (id: ContactId) => /^[1-9]\d{0,15}$/u.test(id)

const withId = <A>(id: ContactId, call: Effect.Effect<A, ContactErrorReason>): Effect.Effect<A, ContactErrorReason> =>
  isPhonecomId(id) ? call : Effect.fail(new ContactNotFound({ id }))

export const make = (options: Options): Effect.Effect<PhonecomClient, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const http = yield* VendorHttp.make({
      vendor,
      baseUrl: options.apiUrl,
      auth: VendorHttp.bearerAuth(options.apiKey),
      secrets: [options.apiKey],
      retryAfterHint,
      ...tuningOptions(options, documentedRateLimit)
    })
    const base = `/accounts/${options.accountId}/extensions/${options.extensionId}/contacts`
    const bodies = makeBodies(http.scrub)

    /** Sends, then reads a 2xx with `onOk` and anything else as the reason it means. */
    const call = <A>(
      request: HttpClientRequest.HttpClientRequest,
      onOk: (response: HttpClientResponse.HttpClientResponse) => Effect.Effect<A, ContactErrorReason>,
      context: CallContext
    ): Effect.Effect<A, ContactErrorReason> =>
      Effect.flatMap(
        http.client.execute(request),
        (response) =>
          response.status >= 200 && response.status < 300 ? onOk(response) : failure(response, context, http.scrub)
      )
    const json = (request: HttpClientRequest.HttpClientRequest, input: PhonecomContactInput) =>
      HttpClientRequest.bodyJsonUnsafe(request, input)

    return {
      list: (offset, limit) =>
        call(
          HttpClientRequest.get(base, { urlParams: { limit: String(limit), offset: String(offset) } }),
          bodies.page,
          { isWrite: false }
        ),
      get: (id) => withId(id, call(HttpClientRequest.get(`${base}/${id}`), bodies.contact, { id, isWrite: false })),
      create: (input, draft) =>
        call(json(HttpClientRequest.post(base), input), bodies.contact, { draft, isWrite: true }),
      replace: (id, input, draft) =>
        withId(
          id,
          call(json(HttpClientRequest.put(`${base}/${id}`), input), bodies.contact, { id, draft, isWrite: true })
        ),
      remove: (id) =>
        withId(id, call(HttpClientRequest.delete(`${base}/${id}`), () => Effect.void, { id, isWrite: true }))
    }
  })
