/**
 * The Monica v4 HTTP calls, vendor-shaped: paths under the API base (`…/api`), Monica's paging,
 * and Monica's error bodies turned into `ContactError` reasons. Built on adapter-kit's
 * `VendorHttp` (auth, timeout, retries, rate limiter), so this file only knows Monica.
 *
 * Docs: https://www.monicahq.com/api (contacts, contactfields, contactfieldtypes); the routes and
 * bodies here follow Monica's server code (branch 4.x), which differs from the docs in places.
 */
import {
  decodeJson,
  pageNumberPages,
  type RateLimit,
  readJsonBody,
  reasonFromStatus,
  type RetryPolicy,
  type Scrub,
  VendorHttp
} from "@contactkit/adapter-kit"
import {
  type ContactErrorReason,
  ContactNotFound,
  Forbidden,
  type Issue,
  RateLimited,
  Unauthorized,
  UnexpectedResponse
} from "@contactkit/domain"
import { type Duration, Effect, type Redacted, Result, Schema, Stream } from "effect"
import { HttpClientRequest, type HttpClientResponse } from "effect/http"
import {
  MonicaContact,
  MonicaContactField,
  type MonicaContactFieldInput,
  MonicaContactFieldType,
  type MonicaContactFieldTypeInput,
  type MonicaContactInput,
  MonicaErrorBody,
  MonicaPage,
  type MonicaWorkInput,
  unwrapOne
} from "./MonicaSchema.ts"

export const vendor = "monica"

/** Monica refuses `limit` above 100 (error 30). */
export const maxPageSize = 100

export interface Options {
  /** The API base including `/api`: `https://app.monicahq.com/api`, or a mock's `http://127.0.0.1:4020/api`. */
  readonly apiUrl: string
  /** A Monica personal access token (OAuth bearer token). */
  readonly apiKey: Redacted.Redacted<string>
  /** How long one request may take; default 30 seconds. */
  readonly timeout?: Duration.Input
  readonly retry?: Partial<RetryPolicy>
  /** Client-side rate limit; `documentedRateLimit` unless given, `false` for none (a local mock). */
  readonly rateLimit?: RateLimit | false
}

/** Monica's default `RATE_LIMIT_PER_MINUTE_API`: 60 requests a minute per user. */
export const documentedRateLimit: RateLimit = { limit: 60, window: "1 minute" }

/**
 * A contact-field write named a field type that is gone (deleted or from another account): Monica
 * says 422 "The selected contact field type id is invalid." or 404. The directory refreshes its
 * types and retries once. A 404 may also mean the contact is gone; the directory tells them apart.
 */
export class StaleFieldType extends Schema.TaggedError<StaleFieldType>()("StaleFieldType", {
  status: Schema.Number,
  messages: Schema.Array(Schema.String)
}) {}

/** Where a failing call's complaints belong in the domain model, and which contact it was about. */
export interface CallContext {
  readonly id?: string | undefined
  readonly isWrite?: boolean
  /** Laravel's attribute name ("first name", "data") → domain path. */
  readonly pathOf?: (attribute: string) => ReadonlyArray<string | number>
}

/** Laravel messages start with the attribute: "The first name field is required." */
const attributeOf = (message: string): string | undefined =>
  message.match(
    /^The (?:selected )?(first name|middle name|last name|nickname|data|contact field type id|contact field id|contact id|labels(?:\.\d+)?|job|company|name)\b/iu
  )?.[1]?.toLowerCase()

const contactPaths: Record<string, ReadonlyArray<string>> = {
  "first name": ["name", "given"],
  "middle name": ["name", "middle"],
  "last name": ["name", "family"],
  nickname: ["name", "nickname"],
  job: ["organization", "title"],
  company: ["organization", "name"]
}
export const contactPathOf = (attribute: string): ReadonlyArray<string | number> => contactPaths[attribute] ?? []

const messagesOf = (body: MonicaErrorBody | undefined): ReadonlyArray<string> => {
  if (body === undefined) return []
  if ("error" in body) return typeof body.error.message === "string" ? [body.error.message] : body.error.message
  return [body.message]
}

const decodeErrorBody = Schema.decodeUnknownOption(MonicaErrorBody)

/** The paging envelope with its items left undecoded: each item is decoded on its own, so its error names it. */
const UnknownPage = MonicaPage(Schema.Unknown)

/** A page's items, decoded, each beside its JSON as read. */
type DecodeItems<A> = (
  data: ReadonlyArray<unknown>
) => Effect.Effect<ReadonlyArray<{ readonly value: A; readonly raw: unknown }>, UnexpectedResponse>

/** A body (or one item of it) that does not match the schema: the schema's complaint, scrubbed and cut. */
const offContract = (scrub: Scrub, what: string, complaint: string, status?: number) =>
  new UnexpectedResponse({
    ...(status === undefined ? {} : { status }),
    detail: scrub(`${what} does not match Monica's contract: ${complaint}`).slice(0, 500)
  })

