/**
 * What every Deskpro Legacy API route shares, in the order the server does it: `RequestAuth` finds the API key
 * (header, then the `API-KEY` parameter, then Basic), `AbstractController::preAction` answers 401 without one and
 * checks the optional rate limit, and the input reader offers the query string and the body (form or JSON) as one
 * set of parameters. Also the API's answers: `createApiErrorResponse`, the `multiple` body, `createApiCreateResponse`
 * with its `Location`, `createSuccessResponse`, and the `http_error.404` of a `NotFoundHttpException`.
 */
import { jsonResponse, type PlatformError, readBodyText } from "@contactkit/mock-platform"
import { Clock, Effect, Ref } from "effect"
import type { HttpMethod } from "effect/http"
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "effect/http"
import { type Params, parseForm, parseJson, phpTrim } from "./LegacyInput.ts"
import type { LegacyRateLimiter, Throttle } from "./LegacyRateLimit.ts"
import { rateLimitHeaders } from "./LegacyRateLimit.ts"
import type { LegacyState } from "./LegacyState.ts"

export interface Settings {
  /** Key string `{id}:{code}` → helpdesk. */
  readonly keys: Readonly<Record<string, number>>
  readonly limiter: LegacyRateLimiter
}

export interface RequestContext {
  readonly helpdesk: number
  /** The route's path parameters, as matched. */
  readonly path: Readonly<Record<string, string | undefined>>
  /** Query string and body parameters (the body's win, as in PHP's `$_REQUEST`). */
  readonly params: Params
  /** `http://host/api`, for `Location`. */
  readonly apiUrl: string
  /** `GET /api/people/abc`: what Symfony names when no route matches. */
  readonly route: string
}

export const errorResponse = (code: string, message: string, status = 400) =>
  jsonResponse(status, { error_code: code, error_message: message })

export const multipleErrors = (errors: Readonly<Record<string, readonly [string, string]>>) =>
  jsonResponse(400, { error_code: "multiple", errors })

export const notFound = (message: string) => errorResponse("http_error.404", message, 404)

export const created = (id: number, location: string) => jsonResponse(201, { id }, { location })

export const success = () => jsonResponse(200, { success: true })

export const invalidAuth = () =>
  jsonResponse(401, { error_code: "invalid_auth", error_message: "Please provide a valid API key or token" }, {
    "www-authenticate": "Basic realm=\"API\""
  })

const basicCredentials = (authorization: string): string | undefined => {
  const encoded = /^Basic\s+(\S+)$/iu.exec(authorization)?.[1]
  if (encoded === undefined) return undefined
  const decoded = Buffer.from(encoded, "base64").toString("utf8")
  const colon = decoded.indexOf(":")
  const user = colon < 0 ? decoded : decoded.slice(0, colon)
  const password = colon < 0 ? "" : decoded.slice(colon + 1)
  return user !== "" && password !== "" ? `${user}:${password}` : undefined
}

/** The key string `RequestAuth::getRequestValue` reads: the first source present wins, valid or not. */
export const keyString = (headers: Readonly<Record<string, string | undefined>>, form: Params): string => {
  const header = headers["x-deskpro-api-key"]
  if (header !== undefined && header !== "") return header
  const parameter = form["API-KEY"]
  if ((typeof parameter === "string" && parameter !== "") || typeof parameter === "number") {
    return phpTrim(String(parameter))
  }
  return basicCredentials(headers["authorization"] ?? "") ?? ""
}

/** The path as the client sent it (the platform escapes `;` in `url` before routing; Symfony names it as sent). */
const sentPath = (request: HttpServerRequest.HttpServerRequest) =>
  request.originalUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/iu, "").split("?")[0] ?? ""

const isForm = (contentType: string) => contentType.startsWith("application/x-www-form-urlencoded")
const isJson = (contentType: string) => contentType.startsWith("application/json") || /^[^;]*\+json/u.test(contentType)

/** One API route: auth, the rate limit, the parameters, then `handler`, with the rate-limit headers on its answer. */
export const legacyRoute = (
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
      const text = method === "GET" || method === "DELETE" ? "" : yield* readBodyText
      const contentType = (request.headers["content-type"] ?? "").toLowerCase()
      const query = parseForm(request.url.split("?").slice(1).join("?"))
      // PHP's $_REQUEST holds the query string and a form body; a JSON body reaches the input reader only.
      const form = isForm(contentType) ? { ...query, ...parseForm(text) } : query
      const helpdesk = settings.keys[keyString(request.headers, form)]
      if (helpdesk === undefined) return invalidAuth()
      const throttle: Throttle = yield* settings.limiter.hit(String(helpdesk))
      if (throttle._tag === "Exceeded") {
        return HttpServerResponse.setHeaders(
          errorResponse("rate_limit_exceeded", "Rate Limit Exceeded", 429),
          rateLimitHeaders(throttle)
        )
      }
      const params = isJson(contentType) ? { ...query, ...parseJson(text) } : form
      const host = request.headers["host"] ?? "localhost"
      const response = yield* handler({
        helpdesk,
        path: yield* HttpRouter.params,
        params,
        apiUrl: `http://${host}/api`,
        route: `${method} ${sentPath(request)}`
      })
      // With no limit set there are no headers to add, and the response is left as it is.
      return throttle._tag === "Off" ? response : HttpServerResponse.setHeaders(response, rateLimitHeaders(throttle))
    })
  )

/** A route path parameter as the number the route's `\d+` requirement matched; undefined when it is not digits. */
export const pathId = (context: RequestContext, name: string): number | undefined => {
  const text = context.path[name] ?? ""
  return /^\d+$/u.test(text) ? Number(text) : undefined
}

/** Symfony's 404 when a path parameter does not match its route's `\d+`. */
export const noRoute = (context: RequestContext) => notFound(`No route found for "${context.route}"`)

/** `_getPersonOr404`'s message. */
export const noPerson = (context: RequestContext, name = "person_id") =>
  notFound(`There is no person with ID ${context.path[name] ?? ""}`)

/** What a write decides: the response, and the state to commit (the same state when it refuses). */
export type Outcome = readonly [response: HttpServerResponse.HttpServerResponse, state: LegacyState]

/** A handler that checks and commits in one `Ref.modify`, so a refused request changes nothing. */
export const write = (
  state: Ref.Ref<LegacyState>,
  operation: (current: LegacyState, context: RequestContext, now: number) => Outcome
) =>
(context: RequestContext) =>
  Effect.flatMap(Clock.currentTimeMillis, (now) => Ref.modify(state, (current) => operation(current, context, now)))

/** A read-only handler over the current state. */
export const read = (
  state: Ref.Ref<LegacyState>,
  operation: (current: LegacyState, context: RequestContext) => HttpServerResponse.HttpServerResponse
) =>
(context: RequestContext) => Effect.map(Ref.get(state), (current) => operation(current, context))
