/**
 * Monica's contact-field-type endpoints (`Settings\ApiContactFieldTypeController`): each account lists, reads and
 * creates its own types; the same default type has a different id in every account.
 */
import { Clock, Effect, HashMap, Ref } from "effect"
import { jsonResponse } from "../platform/Responses.ts"
import type { RequestContext, Settings } from "./MonicaHttp.ts"
import { monicaRoute, notFound, paginated, routeId, validationFailed } from "./MonicaHttp.ts"
import { fieldTypeResource } from "./MonicaResources.ts"
import type { FieldTypeRow, MonicaState } from "./MonicaState.ts"
import { ofAccount, rowOf, uuidFor } from "./MonicaState.ts"
import { asInteger, validate } from "./MonicaValidation.ts"

const optionalText = (value: unknown): string | null => (value === null || value === undefined ? null : String(value))

const create = (state: MonicaState, context: RequestContext, now: number) => {
  const body = context.body
  const messages = validate(body, [
    ["name", ["required", { max: 255 }]],
    ["fontawesome_icon", ["nullable", { max: 255 }]],
    ["protocol", ["nullable", { max: 255 }]],
    ["delible", ["integer"]],
    ["type", ["nullable", { max: 255 }]]
  ])
  // Monica has no `string` rule here and a nested value fails in the database (500); the mock rejects it instead.
  const nested = ["name", "fontawesome_icon", "protocol", "type"].filter((key) =>
    body[key] !== null && typeof body[key] === "object"
  ).map((key) => `The ${key.replaceAll("_", " ")} must be a string.`)
  if (messages.length + nested.length > 0) return [validationFailed([...messages, ...nested]), state] as const
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
  return [jsonResponse(201, { data: fieldTypeResource(row) }), next] as const
}

export const contactFieldTypeRoutes = (settings: Settings, state: Ref.Ref<MonicaState>) => [
  monicaRoute(settings, "GET", "/api/contactfieldtypes", (context) =>
    Effect.map(
      Ref.get(state),
      (current) => paginated(context, ofAccount(current.fieldTypes, context.accountId), fieldTypeResource)
    )),
  monicaRoute(
    settings,
    "POST",
    "/api/contactfieldtypes",
    (context) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => Ref.modify(state, (current) => create(current, context, now)))
  ),
  monicaRoute(settings, "GET", "/api/contactfieldtypes/:id", (context) =>
    Effect.map(Ref.get(state), (current) => {
      const row = rowOf(current.fieldTypes, routeId(context) ?? 0)
      if (row === undefined || row.accountId !== context.accountId) return notFound()
      return jsonResponse(200, { data: fieldTypeResource(row) })
    }))
]