/** Decodes one resource, made once per schema and applied to every response. */
const decodeOne = <S extends Schema.Codec<unknown, unknown>>(schema: S, scrub: Scrub) => {
  const decode = Schema.decodeUnknownEffect(schema)
  return (raw: unknown, status?: number): Effect.Effect<S["Type"], UnexpectedResponse> =>
    Effect.mapError(decode(raw), (error) => offContract(scrub, "the body", error.message, status))
}

/**
 * Decodes a page's items in one synchronous pass, stopping at the first that does not match:
 * an Effect per item cost more than the decoding itself on a page of a hundred contacts.
 */
const decodeItems = <S extends Schema.Codec<unknown, unknown>>(
  schema: S,
  what: string,
  scrub: Scrub
): DecodeItems<S["Type"]> => {
  const decode = Schema.decodeUnknownResult(schema)
  return (data) => {
    const items: Array<{ readonly value: S["Type"]; readonly raw: unknown }> = []
    for (const raw of data) {
      const result = decode(raw)
      if (Result.isFailure(result)) return Effect.fail(offContract(scrub, what, result.failure.message))
      items.push({ value: result.success, raw })
    }
    return Effect.succeed(items)
  }
}

export const isStaleTypeMessage = (message: string): boolean =>
  /selected contact field type id is invalid/iu.test(message)

