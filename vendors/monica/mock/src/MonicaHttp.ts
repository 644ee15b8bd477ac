/**
 * The request pipeline every Monica API route shares, in the order Monica's middleware runs: throttle, bearer
 * authentication, then `ApiController`'s checks (`sort` → 400/39, `limit` → 400/30, a write whose body is the JSON
 * `null` or is not JSON at all → 400/37). Also Monica's error bodies and Laravel's paginated envelope (`data`,
 * `links`, `meta`).
 *
 * A deliberate deviation on malformed JSON: Monica 4.x's `ApiController` decodes the body with `Safe\json_decode`,
 * which throws, and its catch block lets the request through with no input at all — usually a 422 "… field is
 * required.", but on `PUT /contacts/{id}/work` (no required fields) an empty input clears job and company. Bad input
 * must never change a mock's state, so a body that is not JSON gets Monica's own "Problems parsing JSON" (400, error
 * 37), as its error table and docs describe. An empty body is still no input, as in Monica.
 *
 * Content types: Laravel reads JSON input only from a request that says it is JSON, so a body sent as `text/plain`
 * (or anything not JSON) is no input at all — and, like a JSON scalar or array, which have no named inputs, it gives
 * the required-field 422s. (Laravel would also read form fields; the mock reads JSON only.) Where no input would
 * change state (the work route clears job and company), `bodyIgnored` lets the handler refuse with 37 instead.
 * JSON nested deeper than PHP's `json_decode` depth (512) is not JSON to Monica either: 400, error 37.
 */
import {
  isJsonContentType,
  jsonBytesResponse,
  jsonResponse,
  parseJson,
  type PlatformError,
  readBodyText,
  withJsonRowBytes
} from "@contactkit/mock-platform"
import { Clock, Effect, Ref, Result } from "effect"
import type { HttpMethod } from "effect/http"
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "effect/http"
import type { MonicaRateLimiter } from "./MonicaRateLimit.ts"
import { allowedHeaders, exceededHeaders } from "./MonicaRateLimit.ts"
import type { MonicaState } from "./MonicaState.ts"
import { asInteger, normalizeInput } from "./MonicaValidation.ts"

/** `config/api.php` error codes and their default messages. */
export const errorMessages = {
  30: "The limit parameter is too big",
  31: "The resource has not been found",
  32: "Error while trying to save the data",
  34: "Too many attempts, please slow down the request",
  37: "Problems parsing JSON",
  39: "The sorting criteria is invalid"
} as const

/** The body of Monica's own API errors; the message is the code's default unless given. */
export const errorBody = (code: keyof typeof errorMessages, message?: string | ReadonlyArray<string>) => ({
  error: { message: message ?? errorMessages[code], error_code: code }
})

export const monicaError = (
  status: number,
  code: keyof typeof errorMessages,
  message?: string | ReadonlyArray<string>
) => jsonResponse(status, errorBody(code, message))

export const notFound = () => monicaError(404, 31)
export const validationFailed = (messages: ReadonlyArray<string>) => monicaError(422, 32, messages)

/** Monica's refusal to change an archived contact or its fields (422, code 32). */
export const archivedMessage = "Archived contact can’t be edited, please unarchive it first."

/** Laravel's answer to a missing or unknown token when the client expects JSON. */
export const unauthenticated = () => jsonResponse(401, { message: "Unauthenticated." })

const acceptedSorts = ["created_at", "updated_at", "completed_at", "called_at", "favorited_at"]

export interface Settings {
  readonly tokens: Readonly<Record<string, number>>
  readonly perPage: number
  readonly maxPerPage: number
  readonly limiter: MonicaRateLimiter
}

export interface RequestContext {
  readonly accountId: number
  readonly params: Readonly<Record<string, string | undefined>>
  readonly query: Readonly<Record<string, string>>
  /** The JSON body after `TrimStrings` and `ConvertEmptyStringsToNull`; `{}` for GET and DELETE. */
  readonly body: Readonly<Record<string, unknown>>
  /** A body was sent but gave no named input (not sent as JSON, or a JSON scalar or non-empty array): `body` is `{}`. */
  readonly bodyIgnored: boolean
  /** Page size for this request: `limit` when given and positive, else the configured default. */
  readonly perPage: number
  readonly baseUrl: string
  readonly path: string
}

