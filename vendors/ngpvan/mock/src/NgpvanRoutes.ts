/**
 * The NGP API's contact endpoints under `/v2` over the in-memory state:
 * - `GET /v2/contacts?$top&$skip` → `{items, count, nextPageLink}` (NGP VAN's shared paging; null on the last page);
 * - `POST /v2/contacts` → 201 `{contactId}` for a new contact, 200 with the matched contact's id after a merge;
 * - `POST /v2/contacts/findOrCreate` → 200 with a match (left unchanged), else 201;
 * - `GET /v2/contacts/{contactId}` → the contact; `POST /v2/contacts/{contactId}` → update, 200 `{contactId}`.
 * A `contactId` in a create body answers 301 to that contact's resource. Order of checks: credential (401), body
 * (400), redirect (301), contact (404), validation (400); every check happens before the one `Ref.modify` that
 * commits, so bad input never changes state.
 */
import {
  fromVendorError,
  jsonBytesResponse,
  jsonResponse,
  type PlatformError,
  readJsonBody,
  withJsonRowBytes
} from "@contactkit/mock-platform"
import { Effect, Ref } from "effect"
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "effect/http"
import { tenantOf } from "./NgpvanAuth.ts"
import { errorResponse, invalid, notFound, unauthorized } from "./NgpvanErrors.ts"
import { contactIdOf } from "./NgpvanIds.ts"
import { findMatch, merge, newData, update } from "./NgpvanMerge.ts"
import {
  contactIn,
  contactPage,
  matchCandidates,
  newContact,
  type NgpvanState,
  type StoredContact,
  type Tenant,
  withContact
} from "./NgpvanState.ts"
import { identificationError, validateContact } from "./NgpvanValidation.ts"
import { wireBytes } from "./NgpvanWireBytes.ts"

const base = "/v2/contacts"
const defaultTop = 50
const maxTop = 200

type Response = HttpServerResponse.HttpServerResponse
type Handler = (
  tenant: Tenant,
  request: HttpServerRequest.HttpServerRequest
) => Effect.Effect<Response, PlatformError, HttpServerRequest.HttpServerRequest | HttpRouter.RouteContext>

const authenticated = (handler: Handler) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const tenant = tenantOf(request.headers)
    return tenant === undefined ? fromVendorError(unauthorized) : yield* handler(tenant, request)
  })

const badRequest = (errors: Parameters<typeof errorResponse>[1]) => fromVendorError(errorResponse(400, errors))

/** "If you [send contactId], the response will be a 301 redirect to the correct /contacts/{contactId} resource." */
const redirectFor = (body: unknown, except?: string): Response | undefined => {
  if (typeof body !== "object" || body === null || !("contactId" in body)) return undefined
  const contactId = (body as { readonly contactId: unknown }).contactId
  if (contactId === undefined || contactId === null || contactId === except) return undefined
  if (typeof contactId !== "string" || contactId === "") {
    return badRequest([invalid("contactId must be a contact id.", "contactId")])
  }
  return HttpServerResponse.redirect(`${base}/${encodeURIComponent(contactId)}`, { status: 301 })
}

/** `$top` / `$skip` as NGP VAN's pagination documents them, or the error naming the bad one. */
const pageQuery = (url: string) => {
  const query = new URLSearchParams(url.includes("?") ? url.slice(url.indexOf("?") + 1) : "")
  const read = (name: string, fallback: number, min: number, max: number) => {
    const text = query.get(name)
    if (text === null || text === "") return fallback
    return /^\d{1,9}$/u.test(text) && Number(text) >= min && Number(text) <= max ? Number(text) : undefined
  }
  const top = read("$top", defaultTop, 1, maxTop)
  const skip = read("$skip", 0, 0, Number.MAX_SAFE_INTEGER)
  if (top === undefined) return invalid(`$top must be a whole number from 1 to ${maxTop}.`, "$top")
  if (skip === undefined) return invalid("$skip must be a whole number of at least 0.", "$skip")
  return { top, skip }
}

const origin = (request: HttpServerRequest.HttpServerRequest) =>
  `${request.headers["x-forwarded-proto"] ?? "http"}://${request.headers["host"] ?? "127.0.0.1"}`

export const ngpvanRoutes = (state: Ref.Ref<NgpvanState>) => {
  const listContacts: Handler = (tenant, request) =>
    Effect.map(Ref.get(state), (s) => {
      const query = pageQuery(request.url)
      if ("code" in query) return badRequest([query])
      const { count, items } = contactPage(s, tenant, query.skip, query.top)
      const next = query.skip + query.top
      const nextPageLink = next < count ? `${origin(request)}${base}?$top=${query.top}&$skip=${next}` : null
      // The contacts' bytes are kept per stored contact (`NgpvanWireBytes`) and joined into the envelope's.
      return jsonBytesResponse(200, withJsonRowBytes({ items: [], count, nextPageLink }, "items", items.map(wireBytes)))
    })

  /** Create (`merge`: a match takes the data) or find-or-create (a match is left as it is). */
  const createContact = (onMatch: "merge" | "find"): Handler => (tenant) =>
    Effect.gen(function*() {
      const body = yield* readJsonBody
      const redirect = redirectFor(body)
      if (redirect !== undefined) return redirect
      const validated = validateContact(body)
      if (!validated.ok) return badRequest(validated.errors)
      const data = newData(validated.value)
      const unidentified = identificationError(data)
      if (unidentified !== undefined) return badRequest([unidentified])
      return yield* Ref.modify(state, (s): readonly [Response, NgpvanState] => {
        const match = findMatch(matchCandidates(s, tenant, data), data)
        if (match === undefined) {
          const created = newContact(s, tenant, data)
          return [jsonResponse(201, { contactId: contactIdOf(created.id) }), withContact(s, created)]
        }
        const ok = jsonResponse(200, { contactId: contactIdOf(match.id) })
        return onMatch === "find" ? [ok, s] : [ok, withContact(s, merge(match, validated.value))]
      })
    })

  const getContact: Handler = (tenant) =>
    Effect.gen(function*() {
      const { contactId = "" } = yield* HttpRouter.params
      const contact = contactIn(yield* Ref.get(state), tenant, contactId)
      return contact === undefined ? fromVendorError(notFound) : jsonBytesResponse(200, wireBytes(contact))
    })

  const updateContact: Handler = (tenant) =>
    Effect.gen(function*() {
      const { contactId = "" } = yield* HttpRouter.params
      const body = yield* readJsonBody
      const redirect = redirectFor(body, contactId)
      if (redirect !== undefined) return redirect
      return yield* Ref.modify(state, (s): readonly [Response, NgpvanState] => {
        const stored = contactIn(s, tenant, contactId)
        if (stored === undefined) return [fromVendorError(notFound), s]
        const validated = validateContact(body, stored.type)
        if (!validated.ok) return [badRequest(validated.errors), s]
        const updated: StoredContact = update(stored, validated.value)
        const unidentified = identificationError(updated)
        if (unidentified !== undefined) return [badRequest([unidentified]), s]
        return [jsonResponse(200, { contactId: contactIdOf(updated.id) }), withContact(s, updated)]
      })
    })

  return [
    HttpRouter.route("GET", base, authenticated(listContacts)),
    HttpRouter.route("POST", base, authenticated(createContact("merge"))),
    HttpRouter.route("POST", `${base}/findOrCreate`, authenticated(createContact("find"))),
    HttpRouter.route("GET", `${base}/:contactId`, authenticated(getContact)),
    HttpRouter.route("POST", `${base}/:contactId`, authenticated(updateContact))
  ]
}
