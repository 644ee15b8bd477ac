/**
 * Phone.com v4 contact and contact-group endpoints over the in-memory state: bearer auth, account ownership (403),
 * extension/contact/group existence (404), validation (422), list queries (400 on bad parameters), PUT = full
 * replace, DELETE → `{"success": true}`. Every check happens before the one `Ref.modify` that commits a change,
 * so bad input never changes state.
 */
import {
  fromVendorError,
  jsonBytesResponse,
  jsonResponse,
  type PlatformError,
  readJsonBody,
  withJsonRowBytes
} from "@contactkit/mock-platform"
import { Clock, Effect, Ref } from "effect"
import { HttpRouter, HttpServerRequest } from "effect/http"
import type { HttpServerResponse } from "effect/http"
import { phonecomError, validationError } from "./PhonecomErrors.ts"
import type { ListSpec } from "./PhonecomListQuery.ts"
import { orderedArray, parseListQuery } from "./PhonecomListQuery.ts"
import type { PhonecomState, StoredContact, StoredGroup } from "./PhonecomState.ts"
import {
  accountsByToken,
  contactIn,
  contactsOf,
  groupIn,
  groupsOf,
  groupToWire,
  withContact,
  withGroup,
  withoutContact,
  withoutGroup
} from "./PhonecomState.ts"
import { validateContact, validateGroup } from "./PhonecomValidation.ts"
import { contactBytes } from "./PhonecomWireJson.ts"

const base = "/v4/accounts/:account_id/extensions/:extension_id"

const contactList: ListSpec<StoredContact> = {
  filters: {
    id: { kind: "number", get: (c) => c.id },
    group_id: { kind: "number", get: (c) => c.groupId },
    updated_at: { kind: "number", get: (c) => c.updated_at }
  },
  sorts: { id: { kind: "number", get: (c) => c.id }, updated_at: { kind: "number", get: (c) => c.updated_at } },
  id: (c) => c.id
}

const groupList: ListSpec<StoredGroup> = {
  filters: { id: { kind: "number", get: (g) => g.id }, name: { kind: "string", get: (g) => g.name } },
  sorts: { id: { kind: "number", get: (g) => g.id }, name: { kind: "string", get: (g) => g.name } },
  id: (g) => g.id
}

/** One to nine ASCII digits (checked by hand: three ids per request, and the regex was a visible share of a GET). */
const parseId = (value: string | undefined): number | undefined => {
  if (value === undefined || value.length === 0 || value.length > 9) return undefined
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 48 || code > 57) return undefined
  }
  return Number(value)
}

/** What a request that passed auth and scoping may touch. */
interface Scope {
  readonly extensionId: number
  readonly now: number
  readonly params: Readonly<Record<string, string | undefined>>
  readonly request: HttpServerRequest.HttpServerRequest
}

/** A body that cannot be read (too large, not JSON) fails with `PlatformError`, which the platform renders. */
type Handler = (
  scope: Scope
) => Effect.Effect<HttpServerResponse.HttpServerResponse, PlatformError, HttpServerRequest.HttpServerRequest>

const fail = (status: number, message: string, now: number) => fromVendorError(phonecomError(status, message, now))

/** Bearer token → account → extension: 401, then 403, then 404, in that order. */
const scoped = (handler: Handler) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const params = yield* HttpRouter.params
    const now = yield* Clock.currentTimeMillis
    const match = /^Bearer\s+(\S+)\s*$/u.exec(request.headers["authorization"] ?? "")
    const account = match === null ? undefined : accountsByToken.get(match[1] ?? "")
    if (account === undefined) return fail(401, "Unauthorized", now)
    if (parseId(params["account_id"]) !== account.id) return fail(403, "Forbidden", now)
    const extensionId = parseId(params["extension_id"])
    if (extensionId === undefined || !account.extensions.includes(extensionId)) return fail(404, "Not Found", now)
    return yield* handler({ extensionId, now, params, request })
  })

/** Phone.com's timestamps are Unix seconds. */
const seconds = (now: number) => Math.floor(now / 1000)

const searchParams = (request: HttpServerRequest.HttpServerRequest) =>
  new URLSearchParams(request.url.includes("?") ? request.url.slice(request.url.indexOf("?") + 1) : "")

