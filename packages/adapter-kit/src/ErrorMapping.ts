/**
 * From HTTP answers to `ContactError` reasons: the defaults every vendor shares (401 →
 * Unauthorized, 404 → ContactNotFound, 422 → InvalidContact, …), the wrapping into
 * `ContactError{vendor, operation, reason}`, and decoding a body with a Schema so that a body
 * the vendor's contract does not allow becomes `UnexpectedResponse` with a short excerpt — or,
 * when the request was a write, `VendorUnavailable{mayHaveSucceeded: true}` (see `unusableAnswer`).
 *
 * Every text copied into an error passes through the adapter's `Scrub`, so no message,
 * detail or excerpt can carry the API key.
 */
import {
  Conflict,
  ContactError,
  type ContactErrorReason,
  ContactNotFound,
  Forbidden,
  InvalidContact,
  type Issue,
  type Operation,
  RateLimited,
  Unauthorized,
  UnexpectedResponse,
  VendorUnavailable
} from "@contactkit/domain"
import { type Duration, Effect, Schema } from "effect"
import type { HttpClientRequest, HttpClientResponse } from "effect/http"
import { excerpt, type Scrub } from "./Scrub.ts"

export interface StatusInfo {
  readonly status: number
  /** The vendor's own message, already scrubbed. */
  readonly detail?: string | undefined
  /** The contact the call was about: a 404 then means `ContactNotFound{id}`. */
  readonly id?: string | undefined
  /** Whether the call was a write (a 5xx then may have succeeded). */
  readonly isWrite?: boolean | undefined
  /** For 422: the vendor's complaints mapped to domain paths. */
  readonly issues?: ReadonlyArray<Issue> | undefined
  /** For 429: how long the vendor asked us to wait. */
  readonly retryAfter?: Duration.Duration | undefined
}

const withDetail = (detail: string | undefined) => (detail === undefined ? {} : { detail })

/** The default reason for a non-2xx status. Vendors override single statuses before calling this. */
export const reasonFromStatus = (info: StatusInfo): ContactErrorReason => {
  const { status, detail } = info
  if (status === 401) return new Unauthorized(withDetail(detail))
  if (status === 403) return new Forbidden(withDetail(detail))
  if (status === 404 && info.id !== undefined) return new ContactNotFound({ id: info.id })
  if (status === 409) return new Conflict(withDetail(detail))
  if (status === 422) {
    const issues = info.issues !== undefined && info.issues.length > 0
      ? info.issues
      : [{ path: [], message: detail ?? "rejected by the vendor" }]
    return new InvalidContact({ issues })
  }
  if (status === 429) return new RateLimited(info.retryAfter === undefined ? {} : { retryAfter: info.retryAfter })
  if (status >= 500) {
    return new VendorUnavailable({ status, ...withDetail(detail), mayHaveSucceeded: info.isWrite ?? false })
  }
  // A 404 on a path that must exist (a listing, a create): the adapter's paths are the vendor's, so the base URL
  // the requests go under is what is wrong — most often without the API's base path (`/v4`, `/api`).
  if (status === 404) {
    return new UnexpectedResponse({
      status,
      detail: `${detail ?? "HTTP 404"} — the vendor has no such path, so the base URL is probably wrong ` +
        "(it must include the API's base path, as in the adapter's README)"
    })
  }
  // 400, or anything else: the vendor refused a request we built — a contract mismatch.
  return new UnexpectedResponse({ status, detail: detail ?? `unexpected HTTP ${status}` })
}

/** Wraps a reason into the port's one error. */
export const contactError = (vendor: string, operation: Operation) => (reason: ContactErrorReason): ContactError =>
  new ContactError({ vendor, operation, reason })

const readMethods = new Set(["GET", "HEAD", "OPTIONS"])

/** Whether a request may change the vendor's state: anything but GET, HEAD and OPTIONS. */
export const isWrite = (request: HttpClientRequest.HttpClientRequest): boolean =>
  !readMethods.has(request.method.toUpperCase())

/** Why a 2xx answer's body could not be used: see `unusableAnswer`. */
export type BodyError = UnexpectedResponse | VendorUnavailable