// PHP 8 compares a numeric string as a number and anything else as a string against "100".
const isPhpNumeric = (text: string) => /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/u.test(text)
const limitTooBig = (text: string, max: number) => isPhpNumeric(text) ? Number(text) > max : text > String(max)

const firstValues = (params: Readonly<Record<string, string | ReadonlyArray<string>>>) =>
  Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, typeof value === "string" ? value : value[0] ?? ""])
  )

/** One Monica API route: the shared checks, then `handler`, with the throttle headers on whatever it answers. */
export const monicaRoute = (
  settings: Settings,
  method: HttpMethod.HttpMethod,
  path: `/api/${string}`,
  handler: (context: RequestContext) => Effect.Effect<HttpServerResponse.HttpServerResponse, PlatformError>
) =>
  HttpRouter.route(
    method,
    path,
    Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const authorization = request.headers["authorization"] ?? ""
      const token = /^Bearer\s+(.+)$/iu.exec(authorization)?.[1]?.trim() ?? ""
      const accountId = settings.tokens[token]
      // Only authenticated tokens are counted, so junk tokens leave no throttle state behind.
      if (accountId === undefined) return unauthenticated()
      const throttle = yield* settings.limiter.hit(token)
      if (throttle._tag === "Exceeded") {
        return jsonResponse(
          429,
          errorBody(34),
          exceededHeaders(throttle.limit, throttle.retryAfterSeconds, throttle.resetAt)
        )
      }
      // Only an allowed (counted) request carries throttle headers; otherwise the response is left as it is.
      const respond = throttle._tag === "Allowed"
        ? (response: HttpServerResponse.HttpServerResponse) =>
          HttpServerResponse.setHeaders(response, allowedHeaders(throttle))
        : (response: HttpServerResponse.HttpServerResponse) => response

      const query = firstValues(yield* HttpServerRequest.ParsedSearchParams)
      if ("sort" in query) {
        const sort = query["sort"]?.trim() ?? ""
        if (!acceptedSorts.includes(sort.startsWith("-") ? sort.slice(1) : sort)) return respond(monicaError(400, 39))
      }
      const limitText = query["limit"]?.trim() ?? ""
      if (limitText !== "" && limitTooBig(limitText, settings.maxPerPage)) return respond(monicaError(400, 30))
      const limit = isPhpNumeric(limitText) ? Math.trunc(Number(limitText)) : 0

      let body: Record<string, unknown> = {}
      let bodyIgnored = false
      if (method !== "GET" && method !== "DELETE") {
        const text = yield* readBodyText
        if (text.trim() !== "" && !isJsonContentType(request.headers["content-type"])) {
          bodyIgnored = true
        } else if (text.trim() !== "") {
          const parsed = parseJson(text)
          if (Result.isFailure(parsed) || parsed.success === null) return respond(monicaError(400, 37))
          const normalized = normalizeInput(parsed.success)
          // A JSON scalar or array gives Laravel no named inputs, so validation reports the fields as missing. An
          // empty array is how PHP clients encode an empty input (`json_encode([])`), so it is that, not ignored.
          if (normalized !== null && typeof normalized === "object" && !Array.isArray(normalized)) {
            body = normalized as Record<string, unknown>
          } else if (!Array.isArray(normalized) || normalized.length > 0) {
            bodyIgnored = true
          }
        }
      }
      const params = yield* HttpRouter.params
      const host = request.headers["host"] ?? "localhost"
      return respond(
        yield* handler({
          accountId,
          params,
          query,
          body,
          bodyIgnored,
          perPage: limit > 0 ? limit : settings.perPage,
          baseUrl: `http://${host}`,
          path: request.url.split("?")[0] ?? ""
        })
      )
    })
  )

