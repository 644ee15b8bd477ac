/**
 * Deskpro v2's people endpoints over the in-memory state (the request pipeline is DeskproRequest). A person of
 * another helpdesk is a 404. Writes check everything, then commit in one `Ref.modify` — or, refused, change nothing.
 *
 * POST creates (201, `Location`, the person), PUT updates what it is sent (204 and `Location`, or 200 with the
 * person when `follow_location=1`), DELETE deletes (200). POST on a person, Deskpro's old update verb, is no route:
 * the platform answers it, like every method a path does not take, with the 405 of `renderDeskproError`. `include=organization` side-loads each person's organization into `linked`; a person's
 * contact-data records are readable on their own.
 */
import {
  jsonBytesResponse,
  jsonResponse,
  readBodyText,
  readJsonBody,
  withJsonRowBytes
} from "@contactkit/mock-platform"
import { Effect, Ref } from "effect"
import { HttpServerResponse } from "effect/http"
import { recordToWire } from "./DeskproContactData.ts"
import { invalidInput, invalidJsonBody, notFound } from "./DeskproErrors.ts"
import { pageOf, parsePaging, selectPeople } from "./DeskproListQuery.ts"
import type { KeyLimiter } from "./DeskproRateLimit.ts"
import {
  type Context,
  deskproRoute,
  findPerson,
  type Handler,
  linkedFor,
  parseId,
  peoplePath,
  personEnvelope,
  type Response
} from "./DeskproRequest.ts"
import { type DeskproState, peopleOf, withoutPerson } from "./DeskproState.ts"
import { checkPerson, type WriteMode } from "./DeskproValidation.ts"
import { envelopeBytes, personBytes } from "./DeskproWireBytes.ts"
import { applyWrite } from "./DeskproWrite.ts"

type State = Ref.Ref<DeskproState>

const location = (context: Context, id: number) => ({ location: `${context.origin}${peoplePath}/${id}` })

const list = (state: State): Handler => (context) =>
  Effect.map(Ref.get(state), (s) => {
    const selection = selectPeople(peopleOf(s, context.helpdesk), context.search)
    if (!selection.ok) return invalidInput(selection.problems)
    const page = pageOf(selection.value.selected, selection.value.paging)
    // The people's bytes are kept per stored person (`DeskproWireBytes`) and joined into the envelope's.
    const envelope = { data: [], meta: page.meta, linked: linkedFor(s, context, page.items) }
    return jsonBytesResponse(200, withJsonRowBytes(envelope, "data", page.items.map(personBytes)))
  })

const get = (state: State): Handler => (context) =>
  Effect.map(Ref.get(state), (s) => {
    const person = findPerson(s, context)
    if (person === undefined) return notFound("The person")
    // `personEnvelope`, with the person's kept bytes.
    return jsonBytesResponse(200, envelopeBytes(person, { meta: {}, linked: linkedFor(s, context, [person]) }))
  })

const write = (state: State, mode: WriteMode): Handler => (context) =>
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
      if (mode === "create") return [jsonResponse(201, personEnvelope(next, context, person), headers), next]
      return context.search.get("follow_location") === "1"
        ? [jsonResponse(200, personEnvelope(next, context, person), headers), next]
        : [HttpServerResponse.empty({ status: 204, headers }), next]
    })
  })

const remove = (state: State): Handler => (context) =>
  Ref.modify(state, (s): readonly [Response, DeskproState] => {
    const person = findPerson(s, context)
    return person === undefined
      ? [notFound("The person"), s]
      : [jsonResponse(200, { data: null, meta: {}, linked: {} }), withoutPerson(s, person)]
  })

const contactData = (state: State): Handler => (context) =>
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

const oneContactData = (state: State): Handler => (context) =>
  Effect.map(Ref.get(state), (s) => {
    const id = parseId(context.params["contactDataId"])
    const record = findPerson(s, context)?.contact_data.find((r) => r.id === id)
    return record === undefined
      ? notFound("The contact data")
      : jsonResponse(200, { data: recordToWire(record), meta: {}, linked: {} })
  })

export const deskproRoutes = (state: State, limiter: KeyLimiter) => {
  const route = deskproRoute(limiter)
  return [
    route("GET", peoplePath, list(state)),
    route("POST", peoplePath, write(state, "create")),
    route("GET", `${peoplePath}/:id`, get(state)),
    route("PUT", `${peoplePath}/:id`, write(state, "update")),
    route("DELETE", `${peoplePath}/:id`, remove(state)),
    route("GET", `${peoplePath}/:id/contact_data`, contactData(state)),
    route("GET", `${peoplePath}/:id/contact_data/:contactDataId`, oneContactData(state))
  ]
}