/**
 * A 2xx answer whose body the adapter cannot use: cut off, not JSON, or off the vendor's contract.
 * After a read that is the vendor breaking its contract: `UnexpectedResponse`. After a write the
 * vendor said yes and then nothing the adapter can read, so whether the write happened is unknown:
 * `VendorUnavailable{mayHaveSucceeded: true}`, which is not retryable, because retrying a create
 * whose answer was lost can create twice. `detail` and `bodyExcerpt` must already be scrubbed.
 */
export const unusableAnswer = (
  response: HttpClientResponse.HttpClientResponse,
  detail: string,
  bodyExcerpt?: string
): BodyError => {
  const status = response.status
  if (!isWrite(response.request)) {
    return new UnexpectedResponse({ status, detail, ...(bodyExcerpt === undefined ? {} : { bodyExcerpt }) })
  }
  const method = response.request.method.toUpperCase()
  const body = bodyExcerpt === undefined || bodyExcerpt === "" ? "" : `; body: ${bodyExcerpt}`
  return new VendorUnavailable({
    status,
    detail: `${method} answered ${status}, but ${detail}: the write may have happened${body}`,
    mayHaveSucceeded: true
  })
}

/** The response body as JSON, or undefined when it is not JSON (for reading error bodies; never fails). */
export const readJsonBody = (response: HttpClientResponse.HttpClientResponse): Effect.Effect<unknown> =>
  response.text.pipe(
    Effect.flatMap((text) =>
      text.trim() === "" ? Effect.succeed(undefined) : Effect.try(() => JSON.parse(text) as unknown)
    ),
    Effect.orElseSucceed(() => undefined)
  )

export interface DecodeOptions<A> {
  /**
   * A fast structural check, for the hot path of a schema without transformations (a listing page): when it holds,
   * the parsed body already is the schema's type and is used as it is, without the Schema decoder's walk and copy
   * (which cost more than `JSON.parse` itself). It must never accept what the schema refuses — a property test
   * beside it says so — and may refuse more: whatever it refuses goes through the schema as before, so errors read
   * the same. The value is then the body itself, unknown keys included, so it suits readers that whitelist.
   */
  readonly accepts?: (raw: unknown) => raw is A
}

/**
 * Decodes a JSON body with a Schema, keeping the body as read beside the decoded value (for
 * `Contact.remote`, which holds the vendor's record exactly, unknown keys included). A body that
 * cannot be read, is not JSON, or does not match fails with `unusableAnswer`: `UnexpectedResponse`
 * carrying the status, the schema's complaint and a scrubbed excerpt of at most 200 characters
 * after a read; `VendorUnavailable{mayHaveSucceeded: true}` after a write.
 */
export const decodeJsonWithRaw = <S extends Schema.Top>(
  schema: S,
  scrub: Scrub,
  options: DecodeOptions<S["Type"]> = {}
) => {
  // Built once per schema: callers make their decoder once and apply it to every response.
  const decode = Schema.decodeUnknownEffect(schema)
  const vouched = options.accepts
  return (
    response: HttpClientResponse.HttpClientResponse
  ): Effect.Effect<{ readonly decoded: S["Type"]; readonly raw: unknown }, BodyError, S["DecodingServices"]> =>
    Effect.gen(function*() {
      const text = yield* response.text.pipe(
        Effect.mapError(() => unusableAnswer(response, "the body could not be read"))
      )
      // Scrubbing copies the whole body (a page can be hundreds of kB): only a failure pays for its excerpt.
      const bodyExcerpt = () => excerpt(text, scrub)
      const raw = yield* Effect.try({
        try: () => JSON.parse(text) as unknown,
        catch: () => unusableAnswer(response, "the body is not JSON", bodyExcerpt())
      })
      if (vouched !== undefined && vouched(raw)) return { decoded: raw, raw }
      const decoded = yield* decode(raw).pipe(
        Effect.mapError((error) =>
          unusableAnswer(
            response,
            excerpt(`the body does not match the vendor's contract: ${error.message}`, scrub, 500),
            bodyExcerpt()
          )
        )
      )
      return { decoded, raw }
    })
}

/** `decodeJsonWithRaw` without the raw body. */
export const decodeJson = <S extends Schema.Top>(schema: S, scrub: Scrub) => {
  const decodeWithRaw = decodeJsonWithRaw(schema, scrub)
  return (response: HttpClientResponse.HttpClientResponse): Effect.Effect<
    S["Type"],
    BodyError,
    S["DecodingServices"]
  > => Effect.map(decodeWithRaw(response), (result) => result.decoded)
}
