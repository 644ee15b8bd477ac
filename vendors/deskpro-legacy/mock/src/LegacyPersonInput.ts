/**
 * The parts of `PersonController` that create and update share: `Person::setName` (runs of spaces collapsed, split
 * at the last space), `_setBasicPersonDetailsFromInput` (organization by name or id, position, time zone, summary,
 * flags), the `contact_data[#]` loop of `newPersonAction`, and Deskpro's e-mail syntax (`Orb\Validator\StringEmail`).
 * Each function reads the state and returns the next one; the route commits it only when nothing was refused.
 */
import { applyFormData } from "./LegacyContactData.ts"
import { cleanString, getArray, getBool, getString, getUint, isSet, type Params } from "./LegacyInput.ts"
import type { LegacyState, PersonRow } from "./LegacyState.ts"
import { organizationNamed, rowOf, withDetail, withOrganization } from "./LegacyState.ts"

/** `Person::setName`: the name with runs of spaces collapsed, and its split at the last space. */
export const splitName = (name: string) => {
  const collapsed = name.replace(/ {2,}/gu, " ")
  const cut = collapsed.lastIndexOf(" ")
  return cut < 0
    ? { name: collapsed, firstName: collapsed, lastName: "" }
    : { name: collapsed, firstName: collapsed.slice(0, cut), lastName: collapsed.slice(cut + 1) }
}

const localPart = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/iu
const hostName =
  /^(?:(?:(?:(?:[a-zA-Z0-9][-a-zA-Z0-9]*)?[a-zA-Z0-9])[.])*(?:[a-zA-Z][-a-zA-Z0-9]*[a-zA-Z0-9]|[a-zA-Z]))$/u
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$/u

/** `StringEmail::isValueValid`: an ASCII local part, and a host name ending in a letter or an IPv4 address. */
export const isValidEmail = (value: string): boolean => {
  const at = value.indexOf("@")
  if (at < 0) return false
  const name = value.slice(0, at).trim()
  const domain = value.slice(at + 1).trim()
  if (name === "" || domain === "") return false
  return localPart.test(name) && (hostName.test(domain) || ipv4.test(domain))
}

// `DateTimeZone::listIdentifiers()`.
const timeZones = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])

/** `_setBasicPersonDetailsFromInput`: the person and the state with any organization it had to create. */
export const applyBasicDetails = (
  state: LegacyState,
  person: PersonRow,
  params: Params,
  now: number
): readonly [PersonRow, LegacyState] => {
  let next = state
  let updated = person
  if (isSet(params, "organization")) {
    const name = getString(params, "organization")
    if (name !== "") {
      const found = organizationNamed(next, person.helpdesk, name)
      const [org, withOrg] = found === undefined ? withOrganization(next, person.helpdesk, name, now) : [found, next]
      next = withOrg
      updated = { ...updated, organizationId: org.id }
    } else {
      updated = { ...updated, organizationId: null, organizationPosition: "" }
    }
  } else if (isSet(params, "organization_id")) {
    const org = rowOf(next.organizations, getUint(params, "organization_id"))
    updated = org !== undefined && org.helpdesk === person.helpdesk
      ? { ...updated, organizationId: org.id }
      : { ...updated, organizationId: null, organizationPosition: "" }
  }
  if (isSet(params, "organization_position") && updated.organizationId !== null) {
    updated = { ...updated, organizationPosition: getString(params, "organization_position") }
  }
  if (isSet(params, "timezone") && timeZones.has(getString(params, "timezone"))) {
    updated = { ...updated, timezone: getString(params, "timezone") }
  }
  if (isSet(params, "summary")) updated = { ...updated, summary: getString(params, "summary") }
  if (isSet(params, "disable_autoresponses")) {
    updated = { ...updated, disableAutoresponses: getBool(params, "disable_autoresponses") }
  }
  if (isSet(params, "is_disabled")) updated = { ...updated, isDisabled: getBool(params, "is_disabled") }
  return [updated, next]
}

/**
 * `newPersonAction`'s contact-data loop: each `contact_data[#]` with a `type` and a non-empty `data` array goes
 * through its handler; a type without one, or data that fills no column, is skipped without a word.
 */
export const applyContactData = (
  state: LegacyState,
  person: PersonRow,
  params: Params
): readonly [PersonRow, LegacyState] => {
  let next = state
  let owner = person
  for (const entry of Object.values(getArray(params, "contact_data"))) {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) continue
    const record = entry as Record<string, unknown>
    const type = record["type"]
    const data = record["data"]
    if (typeof type !== "string" || type === "" || data === null || typeof data !== "object") continue
    if (Object.keys(data).length === 0) continue
    const applied = applyFormData(type, data as Record<string, unknown>)
    if (applied._tag !== "Stored") continue
    // The comment is read raw here (not through the `str` cleaner, unlike POST …/contact-details).
    const comment = typeof record["comment"] === "string" ? record["comment"] : cleanString(record["comment"])
    const [, withRecord, state2] = withDetail(next, owner, { type: applied.type, comment, fields: applied.fields })
    owner = withRecord
    next = state2
  }
  return [owner, next]
}
