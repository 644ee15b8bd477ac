/**
 * `PersonController`'s contact-details actions: the person's records keyed by id; adding one record (`type`,
 * `data`, `comment`) through its handler, refused with the controller's own codes; whether a record exists (always
 * 200, never the record); and deleting one (404 when the person has no such record).
 */
import { jsonResponse } from "@contactkit/mock-platform"
import type { Ref } from "effect"
import { applyFormData } from "./LegacyContactData.ts"
import {
  created,
  errorResponse,
  legacyRoute,
  notFound,
  type Outcome,
  read,
  type RequestContext,
  type Settings,
  success,
  write
} from "./LegacyHttp.ts"
import { getArray, getString } from "./LegacyInput.ts"
import { withPersonOf, withRecordIdOf } from "./LegacyPersonOf.ts"
import { detailResource, keyedById } from "./LegacyResources.ts"
import type { LegacyState } from "./LegacyState.ts"
import { detailsOf, withDetail, withoutDetail } from "./LegacyState.ts"

const list = (state: LegacyState, context: RequestContext) =>
  withPersonOf(state, context, (person) => [
    jsonResponse(200, { details: keyedById(detailsOf(state, person), detailResource) }),
    state
  ])[0]

const add = (state: LegacyState, context: RequestContext): Outcome =>
  withPersonOf(state, context, (person) => {
    const type = getString(context.params, "type")
    const data = getArray(context.params, "data")
    const comment = getString(context.params, "comment")
    if (type === "" || type === "0") return [errorResponse("required_field.type", "type is empty or missing"), state]
    if (Object.keys(data).length === 0) {
      return [errorResponse("required_field.data", "data is empty or missing"), state]
    }
    const applied = applyFormData(type, data)
    if (applied._tag === "NoHandler") return [errorResponse("invalid_argument.type", "type is invalid"), state]
    if (applied._tag === "Empty") return [errorResponse("invalid_argument.data", "data contains invalid data"), state]
    const [row, , next] = withDetail(state, person, { type: applied.type, comment, fields: applied.fields })
    return [created(row.id, `${context.apiUrl}/people/${person.id}/contact-details/${row.id}`), next]
  })

const exists = (state: LegacyState, context: RequestContext) =>
  withRecordIdOf(state, context, "contact_id", (person, id) => [
    jsonResponse(200, { exists: person.detailIds.includes(id) }),
    state
  ])[0]

const remove = (state: LegacyState, context: RequestContext): Outcome =>
  withRecordIdOf(state, context, "contact_id", (person, id) => {
    // `createNotFoundException()` with no message gives Symfony's default.
    if (!person.detailIds.includes(id)) return [notFound("Not Found"), state]
    return [success(), withoutDetail(state, person, id)]
  })

export const contactDetailRoutes = (settings: Settings, state: Ref.Ref<LegacyState>) => [
  legacyRoute(settings, "GET", "/api/people/:person_id/contact-details", read(state, list)),
  legacyRoute(settings, "POST", "/api/people/:person_id/contact-details", write(state, add)),
  legacyRoute(settings, "GET", "/api/people/:person_id/contact-details/:contact_id", read(state, exists)),
  legacyRoute(settings, "DELETE", "/api/people/:person_id/contact-details/:contact_id", write(state, remove))
]
