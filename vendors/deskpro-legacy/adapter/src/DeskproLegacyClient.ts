/**
 * The Deskpro Legacy HTTP calls, vendor-shaped: paths under the API base (`…/api`), the key in
 * `X-DeskPRO-API-Key`, JSON bodies (as Deskpro's own PHP SDK sends them), search pages read through one cached
 * result set (`cache_id`), and the API's error bodies — `{error_code, error_message}` and the `multiple` body —
 * turned into `ContactError` reasons with domain paths. Built on adapter-kit's `VendorHttp`; a 429 without
 * `Retry-After` waits until `X-RateLimit-Reset`. Every method fails with a reason only.
 */
import {
  type ClientTuning,
  decodeJsonWithRaw,
  readJsonBody,
  reasonFromStatus,
  tuningOptions,
  VendorHttp
} from "@contactkit/adapter-kit"
import { type ContactErrorReason, ContactNotFound, InvalidContact, type Issue, Unauthorized } from "@contactkit/domain"
import { Effect, Redacted, Schema } from "effect"
import { type HttpClient, HttpClientRequest, type HttpClientResponse } from "effect/http"
import { vendor } from "./DeskproLegacyMapping.ts"
import {
  isLegacySearch,
  LegacyCreated,
  type LegacyDetailInput,
  LegacyError,
  type LegacyPerson,
  LegacyPersonAnswer,
  type LegacyPersonInput,
  type LegacyPersonUpdate,
  LegacySearch
} from "./DeskproLegacySchema.ts"

/** The server bounds `per_page` to 1–250. */
export const maxPageSize = 250

export interface Options extends ClientTuning {
  /** The API base including `/api`: `https://helpdesk.example.com/api`, or the mock's `http://127.0.0.1:4040/api`. */
  readonly apiUrl: string
  /** An API key string `{key id}:{code}`. */
  readonly apiKey: Redacted.Redacted<string>
}

export type Path = ReadonlyArray<string | number>

/** Where a refused parameter lives in the domain: `email` → the first e-mail's address. */
export type PathOf = (parameter: string) => Path

/** A decoded record with the body it came from (for `Contact.remote`). */
export interface Read<A> {
  readonly value: A
  readonly raw: unknown
}

export interface SearchPage {
  readonly people: ReadonlyArray<Read<LegacyPerson>>
  readonly total: number
  readonly cacheId: number
}

export interface EmailWrite {
  readonly email?: string
  readonly comment?: string
  readonly set_primary?: boolean
}

export interface DeskproLegacyClient {
  /** One page of the helpdesk's people (with their e-mails and contact data), from result set `cacheId` if given. */
  readonly search: (page: number, perPage: number, cacheId?: number) => Effect.Effect<SearchPage, ContactErrorReason>
  readonly getPerson: (id: string) => Effect.Effect<Read<LegacyPerson>, ContactErrorReason>
  readonly createPerson: (input: LegacyPersonInput, pathOf: PathOf) => Effect.Effect<number, ContactErrorReason>
  readonly updatePerson: (
    id: string,
    input: LegacyPersonUpdate,
    pathOf: PathOf
  ) => Effect.Effect<void, ContactErrorReason>
  readonly deletePerson: (id: string) => Effect.Effect<void, ContactErrorReason>
  readonly addDetail: (
    personId: string,
    input: LegacyDetailInput,
    at: Path
  ) => Effect.Effect<number, ContactErrorReason>
  /** A record the person does not have is `ContactNotFound{id: fieldId}`. */
  readonly deleteDetail: (
    personId: string,
    detailId: number,
    fieldId: string
  ) => Effect.Effect<void, ContactErrorReason>
  readonly addEmail: (personId: string, input: EmailWrite, at: Path) => Effect.Effect<number, ContactErrorReason>
  readonly updateEmail: (
    personId: string,
    emailId: number,
    input: EmailWrite
  ) => Effect.Effect<void, ContactErrorReason>
  readonly deleteEmail: (personId: string, emailId: number, fieldId: string) => Effect.Effect<void, ContactErrorReason>
}

/** Deskpro's ids are digits (the routes require `\d+`): any other id names no person, and is not sent. */
export const isPersonId = (id: string) => /^[1-9]\d{0,15}$/u.test(id)

const decodeError = Schema.decodeUnknownOption(LegacyError)

interface CallContext {
  /** The person the call is about: a 404 then means `ContactNotFound{id}`. */
  readonly personId?: string
  /** A record of the person (its field id): a 404 naming no person means that record is not found. */
  readonly fieldId?: string
  readonly pathOf?: PathOf
  readonly isWrite?: boolean
}

/** A non-2xx answer as a reason: 400 codes at their domain paths, 404 as the person or record not found. */
const failure = (response: HttpClientResponse.HttpClientResponse, context: CallContext, scrub: (s: string) => string) =>
  Effect.flatMap(readJsonBody(response), (body): Effect.Effect<never, ContactErrorReason> => {
    const error = decodeError(body)
    const parsed = error._tag === "Some" ? error.value : undefined
    const message = scrub(parsed?.error_message ?? "")
    if (response.status === 401) return Effect.fail(new Unauthorized({ detail: message || "invalid_auth" }))
    if (response.status === 404) {
      const noPerson = message.startsWith("There is no person")
      const id = noPerson || context.fieldId === undefined ? context.personId : context.fieldId
      if (id !== undefined) return Effect.fail(new ContactNotFound({ id }))
    }
    if (response.status === 400 && parsed !== undefined && context.pathOf !== undefined) {
      const pathOf = context.pathOf
      const issues: Array<Issue> = parsed.error_code === "multiple"
        ? Object.entries(parsed.errors ?? {}).map(([parameter, [code = "", text = ""]]) => ({
          path: pathOf(parameter),
          message: scrub(`${text} (${code})`)
        }))
        : [{ path: pathOf(parsed.error_code), message: scrub(`${message} (${parsed.error_code})`) }]
      return Effect.fail(new InvalidContact({ issues }))
    }
    return Effect.fail(reasonFromStatus({
      status: response.status,
      detail: scrub(parsed === undefined ? `HTTP ${response.status}` : `${parsed.error_code}: ${message}`),
      isWrite: context.isWrite
    }))
  })

