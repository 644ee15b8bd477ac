/**
 * The preamble every `PersonController` action under `/api/people/{person_id}` shares: the path's person id (no
 * route when it is not one) and the person of the request's helpdesk (the controller's 404 when there is none).
 */
import { noPerson, noRoute, type Outcome, pathId, type RequestContext } from "./LegacyHttp.ts"
import type { LegacyState, PersonRow } from "./LegacyState.ts"
import { personOf } from "./LegacyState.ts"

/** `then(person)` for the person the path names, or the answer the controller gives without one. */
export const withPersonOf = (
  state: LegacyState,
  context: RequestContext,
  then: (person: PersonRow) => Outcome
): Outcome => {
  const id = pathId(context, "person_id")
  if (id === undefined) return [noRoute(context), state]
  const person = personOf(state, context.helpdesk, id)
  return person === undefined ? [noPerson(context), state] : then(person)
}

/** `then(person, id)` for the person and the id of their record (`name`) the path names; no route without an id. */
export const withRecordIdOf = (
  state: LegacyState,
  context: RequestContext,
  name: string,
  then: (person: PersonRow, id: number) => Outcome
): Outcome =>
  withPersonOf(state, context, (person) => {
    const id = pathId(context, name)
    return id === undefined ? [noRoute(context), state] : then(person, id)
  })
