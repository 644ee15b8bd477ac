/**
 * Monica's contact-field endpoints (`ApiContactFieldController` and the `Create/Update/DestroyContactField`
 * services). Checks run in Monica's order: Laravel validation with global `exists` lookups (422, code 32), then
 * account-scoped lookups (404, code 31), then the archived-contact guard (422, code 32). Writes happen in one
 * `Ref.modify`, so a rejected request never changes state.
 */
import { jsonResponse } from "@contactkit/mock-platform"
import { Effect, HashMap, Ref } from "effect"
import type { RequestContext, Settings } from "./MonicaHttp.ts"
import {
  archivedMessage,
  monicaRoute,
  notFound,
  type Outcome,
  paginated,
  routeId,
  validationFailed,
  write
} from "./MonicaHttp.ts"
import { dataResponse, fieldBytes } from "./MonicaResourceBytes.ts"
import { fieldResource } from "./MonicaResources.ts"
import type { MonicaState } from "./MonicaState.ts"
import { fieldsOfContact, labelFor, rowOf, uuidFor, withField, withoutField } from "./MonicaState.ts"
import type { Rules } from "./MonicaValidation.ts"
import { asInteger, validate } from "./MonicaValidation.ts"

const fieldRules = (state: MonicaState): Rules => [
  ["contact_id", ["required", "integer", { exists: (id) => HashMap.has(state.contacts, id) }]],
  ["contact_field_type_id", ["required", "integer", { exists: (id) => HashMap.has(state.fieldTypes, id) }]],
  ["data", ["required", "string", { max: 255 }]],
  ["labels", ["nullable", "array"]]
]

/** Syncs labels only when a non-empty list is given, as `UpdateContactFieldLabels` does. */
const syncLabels = (
  state: MonicaState,
  accountId: number,
  labels: unknown,
  current: ReadonlyArray<number>,
  now: number
): [ReadonlyArray<number>, MonicaState] => {
  const texts = labels !== null && typeof labels === "object" ? Object.values(labels) : []
  if (texts.length === 0) return [current, state]
  const ids: Array<number> = []
  let next = state
  for (const text of texts) {
    if (text === null || typeof text === "object") continue
    const [id, updated] = labelFor(next, accountId, String(text), now)
    if (!ids.includes(id)) ids.push(id)
    next = updated
  }
  return [ids, next]
}

/** The account-scoped lookups and the archived guard shared by create and update; undefined when all pass. */
const scopedChecks = (state: MonicaState, context: RequestContext) => {
  const contact = rowOf(state.contacts, asInteger(context.body["contact_id"]) ?? 0)
  if (contact === undefined || contact.accountId !== context.accountId) return notFound()
  if (!contact.isActive) return validationFailed([archivedMessage])
  const type = rowOf(state.fieldTypes, asInteger(context.body["contact_field_type_id"]) ?? 0)
  if (type === undefined || type.accountId !== context.accountId) return notFound()
  return undefined
}

const create = (state: MonicaState, context: RequestContext, now: number): Outcome => {
  const messages = validate(context.body, fieldRules(state))
  if (messages.length > 0) return [validationFailed(messages), state]
  const rejected = scopedChecks(state, context)
  if (rejected !== undefined) return [rejected, state]
  const id = state.sequences.field + 1
  const [labelIds, labelled] = syncLabels(state, context.accountId, context.body["labels"], [], now)
  const row = {
    id,
    uuid: uuidFor(2, id),
    accountId: context.accountId,
    contactId: asInteger(context.body["contact_id"]) ?? 0,
    typeId: asInteger(context.body["contact_field_type_id"]) ?? 0,
    data: String(context.body["data"]),
    labelIds,
    createdAt: now,
    updatedAt: now
  }
  const next = { ...withField(labelled, row), sequences: { ...labelled.sequences, field: id } }
  return [jsonResponse(201, { data: fieldResource(next, row, context.baseUrl) }), next]
}

const update = (state: MonicaState, context: RequestContext, now: number): Outcome => {
  const input = { ...context.body, contact_field_id: context.params["id"] ?? null }
  const messages = validate(input, [
    ["contact_field_id", ["required", "integer", { exists: (id) => HashMap.has(state.fields, id) }]],
    ...fieldRules(state)
  ])
  if (messages.length > 0) return [validationFailed(messages), state]
  const existing = rowOf(state.fields, asInteger(input.contact_field_id) ?? 0)
  if (existing === undefined || existing.accountId !== context.accountId) return [notFound(), state]
  const rejected = scopedChecks(state, context)
  if (rejected !== undefined) return [rejected, state]
  const [labelIds, labelled] = syncLabels(state, context.accountId, context.body["labels"], existing.labelIds, now)
  const row = {
    ...existing,
    contactId: asInteger(context.body["contact_id"]) ?? existing.contactId,
    typeId: asInteger(context.body["contact_field_type_id"]) ?? existing.typeId,
    data: String(context.body["data"]),
    labelIds,
    updatedAt: now
  }
  const next = withField(labelled, row)
  return [jsonResponse(200, { data: fieldResource(next, row, context.baseUrl) }), next]
}

const destroy = (state: MonicaState, context: RequestContext): Outcome => {
  const id = routeId(context)
  // The route is typed `int $contactFieldId`: a non-numeric segment never reaches validation.
  if (id === undefined) return [notFound(), state]
  const messages = validate({ contact_field_id: id }, [
    ["contact_field_id", ["required", "integer", { exists: (candidate) => HashMap.has(state.fields, candidate) }]]
  ])
  if (messages.length > 0) return [validationFailed(messages), state]
  const existing = rowOf(state.fields, id)
  if (existing === undefined || existing.accountId !== context.accountId) return [notFound(), state]
  if (rowOf(state.contacts, existing.contactId)?.isActive === false) return [validationFailed([archivedMessage]), state]
  return [jsonResponse(200, { deleted: true, id }), withoutField(state, id)]
}

export const contactFieldRoutes = (settings: Settings, state: Ref.Ref<MonicaState>) => [
  monicaRoute(settings, "GET", "/api/contacts/:id/contactfields", (context) =>
    Effect.map(Ref.get(state), (current) => {
      const contact = rowOf(current.contacts, routeId(context) ?? 0)
      if (contact === undefined || contact.accountId !== context.accountId) return notFound()
      return paginated(
        context,
        fieldsOfContact(current, contact.id),
        (row) => fieldBytes(current, row, context.baseUrl)
      )
    })),
  monicaRoute(settings, "POST", "/api/contactfields", write(state, create)),
  monicaRoute(settings, "GET", "/api/contactfields/:id", (context) =>
    Effect.map(Ref.get(state), (current) => {
      const row = rowOf(current.fields, routeId(context) ?? 0)
      if (row === undefined || row.accountId !== context.accountId) return notFound()
      return dataResponse(200, fieldBytes(current, row, context.baseUrl))
    })),
  monicaRoute(settings, "PUT", "/api/contactfields/:id", write(state, update)),
  monicaRoute(
    settings,
    "DELETE",
    "/api/contactfields/:id",
    write(state, destroy)
  )
]
