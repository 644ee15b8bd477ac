/**
 * The Phone.com v4 contact calls: paths under `{apiUrl}/accounts/{account}/extensions/{extension}`,
 * `Authorization: Bearer <token>`, list by `limit`/`offset` (at most 500 a page), and Mason
 * `@error` bodies mapped to `ContactError` reasons — 422 `@details` keyed by wire path become
 * issues at domain paths of the draft that was sent.
 *
 * Docs: https://apidocs.phone.com/reference (Account Extension Contacts);
 * rate limits: https://apidocs.phone.com/docs/rate-limits.
 */
import {
  contactError,
  decodeJsonWithRaw,
  type RateLimit,
  readJsonBody,
  reasonFromStatus,
  type RetryPolicy,
  VendorHttp
} from "@contactkit/adapter-kit"
import {
  type ContactDraft,
  type ContactError,
  type ContactErrorReason,
  type ContactId,
  ContactNotFound,
  type Operation
} from "@contactkit/domain"
import { Duration, Effect, Option, type Redacted, Schema } from "effect"
import { type HttpClient, HttpClientRequest, type HttpClientResponse } from "effect/http"
import { toDomainPath } from "./PhonecomMapping.ts"
import { PhonecomContact, type PhonecomContactInput, PhonecomError, PhonecomList } from "./PhonecomSchema.ts"

export const vendor = "phonecom"

/** Phone.com's largest page (`limit` ≤ 500). */
export const maxPageSize = 500

/** The documented per-account limit across endpoints: 120 requests in 60 s. */
export const documentedRateLimit: RateLimit = { limit: 120, window: "60 seconds" }

export interface PhonecomClientOptions {
  /** The API root including the version, as Phone.com's spec gives it: `https://api.phone.com/v4`, or a mock's. */
  readonly apiUrl: string
  readonly apiKey: Redacted.Redacted<string>
  readonly accountId: number
  readonly extensionId: number
  readonly timeout?: Duration.Input
  readonly retry?: Partial<RetryPolicy>
  /** Client-side rate limit; `documentedRateLimit` unless given, `false` for none (a local mock). */
  readonly rateLimit?: RateLimit | false
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
  readonly list: (offset: number, limit: number) => Effect.Effect<PhonecomPage, ContactError>
  readonly get: (id: ContactId, operation: Operation) => Effect.Effect<PhonecomRecord, ContactError>
  /** `draft` is what `input` was built from: 422 details are reported at its paths. */
  readonly create: (input: PhonecomContactInput, draft: ContactDraft) => Effect.Effect<PhonecomRecord, ContactError>
  readonly replace: (
    id: ContactId,
    input: PhonecomContactInput,
    draft: ContactDraft,
    operation: Operation
  ) => Effect.Effect<PhonecomRecord, ContactError>
  readonly remove: (id: ContactId) => Effect.Effect<void, ContactError>
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

const isPhonecomId = (id: ContactId) => /^[1-9]\d{0,15}$/u.test(id)

export const make = (options: PhonecomClientOptions): Effect.Effect<PhonecomClient, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const rateLimit = options.rateLimit === undefined ? documentedRateLimit : options.rateLimit
    const http = yield* VendorHttp.make({
      vendor,
      baseUrl: options.apiUrl,
      auth: VendorHttp.bearerAuth(options.apiKey),
      secrets: [options.apiKey],
      retryAfterHint,
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      ...(rateLimit === false ? {} : { rateLimit })
    })
    const base = `/accounts/${options.accountId}/extensions/${options.extensionId}/contacts`

    /** A non-2xx answer → reason, reading the `@error` body for its message and 422 details. */
    const failure = (
      response: HttpClientResponse.HttpClientResponse,
      context: CallContext
    ): Effect.Effect<never, ContactErrorReason> =>
      Effect.flatMap(readJsonBody(response), (body) => {
        const error = Option.getOrUndefined(decodeError(body))?.["@error"]
        const message = error?.["@message"]
        const details = error?.["@details"] ?? {}
        const draft = context.draft
        const issues = Object.entries(details).flatMap(([wirePath, messages]) =>
          messages.map((message) => ({
            path: draft === undefined ? [] : toDomainPath(draft, wirePath),
            message: http.scrub(message)
          }))
        )
        return Effect.fail(reasonFromStatus({
          status: response.status,
          detail: message === undefined ? undefined : http.scrub(message),
          id: context.id,
          isWrite: context.isWrite,
          issues
        }))
      })

    const call = <A>(
      operation: Operation,
      request: Effect.Effect<HttpClientResponse.HttpClientResponse, ContactErrorReason>,
      onOk: (response: HttpClientResponse.HttpClientResponse) => Effect.Effect<A, ContactErrorReason>,
      context: CallContext
    ): Effect.Effect<A, ContactError> =>
      request.pipe(
        Effect.flatMap((response) =>
          response.status >= 200 && response.status < 300 ? onOk(response) : failure(response, context)
        ),
        Effect.mapError(contactError(vendor, operation))
      )

    const notFound = (operation: Operation, id: ContactId) =>
      Effect.fail(contactError(vendor, operation)(new ContactNotFound({ id })))

    // Decoders are made once here, not per response.
    const decodeContact = decodeJsonWithRaw(PhonecomContact, http.scrub)
    const decodeList = decodeJsonWithRaw(PhonecomList, http.scrub)
    const contactBody = (response: HttpClientResponse.HttpClientResponse) =>
      Effect.map(decodeContact(response), ({ decoded, raw }): PhonecomRecord => ({ wire: decoded, raw }))
    const pageBody = (response: HttpClientResponse.HttpClientResponse) =>
      Effect.map(decodeList(response), ({ decoded, raw }): PhonecomPage => {
        const rawItems = (raw as { readonly items?: ReadonlyArray<unknown> }).items ?? []
        return {
          total: decoded.total ?? undefined,
          items: decoded.items.map((wire, i) => ({ wire, raw: rawItems[i] ?? wire }))
        }
      })

    return {
      list: (offset, limit) =>
        call(
          "list",
          http.client.get(base, {
            urlParams: { limit: String(Math.min(maxPageSize, Math.max(1, limit))), offset: String(offset) }
          }),
          pageBody,
          { isWrite: false }
        ),
      get: (id, operation) =>
        isPhonecomId(id)
          ? call(operation, http.client.get(`${base}/${id}`), contactBody, { id, isWrite: false })
          : notFound(operation, id),
      create: (input, draft) =>
        call(
          "create",
          http.client.execute(HttpClientRequest.bodyJsonUnsafe(HttpClientRequest.post(base), input)),
          contactBody,
          { draft, isWrite: true }
        ),
      replace: (id, input, draft, operation) =>
        isPhonecomId(id)
          ? call(
            operation,
            http.client.execute(HttpClientRequest.bodyJsonUnsafe(HttpClientRequest.put(`${base}/${id}`), input)),
            contactBody,
            { id, draft, isWrite: true }
          )
          : notFound(operation, id),
      remove: (id) =>
        isPhonecomId(id)
          ? call("remove", http.client.del(`${base}/${id}`), () => Effect.void, { id, isWrite: true })
          : notFound("remove", id)
    }
  })