export const make = (options: Options): Effect.Effect<DeskproLegacyClient, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const http = yield* VendorHttp.make({
      vendor,
      baseUrl: options.apiUrl,
      auth: (request) => HttpClientRequest.setHeader(request, "x-deskpro-api-key", Redacted.value(options.apiKey)),
      secrets: [options.apiKey],
      redactedHeaders: ["x-deskpro-api-key"],
      // The helpdesk's limit is its own setting (off by default on premises): no client-side limit unless given.
      ...tuningOptions(options),
      resetHeader: "x-ratelimit-reset"
    })
    const decodePerson = decodeJsonWithRaw(LegacyPersonAnswer, http.scrub)
    const decodeSearch = decodeJsonWithRaw(LegacySearch, http.scrub, { accepts: isLegacySearch })
    const decodeCreated = decodeJsonWithRaw(LegacyCreated, http.scrub)

    /** Sends the request; a 2xx goes to `onSuccess`, anything else becomes a reason. */
    const call = <A>(
      request: HttpClientRequest.HttpClientRequest,
      context: CallContext,
      onSuccess: (response: HttpClientResponse.HttpClientResponse) => Effect.Effect<A, ContactErrorReason>
    ): Effect.Effect<A, ContactErrorReason> =>
      Effect.flatMap(
        http.client.execute(request),
        (response) =>
          response.status >= 200 && response.status < 300 ? onSuccess(response) : failure(response, context, http.scrub)
      )

    const json = (method: "POST", path: string, body: unknown) =>
      HttpClientRequest.bodyJsonUnsafe(HttpClientRequest.make(method)(path), body)

    const created = (response: HttpClientResponse.HttpClientResponse) =>
      Effect.map(decodeCreated(response), (r) => r.decoded.id)
    const done = () => Effect.void

    const forPerson = <A>(id: string, call: Effect.Effect<A, ContactErrorReason>) =>
      isPersonId(id) ? call : Effect.fail(new ContactNotFound({ id }))

    return {
      search: (page, perPage, cacheId) =>
        call(
          HttpClientRequest.get("/people", {
            urlParams: {
              page: String(page),
              per_page: String(perPage),
              ...(cacheId === undefined ? {} : { cache_id: String(cacheId) })
            }
          }),
          {},
          (response) =>
            Effect.map(decodeSearch(response), ({ decoded, raw }) => {
              const rawPeople = (raw as { readonly people?: unknown }).people
              const rawOf = (id: number) =>
                Array.isArray(rawPeople)
                  ? rawPeople.find((p) => (p as { id?: unknown }).id === id)
                  : (rawPeople as Record<string, unknown> | undefined)?.[String(id)]
              const people = (Array.isArray(decoded.people) ? decoded.people : Object.values(decoded.people))
                .slice()
                .sort((a, b) => a.id - b.id)
                .map((person) => ({ value: person, raw: rawOf(person.id) }))
              return { people, total: decoded.total, cacheId: decoded.cache_id }
            })
        ),
      getPerson: (id) =>
        forPerson(
          id,
          call(HttpClientRequest.get(`/people/${id}`), { personId: id }, (response) =>
            Effect.map(decodePerson(response), ({ decoded, raw }) => ({
              value: decoded.person,
              raw: (raw as { readonly person?: unknown }).person
            })))
        ),
      createPerson: (input, pathOf) => call(json("POST", "/people", input), { pathOf, isWrite: true }, created),
      updatePerson: (id, input, pathOf) =>
        forPerson(id, call(json("POST", `/people/${id}`, input), { personId: id, pathOf, isWrite: true }, done)),
      deletePerson: (id) =>
        forPerson(id, call(HttpClientRequest.delete(`/people/${id}`), { personId: id, isWrite: true }, done)),
      addDetail: (personId, input, at) =>
        forPerson(
          personId,
          call(json("POST", `/people/${personId}/contact-details`, input), {
            personId,
            pathOf: () => at,
            isWrite: true
          }, created)
        ),
      deleteDetail: (personId, detailId, fieldId) =>
        forPerson(
          personId,
          call(HttpClientRequest.delete(`/people/${personId}/contact-details/${detailId}`), {
            personId,
            fieldId,
            isWrite: true
          }, done)
        ),
      addEmail: (personId, input, at) =>
        forPerson(
          personId,
          call(json("POST", `/people/${personId}/emails`, input), {
            personId,
            pathOf: () => [...at, "address"],
            isWrite: true
          }, created)
        ),
      updateEmail: (personId, emailId, input) =>
        forPerson(
          personId,
          call(json("POST", `/people/${personId}/emails/${emailId}`, input), { personId, isWrite: true }, done)
        ),
      deleteEmail: (personId, emailId, fieldId) =>
        forPerson(
          personId,
          call(HttpClientRequest.delete(`/people/${personId}/emails/${emailId}`), {
            personId,
            fieldId,
            pathOf: () => ["fields"],
            isWrite: true
          }, done)
        )
    }
  })
