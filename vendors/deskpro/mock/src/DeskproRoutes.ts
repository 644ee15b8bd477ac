/**
 * Deskpro v2's people endpoints over the in-memory state. Every route authenticates the API key
 * (`Authorization: key {id}:{code}` → 401) and counts it against the key's limit (→ 429); a person of another
 * helpdesk is a 404. Writes check everything, then commit in one `Ref.modify` — or, refused, change nothing.
 *
 * POST creates (201, `Location`, the person), PUT updates what it is sent (204 and `Location`, or 200 with the
 * person when `follow_location=1`), DELETE deletes (200); POST on a person is Deskpro's old update verb and is
 * refused with 405. `include=organization` side-loads each person's organization into `linked`.
 */
import { jsonResponse, type PlatformError, readBodyText, readJsonBody } from "@contactkit/mock-platform"
import { Clock, Effect, Ref } from "effect"
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "effect/http"
import type { HttpMethod } from "effect/http"
import { recordToWire } from "./DeskproContactData.ts"
import { deskproError, invalidInput, invalidJsonBody, notFound, rateLimited, unauthorized } from "./DeskproErrors.ts"
import { pageOf, parsePaging, selectPeople } from "./DeskproListQuery.ts"
import type { KeyLimiter } from "./DeskproRateLimit.ts"
import {
  type DeskproState,
  helpdeskByKey,
  type HelpdeskId,
  organizationIn,
  organizationToWire,
  peopleOf,
  personIn,
  personToWire,
  type StoredPerson,
  withoutPerson
} from "./DeskproState.ts"
import { checkPerson, type WriteMode } from "./DeskproValidation.ts"
import { applyWrite } from "./DeskproWrite.ts"

type Response = HttpServerResponse.HttpServerResponse

interface Context {
  readonly helpdesk: HelpdeskId
  readonly params: Readonly<Record<string, string | undefined>>
  readonly search: URLSearchParams
  /** `http://host`, for `Location`. */
  readonly origin: string
  readonly now: number
}

type Handler = (context: Context) => Effect.Effect<Response, PlatformError, HttpServerRequest.HttpServerRequest>

const base = "/api/v2/people"

const parseId = (
  text: string | undefined
) => (text !== undefined && /^[1-9]\d{0,9}$/u.test(text) ? Number(text) : undefined)

const empty = { meta: {}, linked: {} }

/** `linked.organization.{id}` for the people shown, when `include` asks for it. */
const linkedFor = (state: DeskproState, context: Context, people: ReadonlyArray<StoredPerson>) => {
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

const envelope = (state: DeskproState, context: Context, person: StoredPerson) => ({
  data: personToWire(person),
  meta: {},
  linked: linkedFor(state, context, [person])
})

const location = (context: Context, id: number) => ({ location: `${context.origin}${base}/${id}` })

export const deskproRoutes = (state: Ref.Ref<DeskproState>, limiter: KeyLimiter) => {
  const route = (method: HttpMethod.HttpMethod, path: `/${string}`, handler: Handler) =>
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

  const findPerson = (s: DeskproState, context: Context) => {
    const id = parseId(context.params["id"])
    return id === undefined ? undefined : personIn(s, context.helpdesk, id)
  }

  const list: Handler = (context) =>
    Effect.map(Ref.get(state), (s) => {
      const selection = selectPeople(peopleOf(s, context.helpdesk), context.search)
      if (!selection.ok) return invalidInput(selection.problems)
      const page = pageOf(selection.value.selected, selection.value.paging)
      return jsonResponse(200, {
        data: page.items.map(personToWire),
        meta: page.meta,
        linked: linkedFor(s, context, page.items)
      })
    })

  const get: Handler = (context) =>
    Effect.map(Ref.get(state), (s) => {
      const person = findPerson(s, context)
      return person === undefined ? notFound("The person") : jsonResponse(200, envelope(s, context, person))
    })

  const write = (mode: WriteMode): Handler => (context) =>
    Effect.gen(function*() {
      // Deskpro's writes must carry a well-formed JSON payload: an empty body is not one.
      if ((yield* readBodyText).trim() === "") return invalidJsonBody()
      const body = yield* readJsonBody
      return yield* Ref.modify(state, (s): readonly [Response, DeskproState] => {
        const existing = mode === "update" ? findPerson(s, context) : undefined
        if (mode === "update" && existing === undefined) return [notFound("The person"), s]
        const checked = checkPerson(body, mode)
        if (!checked.ok) return [invalidInput(checked.problems), s]
        const applied = applyWrite(s, context.helpdesk, checked.value, existing, context.now)
        if (!applied.ok) return [invalidInput(applied.problems), s]
        const { person, state: next } = applied
        const headers = location(context, person.id)
        if (mode === "create") return [jsonResponse(201, envelope(next, context, person), headers), next]
        return context.search.get("follow_location") === "1"
          ? [jsonResponse(200, envelope(next, context, person), headers), next]
          : [HttpServerResponse.empty({ status: 204, headers }), next]
      })
    })

  const remove: Handler = (context) =>
    Ref.modify(state, (s): readonly [Response, DeskproState] => {
      const person = findPerson(s, context)
      return person === undefined
        ? [notFound("The person"), s]
        : [jsonResponse(200, { data: null, ...empty }), withoutPerson(s, person)]
    })

  const contactData: Handler = (context) =>
    Effect.map(Ref.get(state), (s) => {
      const person = findPerson(s, context)
      if (person === undefined) return notFound("The person")
      const problems: Parameters<typeof parsePaging>[1] = []
      const paging = parsePaging(context.search, problems)
      if (problems.length > 0) return invalidInput(problems)
      const records = person.contact_data.filter((r) => paging.ids === undefined || paging.ids.has(r.id))
      const page = pageOf(records, paging)
      return jsonResponse(200, { data: page.items.map(recordToWire), meta: page.meta, linked: {} })
    })

  const oneContactData: Handler = (context) =>
    Effect.map(Ref.get(state), (s) => {
      const person = findPerson(s, context)
      const id = parseId(context.params["contactDataId"])
      const record = person?.contact_data.find((r) => r.id === id)
      return record === undefined
        ? notFound("The contact data")
        : jsonResponse(200, { data: recordToWire(record), ...empty })
    })

  const oldUpdateVerb: Handler = () =>
    Effect.succeed(deskproError(405, "method_not_allowed", "Method not allowed: update a person with PUT."))

  return [
    route("GET", base, list),
    route("POST", base, write("create")),
    route("GET", `${base}/:id`, get),
    route("PUT", `${base}/:id`, write("update")),
    route("POST", `${base}/:id`, oldUpdateVerb),
    route("DELETE", `${base}/:id`, remove),
    route("GET", `${base}/:id/contact_data`, contactData),
    route("GET", `${base}/:id/contact_data/:contactDataId`, oneContactData)
  ]
}