export const make = (options: Options) =>
  Effect.gen(function*() {
    const http = yield* VendorHttp.make({
      vendor,
      baseUrl: options.apiUrl,
      auth: VendorHttp.bearerAuth(options.apiKey),
      secrets: [options.apiKey],
      ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
      ...(options.retry !== undefined ? { retry: options.retry } : {}),
      ...(options.rateLimit === false ? {} : { rateLimit: options.rateLimit ?? documentedRateLimit })
    })

    /** A non-2xx answer → the reason it means (Monica's own `error_code` first, then the status). */
    const failure = (response: HttpClientResponse.HttpClientResponse, context: CallContext) =>
      Effect.flatMap(readJsonBody(response), (json): Effect.Effect<never, ContactErrorReason> => {
        const body = decodeErrorBody(json)
        const messages = messagesOf(body._tag === "Some" ? body.value : undefined).map(http.scrub)
        const code = body._tag === "Some" && "error" in body.value ? body.value.error.error_code : undefined
        const detail = messages.length > 0 ? messages.join("; ") : undefined
        const status = response.status
        if (status === 401 || code === 42) return Effect.fail(new Unauthorized(detail ? { detail } : {}))
        if (status === 402) {
          return Effect.fail(new Forbidden({ detail: detail ?? "the Monica account has reached its contact limit" }))
        }
        if (status === 404 || code === 31) {
          return Effect.fail(
            context.id !== undefined
              ? new ContactNotFound({ id: context.id })
              : new UnexpectedResponse({ status, detail: detail ?? "not found" })
          )
        }
        if (status === 429 || code === 34) return Effect.fail(new RateLimited({}))
        if (status === 422 || code === 32 || code === 41) {
          const issues: Array<Issue> = messages.map((message) => {
            const attribute = attributeOf(message)
            return { path: attribute !== undefined && context.pathOf ? [...context.pathOf(attribute)] : [], message }
          })
          return Effect.fail(reasonFromStatus({ status: 422, issues, detail }))
        }
        // 400 (30 limit, 37 bad JSON, 39 sort): we built a request Monica refuses — a contract mismatch.
        return Effect.fail(
          reasonFromStatus({ status, detail: detail ?? `HTTP ${status}`, isWrite: context.isWrite ?? false })
        )
      })

    // Decoders are made once here, not per response.
    const readJson = decodeJson(Schema.Unknown, http.scrub)
    const decodePage = decodeOne(UnknownPage, http.scrub)
    const decodeContact = decodeOne(MonicaContact, http.scrub)
    const decodeField = decodeOne(MonicaContactField, http.scrub)
    const decodeFieldType = decodeOne(MonicaContactFieldType, http.scrub)
    const decodeContacts = decodeItems(MonicaContact, "a contact", http.scrub)
    const decodeFields = decodeItems(MonicaContactField, "a list item", http.scrub)
    const decodeFieldTypes = decodeItems(MonicaContactFieldType, "a list item", http.scrub)

    /** A 2xx answer's body as JSON with its status, or the reason a non-2xx answer means. */
    const call = (
      request: HttpClientRequest.HttpClientRequest,
      context: CallContext = {}
    ): Effect.Effect<{ readonly status: number; readonly raw: unknown }, ContactErrorReason> =>
      http.client.execute(request).pipe(
        Effect.flatMap((response) =>
          response.status >= 200 && response.status < 300
            ? Effect.map(readJson(response), (raw) => ({ status: response.status, raw }))
            : failure(response, context)
        )
      )

    /** One resource, unwrapped from `{"data": …}`; `raw` is the resource as read, for `Contact.remote`. */
    const single = <A>(
      request: HttpClientRequest.HttpClientRequest,
      decode: (raw: unknown) => Effect.Effect<A, UnexpectedResponse>,
      context: CallContext = {}
    ) =>
      Effect.flatMap(call(request, context), ({ raw }) => {
        const inner = unwrapOne(raw)
        return Effect.map(decode(inner), (value) => ({ value, raw: inner }))
      })

    const pageOf = <A>(
      request: HttpClientRequest.HttpClientRequest,
      decodeData: DecodeItems<A>,
      context: CallContext
    ) =>
      Effect.flatMap(call(request, context), ({ raw, status }) =>
        Effect.flatMap(decodePage(raw, status), (envelope) =>
          Effect.map(decodeData(envelope.data), (items) => ({ items, lastPage: envelope.meta?.last_page }))))

    const page = <A>(path: string, decodeData: DecodeItems<A>, pageNo: number, limit: number, context: CallContext) =>
      pageOf(
        HttpClientRequest.get(path, { urlParams: { page: String(pageNo), limit: String(limit) } }),
        decodeData,
        context
      )

    const json = (request: HttpClientRequest.HttpClientRequest, body: unknown) =>
      HttpClientRequest.bodyJsonUnsafe(request, body)

    const fieldContext = (pathOf: CallContext["pathOf"], id?: string): CallContext => ({
      isWrite: true,
      ...(pathOf !== undefined ? { pathOf } : {}),
      ...(id !== undefined ? { id } : {})
    })

    /** A field write whose type went stale fails with `StaleFieldType` instead of its reason. */
    const fieldWrite = (request: HttpClientRequest.HttpClientRequest, context: CallContext) =>
      single(request, decodeField, context).pipe(
        Effect.catch((reason): Effect.Effect<never, ContactErrorReason | StaleFieldType> => {
          if (
            reason._tag === "InvalidContact" && reason.issues.some((i) =>
              isStaleTypeMessage(i.message)
            )
          ) {
            return Effect.fail(new StaleFieldType({ status: 422, messages: reason.issues.map((i) => i.message) }))
          }
          if (reason._tag === "ContactNotFound") {
            return Effect.fail(new StaleFieldType({ status: 404, messages: [] }))
          }
          return Effect.fail(reason)
        })
      )

    return {
      listContacts: (pageNo: number, limit: number) =>
        pageOf(
          HttpClientRequest.get("/contacts", {
            urlParams: { with: "contactfields", page: String(pageNo), limit: String(limit) }
          }),
          decodeContacts,
          {}
        ),
      getContact: (id: string) =>
        single(HttpClientRequest.get(`/contacts/${id}`, { urlParams: { with: "contactfields" } }), decodeContact, {
          id
        }),
      createContact: (input: MonicaContactInput) =>
        single(json(HttpClientRequest.post("/contacts"), input), decodeContact, {
          isWrite: true,
          pathOf: contactPathOf
        }),
      updateContact: (id: string, input: MonicaContactInput) =>
        single(json(HttpClientRequest.put(`/contacts/${id}`), input), decodeContact, {
          id,
          isWrite: true,
          pathOf: contactPathOf
        }),
      updateWork: (id: string, input: MonicaWorkInput) =>
        single(json(HttpClientRequest.put(`/contacts/${id}/work`), input), decodeContact, {
          id,
          isWrite: true,
          pathOf: contactPathOf
        }),
      deleteContact: (id: string) =>
        Effect.asVoid(call(HttpClientRequest.delete(`/contacts/${id}`), { id, isWrite: true })),
      /** Every field of one contact, all pages. */
      listContactFields: (contactId: string) =>
        Stream.runCollect(
          pageNumberPages({
            pageSize: maxPageSize,
            fetch: (pageNo, limit) =>
              page(`/contacts/${contactId}/contactfields`, decodeFields, pageNo, limit, { id: contactId })
          })
        ),
      getContactField: (id: string, contactId: string) =>
        single(HttpClientRequest.get(`/contactfields/${id}`), decodeField, { id: contactId }),
      createContactField: (input: MonicaContactFieldInput, pathOf?: CallContext["pathOf"]) =>
        fieldWrite(
          json(HttpClientRequest.post("/contactfields"), input),
          fieldContext(pathOf, String(input.contact_id))
        ),
      updateContactField: (id: string, input: MonicaContactFieldInput, pathOf?: CallContext["pathOf"]) =>
        fieldWrite(
          json(HttpClientRequest.put(`/contactfields/${id}`), input),
          fieldContext(pathOf, String(input.contact_id))
        ),
      deleteContactField: (id: string, contactId: string) =>
        Effect.asVoid(
          call(HttpClientRequest.delete(`/contactfields/${id}`), { id: contactId, isWrite: true })
        ),
      /** Every field type of the account, all pages. */
      listFieldTypes: Stream.runCollect(
        pageNumberPages({
          pageSize: maxPageSize,
          fetch: (pageNo, limit) => page("/contactfieldtypes", decodeFieldTypes, pageNo, limit, {})
        })
      ).pipe(Effect.map((items) => items.map((i) => i.value))),
      createFieldType: (input: MonicaContactFieldTypeInput) =>
        Effect.map(
          single(json(HttpClientRequest.post("/contactfieldtypes"), input), decodeFieldType, { isWrite: true }),
          ({ value }) => value
        )
    }
  })

export type MonicaClient = Effect.Success<ReturnType<typeof make>>