/**
 * A numeric route id, or undefined when the segment is not one (Monica then finds nothing). Only digits: a route
 * segment is not input, so neither `TrimStrings` nor PHP's integer filter (signs, spaces, NUL) applies to it.
 */
export const routeId = (context: RequestContext, name = "id"): number | undefined => {
  const raw = context.params[name] ?? ""
  return /^\d{1,15}$/u.test(raw) ? asInteger(raw) : undefined
}

/** Laravel's `?page=`: a positive integer, anything else means page 1. */
const currentPage = (context: RequestContext) => {
  const page = asInteger(context.query["page"] ?? "")
  return page !== undefined && page >= 1 ? page : 1
}

// Laravel's UrlWindow with onEachSide = 3: every page when there are few, else a slider with "..." gaps.
const pageWindow = (current: number, last: number): ReadonlyArray<number | "..."> => {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)
  if (last < 14) return range(1, last)
  if (current <= 7) return [...range(1, 10), "...", last - 1, last]
  if (current > last - 7) return [1, 2, "...", ...range(last - 9, last)]
  return [1, 2, "...", ...range(current - 3, current + 3), "...", last - 1, last]
}

/** Items to page through without copying them: how many, and the ones at positions `start` to `end`. */
export interface Paged<A> {
  readonly total: number
  readonly slice: (start: number, end: number) => ReadonlyArray<A>
}

/**
 * Laravel's `ResourceCollection` response for one page of `items`, each rendered as the UTF-8 of its JSON by
 * `renderBytes` (the resources keep their rows' bytes, `MonicaResourceBytes.ts`): the page's `data` array is joined
 * from those into the envelope's own serialisation, the same bytes as serialising the whole page at once.
 */
export const paginated = <A>(
  context: RequestContext,
  items: ReadonlyArray<A> | Paged<A>,
  renderBytes: (item: A) => Uint8Array,
  extraMeta: Readonly<Record<string, unknown>> = {}
) => {
  const page = currentPage(context)
  const perPage = context.perPage
  const paged: Paged<A> = "total" in items
    ? items
    : { total: items.length, slice: (start, end) => items.slice(start, end) }
  const total = paged.total
  const lastPage = Math.max(Math.ceil(total / perPage), 1)
  const slice = paged.slice((page - 1) * perPage, page * perPage)
  const path = `${context.baseUrl}${context.path}`
  const url = (n: number) => `${path}?page=${n}`
  const prev = page > 1 ? url(page - 1) : null
  const next = page < lastPage ? url(page + 1) : null
  const envelope = {
    data: [],
    links: { first: url(1), last: url(lastPage), prev, next },
    meta: {
      current_page: page,
      from: slice.length === 0 ? null : (page - 1) * perPage + 1,
      last_page: lastPage,
      links: [
        { url: prev, label: "❮ Previous", active: false },
        ...pageWindow(page, lastPage).map((n) =>
          n === "..."
            ? { url: null, label: "...", active: false }
            : { url: url(n), label: String(n), active: n === page }
        ),
        { url: next, label: "Next ❯", active: false }
      ],
      path,
      per_page: perPage,
      to: slice.length === 0 ? null : (page - 1) * perPage + slice.length,
      total,
      ...extraMeta
    }
  }
  return jsonBytesResponse(200, withJsonRowBytes(envelope, "data", slice.map(renderBytes)))
}

/** What a write decides: the response, and the state to commit (the same state when it refuses). */
export type Outcome = readonly [response: HttpServerResponse.HttpServerResponse, state: MonicaState]

/**
 * A route handler that decides in one `Ref.modify`: every check runs on the state as read, and
 * the new state is committed with the response, or not at all.
 */
export const write = (
  state: Ref.Ref<MonicaState>,
  operation: (current: MonicaState, context: RequestContext, now: number) => Outcome
) =>
(context: RequestContext) =>
  Effect.flatMap(Clock.currentTimeMillis, (now) => Ref.modify(state, (current) => operation(current, context, now)))