export const phonecomRoutes = (state: Ref.Ref<PhonecomState>) => {
  const findContact = (s: PhonecomState, scope: Scope) => {
    const id = parseId(scope.params["contact_id"])
    return id === undefined ? undefined : contactIn(s, scope.extensionId, id)
  }
  const findGroup = (s: PhonecomState, scope: Scope) => {
    const id = parseId(scope.params["group_id"])
    return id === undefined ? undefined : groupIn(s, scope.extensionId, id)
  }

  const listContacts: Handler = (scope) =>
    Effect.map(Ref.get(state), (s) => {
      const parsed = parseListQuery(contactList, searchParams(scope.request))
      if (!parsed.ok) return fail(400, parsed.message, scope.now)
      const { filters, limit, offset, sort } = parsed.query
      const page = parsed.query.apply(contactsOf(s, scope.extensionId))
      // The contacts' bytes are kept per stored contact (`PhonecomWireJson`) and joined into the envelope's.
      const items = page.items.map((c) => contactBytes(s, c))
      return jsonBytesResponse(
        200,
        withJsonRowBytes({ filters, sort, total: page.total, offset, limit, items: [] }, "items", items)
      )
    })

  /** POST (no contact) creates; PUT (existing contact) replaces everything but id and created_at. */
  const writeContact = (replace: boolean): Handler => (scope) =>
    Effect.gen(function*() {
      const body = yield* readJsonBody
      return yield* Ref.modify(state, (s): readonly [HttpServerResponse.HttpServerResponse, PhonecomState] => {
        const existing = replace ? findContact(s, scope) : undefined
        if (replace && existing === undefined) return [fail(404, "Not Found", scope.now), s]
        const validated = validateContact(body, groupsOf(s, scope.extensionId))
        if (!validated.ok) return [fromVendorError(validationError(validated.details, scope.now)), s]
        const time = seconds(scope.now)
        const contact: StoredContact = {
          ...validated.value,
          id: existing?.id ?? s.nextContactId,
          extensionId: scope.extensionId,
          created_at: existing?.created_at ?? time,
          updated_at: time
        }
        const next = withContact(s, contact)
        return [jsonBytesResponse(replace ? 200 : 201, contactBytes(next, contact)), next]
      })
    })

  const getContact: Handler = (scope) =>
    Effect.map(Ref.get(state), (s) => {
      const contact = findContact(s, scope)
      return contact === undefined
        ? fail(404, "Not Found", scope.now)
        : jsonBytesResponse(200, contactBytes(s, contact))
    })

  const deleteContact: Handler = (scope) =>
    Ref.modify(state, (s): readonly [HttpServerResponse.HttpServerResponse, PhonecomState] => {
      const contact = findContact(s, scope)
      return contact === undefined
        ? [fail(404, "Not Found", scope.now), s]
        : [jsonResponse(200, { success: true }), withoutContact(s, contact)]
    })

  const listGroups: Handler = (scope) =>
    Effect.map(Ref.get(state), (s) => {
      const parsed = parseListQuery(groupList, searchParams(scope.request))
      if (!parsed.ok) return fail(400, parsed.message, scope.now)
      const { filters, limit, offset, sort } = parsed.query
      const page = parsed.query.apply(orderedArray(groupsOf(s, scope.extensionId)))
      return jsonResponse(200, { filters, sort, total: page.total, offset, limit, items: page.items.map(groupToWire) })
    })

  const writeGroup = (replace: boolean): Handler => (scope) =>
    Effect.gen(function*() {
      const body = yield* readJsonBody
      return yield* Ref.modify(state, (s): readonly [HttpServerResponse.HttpServerResponse, PhonecomState] => {
        const existing = replace ? findGroup(s, scope) : undefined
        if (replace && existing === undefined) return [fail(404, "Not Found", scope.now), s]
        const validated = validateGroup(body, groupsOf(s, scope.extensionId), existing?.id)
        if (!validated.ok) return [fromVendorError(validationError(validated.details, scope.now)), s]
        const group: StoredGroup = {
          id: existing?.id ?? s.nextGroupId,
          extensionId: scope.extensionId,
          name: validated.value.name
        }
        return [jsonResponse(replace ? 200 : 201, groupToWire(group)), withGroup(s, group)]
      })
    })

  const getGroup: Handler = (scope) =>
    Effect.map(Ref.get(state), (s) => {
      const group = findGroup(s, scope)
      return group === undefined ? fail(404, "Not Found", scope.now) : jsonResponse(200, groupToWire(group))
    })

  const deleteGroup: Handler = (scope) =>
    Ref.modify(state, (s): readonly [HttpServerResponse.HttpServerResponse, PhonecomState] => {
      const group = findGroup(s, scope)
      return group === undefined
        ? [fail(404, "Not Found", scope.now), s]
        : [jsonResponse(200, { success: true }), withoutGroup(s, group, seconds(scope.now))]
    })

  return [
    HttpRouter.route("GET", `${base}/contacts`, scoped(listContacts)),
    HttpRouter.route("POST", `${base}/contacts`, scoped(writeContact(false))),
    HttpRouter.route("GET", `${base}/contacts/:contact_id`, scoped(getContact)),
    HttpRouter.route("PUT", `${base}/contacts/:contact_id`, scoped(writeContact(true))),
    HttpRouter.route("DELETE", `${base}/contacts/:contact_id`, scoped(deleteContact)),
    HttpRouter.route("GET", `${base}/contact-groups`, scoped(listGroups)),
    HttpRouter.route("POST", `${base}/contact-groups`, scoped(writeGroup(false))),
    HttpRouter.route("GET", `${base}/contact-groups/:group_id`, scoped(getGroup)),
    HttpRouter.route("PUT", `${base}/contact-groups/:group_id`, scoped(writeGroup(true))),
    HttpRouter.route("DELETE", `${base}/contact-groups/:group_id`, scoped(deleteGroup))
  ]
}
