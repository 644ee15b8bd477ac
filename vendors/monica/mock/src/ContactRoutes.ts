/**
 * Monica's contact endpoints (`ApiContactController`, `CreateContact`, `UpdateContact`, `UpdateWorkInformation`):
 * list with search and pagination, get (optionally `with=contactfields`), create, update, delete, and the work
 * sub-resource (`PUT /api/contacts/{id}/work`: job and company). Lists show only the account's active, non-partial
 * contacts; an archived contact can be read but not edited.
 */
import { jsonResponse, OrderedIndex } from "@contactkit/mock-platform"
import { Effect, HashMap, Ref } from "effect"
import type { RequestContext, Settings } from "./MonicaHttp.ts"
import {
  archivedMessage,
  monicaError,
  monicaRoute,
  notFound,
  type Outcome,
  paginated,
  routeId,
  validationFailed,
  write
} from "./MonicaHttp.ts"
import { contactBytes, dataResponse } from "./MonicaResourceBytes.ts"
import { completeName, contactResource } from "./MonicaResources.ts"
import type { ContactRow, MonicaState } from "./MonicaState.ts"
import {
  fieldsOfContact,
  listedContacts,
  ofAccount,
  rowOf,
  uuidFor,
  withContactRow,
  withoutContact
} from "./MonicaState.ts"
import type { Rule, Rules } from "./MonicaValidation.ts"
import { validate } from "./MonicaValidation.ts"

const name: ReadonlyArray<Rule> = ["nullable", "string", { max: 255 }]
const flag: ReadonlyArray<Rule> = ["nullable", "boolean"]

const contactRules = (forUpdate: boolean): Rules => [
  ["first_name", ["required", "string", { max: 255 }]],
  ["middle_name", name],
  ["last_name", name],
  ["nickname", name],
  ["description", name],
  ["is_partial", flag],
  ["is_birthdate_known", ["required", "boolean"]],
  ["is_deceased", forUpdate ? flag : ["required", "boolean"]],
  ["is_deceased_date_known", ["required", "boolean"]]
]

const text = (value: unknown): string | null => (typeof value === "string" ? value : null)
const truthy = (value: unknown) => value === true || value === 1 || value === "1"

/** The contact's searchable text: Monica matches `query` against names, nickname and description. */
const matches = (row: ContactRow, needle: string) =>
  [completeName(row), row.nickname ?? "", row.description ?? ""].some((value) =>
    value.toLowerCase().includes(needle.toLowerCase())
  )

/**
 * `field:term` matches a contact field of the type named `field` whose value starts with `term`. The type is looked
 * up once per listing (all rows are the account's), then each contact's own fields are read through the index.
 */
const matchesField = (state: MonicaState, accountId: number, needle: string) => {
  const [, field = "", term = ""] = /^(.+):(.+)$/u.exec(needle) ?? []
  const type = ofAccount(state.fieldTypes, accountId).find((candidate) =>
    candidate.name.toLowerCase() === field.toLowerCase()
  )
  return (row: ContactRow) =>
    type !== undefined &&
    fieldsOfContact(state, row.id).some((candidate) =>
      candidate.typeId === type.id && candidate.data.toLowerCase().startsWith(term.toLowerCase())
    )
}

const sortRows = (rows: ReadonlyArray<ContactRow>, sort: string | undefined) => {
  const descending = sort?.startsWith("-") ?? false
  const key = sort?.replace(/^-/u, "") === "updated_at" ? "updatedAt" : "createdAt"
  return [...rows].sort((a, b) => (a[key] - b[key] || a.id - b.id) * (descending ? -1 : 1))
}

const list = (state: MonicaState, context: RequestContext) => {
  const needle = context.query["query"]?.trim() ?? ""
  // Every non-partial contact of the account, for a search or a sort the listing index does not hold.
  const real = () => ofAccount(state.contacts, context.accountId).filter((row) => !row.isPartial)
  // `with=contactfields` applies to every contact of the page, as it does to one.
  const render = (row: ContactRow) =>
    contactBytes(state, row, context.baseUrl, context.query["with"] === "contactfields")
  if (needle !== "") {
    const found = real().filter(
      /.:./u.test(needle) ? matchesField(state, context.accountId, needle) : (row) => matches(row, needle)
    )
    return paginated(context, sortRows(found, context.query["sort"]), render, { query: needle })
  }
  const sort = context.query["sort"]
  if (sort?.replace(/^-/u, "") !== "updated_at") {
    // The default order, (created_at, id), ascending or reversed: a page straight from the listing index.
    const index = listedContacts(state, context.accountId)
    const total = OrderedIndex.size(index)
    const slice = sort?.startsWith("-") ?? false
      ? (start: number, end: number) => OrderedIndex.slice(index, total - end, total - start).reverse()
      : (start: number, end: number) => OrderedIndex.slice(index, start, end)
    return paginated(context, { total, slice }, render)
  }
  const active = real().filter((row) => row.isActive)
  return paginated(context, sortRows(active, sort), render)
}

// A write answers a row nobody has read yet: serialised whole, which costs less than making and keeping its bytes
// (`MonicaResourceBytes`), the same answer.
const create = (state: MonicaState, context: RequestContext, now: number): Outcome => {
  const messages = validate(context.body, contactRules(false))
  if (messages.length > 0) return [validationFailed(messages), state]
  const id = state.sequences.contact + 1
  const row: ContactRow = {
    id,
    uuid: uuidFor(1, id),
    accountId: context.accountId,
    firstName: String(context.body["first_name"]),
    middleName: text(context.body["middle_name"]),
    lastName: text(context.body["last_name"]),
    nickname: text(context.body["nickname"]),
    description: text(context.body["description"]),
    job: null,
    company: null,
    isStarred: false,
    isPartial: truthy(context.body["is_partial"]),
    isActive: true,
    isDead: truthy(context.body["is_deceased"]),
    createdAt: now,
    updatedAt: now
  }
  const next = { ...withContactRow(state, row), sequences: { ...state.sequences, contact: id } }
  return [jsonResponse(201, { data: contactResource(next, row, context.baseUrl, false) }), next]
}

