/**
 * What every Deskpro v2 route does before its handler: authenticate the API key (`Authorization: key {id}:{code}`
 * → 401 with Deskpro's body), count the request against that key's limit (→ 429), and hand the handler the
 * helpdesk, the path parameters, the query and the time. Also the pieces the handlers share: Deskpro's
 * `{data, meta, linked}` envelope and `include=organization`.
 */
import type { PlatformError } from "@contactkit/mock-platform"
import { Clock, Effect } from "effect"
import { HttpRouter, HttpServerRequest, type HttpServerResponse } from "effect/http"
import type { HttpMethod } from "effect/http"
import { rateLimited, unauthorized } from "./DeskproErrors.ts"
import type { KeyLimiter } from "./DeskproRateLimit.ts"
import {
  type DeskproState,
  helpdeskByKey,
  type HelpdeskId,
  organizationIn,
  organizationToWire,
  personIn,
  personToWire,
  type StoredPerson
} from "./DeskproState.ts"

export type Response = HttpServerResponse.HttpServerResponse

export interface Context {
  readonly helpdesk: HelpdeskId
  readonly params: Readonly<Record<string, string | undefined>>
  readonly search: URLSearchParams
  /** `http://host`, for `Location`. */
  readonly origin: string
  readonly now: number
}

export type Handler = (context: Context) => Effect.Effect<Response, PlatformError, HttpServerRequest.HttpServerRequest>

export const peoplePath = "/api/v2/people"

/** One Deskpro route: key, limit, then `handler`. */
export const deskproRoute =
  (limiter: KeyLimiter) => (method: HttpMethod.HttpMethod, path: `/${string}`, handler: Handler) =>
    HttpRouter.route(
      method,
      path,
      Effect.gen(function*() {
        const request = yield* HttpServerRequest.HttpServerRequest
        const key = /^key\s+(\S+)\s*$/iu.exec(request.headers["authorization"] ?? "")?.[1] ?? ""
        const helpdesk = helpdeskByKey.get(key)
        if (helpdesk === undefined) return unauthorized()
        if (!(yield* limiter.allow(key))) return rateLimited()
        const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?") + 1) : ""
        return yield* handler({
          helpdesk,
          params: yield* HttpRouter.params,
          search: new URLSearchParams(query),
          origin: `http://${request.headers["host"] ?? "127.0.0.1"}`,
          now: yield* Clock.currentTimeMillis
        })
      })
    )

/** A route id: a positive integer, else nothing (which no person has). */
export const parseId = (text: string | undefined) =>
  text !== undefined && /^[1-9]\d{0,9}$/u.test(text) ? Number(text) : undefined

/** The person the route's `:id` names, if it is one of this helpdesk's. */
export const findPerson = (state: DeskproState, context: Context) => {
  const id = parseId(context.params["id"])
  return id === undefined ? undefined : personIn(state, context.helpdesk, id)
}

/** `linked.organization.{id}` for the people shown, when `include` asks for it. */
export const linkedFor = (state: DeskproState, context: Context, people: ReadonlyArray<StoredPerson>) => {
  const include = (context.search.get("include") ?? "").split(",").map((name) => name.trim())
  if (!include.includes("organization")) return {}
  const organization: Record<string, unknown> = {}
  for (const person of people) {
    const found = person.organization === null
      ? undefined
      : organizationIn(state, context.helpdesk, person.organization)
    if (found !== undefined) organization[String(found.id)] = organizationToWire(found)
  }
  return { organization }
}

export const personEnvelope = (state: DeskproState, context: Context, person: StoredPerson) => ({
  data: personToWire(person),
  meta: {},
  linked: linkedFor(state, context, [person])
})
