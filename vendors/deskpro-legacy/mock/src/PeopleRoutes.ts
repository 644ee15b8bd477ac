/**
 * `PersonController`'s people actions: search (`page`, `per_page` bounded to 1–250, a cached result set named by
 * `cache_id`), create (`name` and an unused, valid `email` required; every refused field at once as a `multiple`
 * error; contact data through the handlers), get, update (own properties and `primary_email`; contact data is not
 * touched here) and delete.
 */
import { IdTable, jsonBytesResponse } from "@contactkit/mock-platform"
import type { Ref } from "effect"
import {
  created,
  legacyRoute,
  multipleErrors,
  type Outcome,
  read,
  type RequestContext,
  type Settings,
  success,
  write
} from "./LegacyHttp.ts"
import { getString, getUint, getValues, isSet, phpString } from "./LegacyInput.ts"
import { newPerson } from "./LegacyNewPerson.ts"
import { applyBasicDetails, applyContactData, isValidEmail, splitName } from "./LegacyPersonInput.ts"
import { withPersonOf } from "./LegacyPersonOf.ts"
import { peopleResponse, personBytes } from "./LegacyResourceBytes.ts"
import type { LegacyState } from "./LegacyState.ts"
import {
  emailInHelpdesk,
  peopleTableOf,
  personOf,
  rowOf,
  withEmail,
  withoutPerson,
  withPerson,
  withResultSet
} from "./LegacyState.ts"

type Errors = Record<string, readonly [string, string]>

const search = (state: LegacyState, context: RequestContext): Outcome => {
  const cached = rowOf(state.resultSets, getUint(context.params, "cache_id"))
  const [cacheId, found, next] = cached !== undefined && cached.helpdesk === context.helpdesk
    ? [getUint(context.params, "cache_id"), cached.people, state]
    : (() => {
      const found = peopleTableOf(state, context.helpdesk)
      const [id, withSet] = withResultSet(state, { helpdesk: context.helpdesk, people: found })
      return [id, found, withSet] as const
    })()
  const page = getUint(context.params, "page") || 1
  const perPage = Math.min(Math.max(getUint(context.params, "per_page") || 25, 1), 250)
  // The set's people as they were listed; each is shown as it is now (one deleted since is left out).
  const people = IdTable.slice(found, (page - 1) * perPage, page * perPage).flatMap((listed) =>
    personOf(next, context.helpdesk, listed.id) ?? []
  )
  // `people: keyedById(people, personResource)` last, from each person's kept bytes (`LegacyResourceBytes`).
  const envelope = { page, per_page: perPage, total: IdTable.size(found), cache_id: cacheId }
  return [peopleResponse(envelope, next, people), next]
}

/** The address checks `newPersonAction` makes of `email`. */
const emailError = (state: LegacyState, helpdesk: number, email: string): readonly [string, string] | undefined => {
  if (email === "" || !isValidEmail(email)) return ["required_field.email", "email is empty or invalid"]
  if (emailInHelpdesk(state, helpdesk, email) !== undefined) return ["invalid_argument.email", "email already exists"]
  return undefined
}

const create = (state: LegacyState, context: RequestContext, now: number): Outcome => {
  const { helpdesk, params } = context
  const errors: Errors = {}
  const name = getString(params, "name")
  if (name === "" || name === "0") errors["name"] = ["required_field.name", "name is empty or missing"]
  const id = state.sequences.person + 1
  const labels = getValues(params, "label").map(phpString).filter((label) => label !== "")
  const blank = newPerson(id, helpdesk, name, now, labels)
  let [person, next] = applyBasicDetails(
    { ...state, sequences: { ...state.sequences, person: id } },
    blank,
    params,
    now
  )
  ;[person, next] = applyContactData(next, person, params)
  const email = getString(params, "email")
  const refused = emailError(state, helpdesk, email)
  if (refused !== undefined) errors["email"] = refused
  const addresses = [email]
  for (const value of getValues(params, "secondary_email")) {
    const secondary = phpString(value).trim()
    if (secondary === "" || !isValidEmail(secondary)) {
      errors["secondary_email"] = ["invalid_argument.secondary_email", "secondary_email is empty or invalid"]
    } else if (
      emailInHelpdesk(state, helpdesk, secondary) !== undefined ||
      addresses.some((known) => known.toLowerCase() === secondary.toLowerCase())
    ) {
      // Deskpro would fail on the unique index for an address given twice; the mock refuses it the same way.
      errors["secondary_email"] = ["invalid_argument.secondary_email", "secondary_email already exists"]
    } else addresses.push(secondary)
  }
  if (Object.keys(errors).length > 0) return [multipleErrors(errors), state]
  for (const address of addresses) [, person, next] = withEmail(next, person, address, "", now)
  return [created(id, `${context.apiUrl}/people/${id}`), withPerson(next, person)]
}

// `{"person": personResource(...)}` around the person's kept bytes.
const personOpen = Buffer.from(`{"person":`)
const personClose = Buffer.from("}")

const get = (state: LegacyState, context: RequestContext) =>
  withPersonOf(state, context, (person) => [
    jsonBytesResponse(200, Buffer.concat([personOpen, personBytes(state, person), personClose])),
    state
  ])[0]

const update = (state: LegacyState, context: RequestContext, now: number): Outcome =>
  withPersonOf(state, context, (person) => {
    const { params } = context
    const name = getString(params, "name")
    let [updated, next] = applyBasicDetails(
      state,
      name === "" || name === "0" ? person : {
        ...person,
        ...splitName(name)
      },
      params,
      now
    )
    if (isSet(params, "primary_email")) {
      const email = getString(params, "primary_email")
      const owner = emailInHelpdesk(next, person.helpdesk, email)
      if (owner !== undefined && owner.personId !== person.id) {
        return [multipleErrors({ primary_email: ["invalid_argument.primary_email", "email already exists"] }), state]
      }
      // PersonEmail::setEmail stores nothing without an "@" after the first character; the server then fails.
      if (owner === undefined && email.indexOf("@") < 1) {
        return [
          multipleErrors({ primary_email: ["invalid_argument.primary_email", "primary_email is empty or invalid"] }),
          state
        ]
      }
      if (owner === undefined) {
        const [row, withAddress, state2] = withEmail(next, updated, email, "", now)
        updated = { ...withAddress, primaryEmailId: row.id }
        next = state2
      }
    }
    return [success(), withPerson(next, updated)]
  })

const remove = (state: LegacyState, context: RequestContext): Outcome =>
  withPersonOf(state, context, (person) => [success(), withoutPerson(state, person)])

export const peopleRoutes = (settings: Settings, state: Ref.Ref<LegacyState>) => [
  legacyRoute(settings, "GET", "/api/people", write(state, search)),
  legacyRoute(settings, "POST", "/api/people", write(state, create)),
  legacyRoute(settings, "GET", "/api/people/:person_id", read(state, get)),
  legacyRoute(settings, "POST", "/api/people/:person_id", write(state, update)),
  legacyRoute(settings, "DELETE", "/api/people/:person_id", write(state, remove))
]