const update = (state: MonicaState, context: RequestContext, now: number): Outcome => {
  const messages = validate(
    { ...context.body, contact_id: context.params["id"] ?? null },
    [["contact_id", ["required", "integer"]], ...contactRules(true)]
  )
  if (messages.length > 0) return [validationFailed(messages), state]
  const existing = rowOf(state.contacts, routeId(context) ?? 0)
  if (existing === undefined || existing.accountId !== context.accountId) return [notFound(), state]
  if (!existing.isActive) return [validationFailed([archivedMessage]), state]
  // Eloquent's `update($data)` sets only the attributes sent; the description is cleared when absent.
  const given = (key: string, current: string | null) => (key in context.body ? text(context.body[key]) : current)
  const row: ContactRow = {
    ...existing,
    firstName: String(context.body["first_name"]),
    middleName: given("middle_name", existing.middleName),
    lastName: given("last_name", existing.lastName),
    nickname: given("nickname", existing.nickname),
    description: text(context.body["description"]),
    isPartial: "is_partial" in context.body ? truthy(context.body["is_partial"]) : existing.isPartial,
    isDead: "is_deceased" in context.body ? truthy(context.body["is_deceased"]) : existing.isDead,
    updatedAt: now
  }
  const next = withContactRow(state, row)
  return [jsonResponse(200, { data: contactResource(next, row, context.baseUrl, false) }), next]
}

/**
 * `UpdateWorkInformation`: validation first (a global `exists` on the contact, so an id that exists nowhere is 422),
 * then the account-scoped lookup (404), the archived guard and the partial guard (both 422). An absent or empty
 * value clears (but a body that was sent and gave no named input is refused, 400 code 37, rather than clearing both —
 * a deliberate deviation, see MonicaHttp.ts). The answer is the full contact (200), with its contact fields when `with=contactfields` is sent.
 */
const updateWork = (state: MonicaState, context: RequestContext, now: number): Outcome => {
  // No input here would clear job and company; a body the mock could not read as named input changes nothing.
  if (context.bodyIgnored) return [monicaError(400, 37), state]
  const messages = validate({ ...context.body, contact_id: context.params["id"] ?? null }, [
    ["contact_id", ["required", "integer", { exists: (id) => HashMap.has(state.contacts, id) }]],
    ["job", ["nullable", "string", { max: 255 }]],
    ["company", ["nullable", "string", { max: 255 }]]
  ])
  if (messages.length > 0) return [validationFailed(messages), state]
  const existing = rowOf(state.contacts, routeId(context) ?? 0)
  if (existing === undefined || existing.accountId !== context.accountId) return [notFound(), state]
  if (!existing.isActive) return [validationFailed([archivedMessage]), state]
  if (existing.isPartial) return [validationFailed(["The contact can't be a partial contact"]), state]
  // `empty($data['job']) ? null : …`: PHP's empty() is also true for the string "0".
  const value = (key: string) => (context.body[key] === "0" ? null : text(context.body[key]))
  const row: ContactRow = {
    ...existing,
    job: value("job"),
    company: value("company"),
    updatedAt: now
  }
  const next = withContactRow(state, row)
  const withFields = (context.body["with"] ?? context.query["with"]) === "contactfields"
  return [jsonResponse(200, { data: contactResource(next, row, context.baseUrl, withFields) }), next]
}

/**
 * Monica queues the deletion and answers `deleted` for any id; the mock deletes at once (with the contact's
 * fields) and answers the same way. The id is echoed as the route segment, a string: `destroy($contactId)` is
 * untyped, unlike the contact-field route's `int $contactFieldId`.
 */
const destroy = (state: MonicaState, context: RequestContext): Outcome => {
  const id = routeId(context)
  const raw = context.params["id"] ?? ""
  const existing = id === undefined ? undefined : rowOf(state.contacts, id)
  if (existing === undefined || existing.accountId !== context.accountId) {
    return [jsonResponse(200, { deleted: true, id: raw }), state]
  }
  return [jsonResponse(200, { deleted: true, id: raw }), withoutContact(state, existing.id)]
}

export const contactRoutes = (settings: Settings, state: Ref.Ref<MonicaState>) => [
  monicaRoute(
    settings,
    "GET",
    "/api/contacts",
    (context) => Effect.map(Ref.get(state), (current) => list(current, context))
  ),
  monicaRoute(settings, "POST", "/api/contacts", write(state, create)),
  monicaRoute(settings, "GET", "/api/contacts/:id", (context) =>
    Effect.map(Ref.get(state), (current) => {
      const row = rowOf(current.contacts, routeId(context) ?? 0)
      if (row === undefined || row.accountId !== context.accountId) return notFound()
      const withFields = context.query["with"] === "contactfields"
      return dataResponse(200, contactBytes(current, row, context.baseUrl, withFields))
    })),
  monicaRoute(settings, "PUT", "/api/contacts/:id", write(state, update)),
  monicaRoute(settings, "PUT", "/api/contacts/:id/work", write(state, updateWork)),
  monicaRoute(settings, "DELETE", "/api/contacts/:id", write(state, destroy))
]
