/**
 * Monica's contact-field-type endpoints (`Settings\ApiContactFieldTypeController`): each account lists, reads,
 * creates, updates and deletes its own types; the same default type has a different id in every account.
 * Update and delete look the type up in the caller's account first (404), then validate (422); deleting a type
 * also deletes the account's contact fields of that type, and Monica does not consult `delible` here.
 */
import { jsonResponse } from "@contactkit/mock-platform"
import { Effect, HashMap, Ref } from "effect"
import type { RequestContext, Settings } from "./MonicaHttp.ts"
import { monicaRoute, notFound, type Outcome, paginated, routeId, validationFailed, write } from "./MonicaHttp.ts"
import { dataResponse, fieldTypeBytes } from "./MonicaResourceBytes.ts"
import type { FieldTypeRow, MonicaState } from "./MonicaState.ts"
import { ofAccount, rowOf, uuidFor, withoutField } from "./MonicaState.ts"
import { asInteger, validate } from "./MonicaValidation.ts"

const optionalText = (value: unknown): string | null => (value === null || value === undefined ? null : String(value))

const textKeys = ["name", "fontawesome_icon", "protocol", "type"] as const

/** `validateUpdate`, shared by store and update; empty when the body is acceptable. */
const check = (body: Readonly<Record<string, unknown>>): ReadonlyArray<string> => {
  const messages = validate(body, [
    ["name", ["required", { max: 255 }]],
    ["fontawesome_icon", ["nullable", { max: 255 }]],
    ["protocol", ["nullable", { max: 255 }]],
    ["delible", ["integer"]],
    ["type", ["nullable", { max: 255 }]]
  ])
  // Monica has no `string` rule here and a nested value fails in the database (500); the mock rejects it instead.
  const nested = textKeys.filter((key) => body[key] !== null && typeof body[key] === "object").map((key) =>
    `The ${key.replaceAll("_", " ")} must be a string.`
  )
  return [...messages, ...nested]
}

const create = (state: MonicaState, context: RequestContext, now: number): Outcome => {
  const body = context.body
  const messages = check(body)
  if (messages.length > 0) return [validationFailed(messages), state]
  const id = state.sequences.fieldType + 1
  const row: FieldTypeRow = {
    id,
    uuid: uuidFor(3, id),
    accountId: context.accountId,
    name: String(body["name"]),
    fontawesomeIcon: optionalText(body["fontawesome_icon"]),
    protocol: optionalText(body["protocol"]),
    delible: "delible" in body ? asInteger(body["delible"]) !== 0 : true,
    type: optionalText(body["type"]),
    createdAt: now,
    updatedAt: now
  }
  const next = {
    ...state,
    fieldTypes: HashMap.set(state.fieldTypes, id, row),
    sequences: { ...state.sequences, fieldType: id }
  }
  return [dataResponse(201, fieldTypeBytes(row)), next]
}

/** The caller's own type named by the route, or undefined (Monica's account-scoped `firstOrFail`). */
const ownType = (state: MonicaState, context: RequestContext) => {
  const row = rowOf(state.fieldTypes, routeId(context) ?? 0)
  return row === undefined || row.accountId !== context.accountId ? undefined : row
}

/** `$request->only([...])`: only the attributes sent change; the others keep their values. */
const update = (state: MonicaState, context: RequestContext, now: number): Outcome => {
  const existing = ownType(state, context)
  if (existing === undefined) return [notFound(), state]
  const body = context.body
  const messages = check(body)
  if (messages.length > 0) return [validationFailed(messages), state]
  const given = (key: string, current: string | null) => (key in body ? optionalText(body[key]) : current)
  const row: FieldTypeRow = {
    ...existing,
    name: String(body["name"]),
    fontawesomeIcon: given("fontawesome_icon", existing.fontawesomeIcon),
    protocol: given("protocol", existing.protocol),
    delible: "delible" in body ? asInteger(body["delible"]) !== 0 : existing.delible,
    type: given("type", existing.type),
    updatedAt: now
  }
  return [
    dataResponse(200, fieldTypeBytes(row)),
    { ...state, fieldTypes: HashMap.set(state.fieldTypes, row.id, row) }
  ]
}

const destroy = (state: MonicaState, context: RequestContext): Outcome => {
  const existing = ownType(state, context)
  if (existing === undefined) return [notFound(), state]
  const fieldIds = ofAccount(state.fields, context.accountId).filter((row) => row.typeId === existing.id).map((row) =>
    row.id
  )
  const withoutFields = fieldIds.reduce(withoutField, state)
  return [
    jsonResponse(200, { deleted: true, id: existing.id }),
    { ...withoutFields, fieldTypes: HashMap.remove(withoutFields.fieldTypes, existing.id) }
  ]
}

export const contactFieldTypeRoutes = (settings: Settings, state: Ref.Ref<MonicaState>) => [
  monicaRoute(settings, "GET", "/api/contactfieldtypes", (context) =>
    Effect.map(
      Ref.get(state),
      (current) => paginated(context, ofAccount(current.fieldTypes, context.accountId), fieldTypeBytes)
    )),
  monicaRoute(settings, "POST", "/api/contactfieldtypes", write(state, create)),
  monicaRoute(settings, "GET", "/api/contactfieldtypes/:id", (context) =>
    Effect.map(Ref.get(state), (current) => {
      const row = ownType(current, context)
      return row === undefined ? notFound() : dataResponse(200, fieldTypeBytes(row))
    })),
  monicaRoute(settings, "PUT", "/api/contactfieldtypes/:id", write(state, update)),
  monicaRoute(
    settings,
    "DELETE",
    "/api/contactfieldtypes/:id",
    write(state, destroy)
  )
]
