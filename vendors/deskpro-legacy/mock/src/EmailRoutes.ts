/**
 * `PersonController`'s e-mail actions: the person's records in collection order; adding an address (missing,
 * invalid, or in use by this or another person of the helpdesk are refused) with an optional comment and
 * `set_primary`; changing a record's comment or making it the primary; deleting one, except the last.
 */
import { jsonResponse } from "@contactkit/mock-platform"
import type { Ref } from "effect"
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
import { getBool, getString, isSet } from "./LegacyInput.ts"
import { isValidEmail } from "./LegacyPersonInput.ts"
import { withPersonOf, withRecordIdOf } from "./LegacyPersonOf.ts"
import { emailResource } from "./LegacyResources.ts"
import type { EmailRow, LegacyState, PersonRow } from "./LegacyState.ts"
import { emailInHelpdesk, emailsOf, rowOf, withEmail, withEmailRow, withoutEmail, withPerson } from "./LegacyState.ts"

/** The person's record the path names; a `NotFoundHttpException()` (empty message) when it has none. */
const withEmailOf = (
  state: LegacyState,
  context: RequestContext,
  then: (person: PersonRow, email: EmailRow) => Outcome
): Outcome =>
  withRecordIdOf(state, context, "email_id", (person, id) => {
    const email = person.emailIds.includes(id) ? rowOf(state.emails, id) : undefined
    return email === undefined ? [notFound(""), state] : then(person, email)
  })

const list = (state: LegacyState, context: RequestContext) =>
  withPersonOf(state, context, (person) => [
    jsonResponse(200, { emails: emailsOf(state, person).map(emailResource) }),
    state
  ])[0]

const add = (state: LegacyState, context: RequestContext, now: number): Outcome =>
  withPersonOf(state, context, (person) => {
    const email = getString(context.params, "email")
    if (email === "" || email === "0") return [errorResponse("required_field.email", "email missing"), state]
    if (!isValidEmail(email)) return [errorResponse("invalid_argument.email", "invalid email"), state]
    const owner = emailInHelpdesk(state, person.helpdesk, email)
    if (owner !== undefined) {
      return [
        errorResponse("invalid_argument.email", owner.personId === person.id ? "email in use by self" : "email in use"),
        state
      ]
    }
    const [row, withAddress, next] = withEmail(state, person, email, getString(context.params, "comment"), now)
    const primary = getBool(context.params, "set_primary") ? { ...withAddress, primaryEmailId: row.id } : withAddress
    return [
      created(row.id, `${context.apiUrl}/people/${person.id}/emails/${row.id}`),
      withPerson(next, primary)
    ]
  })

const get = (state: LegacyState, context: RequestContext) =>
  withEmailOf(state, context, (_, email) => [jsonResponse(200, { email: emailResource(email) }), state])[0]

const update = (state: LegacyState, context: RequestContext): Outcome =>
  withEmailOf(state, context, (person, email) => {
    const comment = isSet(context.params, "comment") ? getString(context.params, "comment") : email.comment
    const owner = getBool(context.params, "set_primary") ? { ...person, primaryEmailId: email.id } : person
    return [success(), withPerson(withEmailRow(state, { ...email, comment }), owner)]
  })

const remove = (state: LegacyState, context: RequestContext): Outcome =>
  withEmailOf(state, context, (person, email) => {
    if (person.emailIds.length === 1) {
      return [errorResponse("required_field", "cannot remove the last email"), state]
    }
    return [success(), withoutEmail(state, person, email.id)]
  })

export const emailRoutes = (settings: Settings, state: Ref.Ref<LegacyState>) => [
  legacyRoute(settings, "GET", "/api/people/:person_id/emails", read(state, list)),
  legacyRoute(settings, "POST", "/api/people/:person_id/emails", write(state, add)),
  legacyRoute(settings, "GET", "/api/people/:person_id/emails/:email_id", read(state, get)),
  legacyRoute(settings, "POST", "/api/people/:person_id/emails/:email_id", write(state, update)),
  legacyRoute(settings, "DELETE", "/api/people/:person_id/emails/:email_id", write(state, remove))
]
