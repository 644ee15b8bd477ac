/**
 * How the legacy API renders its objects (`DomainObject::toApiData`): a record's mapped columns, its API
 * associations, and what the entity adds (`ContactDataAbstract` the handler's keys; `Person` its labels, display
 * name, primary address and picture URL). Collections the server keys by id (contact data, search results) are
 * JSON objects keyed by id, and `[]` when empty, as PHP's `json_encode` writes them.
 */
import { apiVars } from "./LegacyContactData.ts"
import type { DetailRow, EmailRow, LegacyState, PersonRow } from "./LegacyState.ts"
import { detailsOf, emailsOf, rowOf } from "./LegacyState.ts"

/** `Y-m-d H:i:s` in UTC, as the API formats dates. */
export const timestamp = (millis: number): string => new Date(millis).toISOString().slice(0, 19).replace("T", " ")

/** A PHP array keyed by id, as `json_encode` writes it. */
export const keyedById = <A extends { readonly id: number }>(
  rows: ReadonlyArray<A>,
  render: (row: A) => unknown
): Readonly<Record<string, unknown>> | ReadonlyArray<never> =>
  rows.length === 0 ? [] : Object.fromEntries(rows.map((row) => [String(row.id), render(row)]))

export const detailResource = (row: DetailRow) => ({
  id: row.id,
  contact_type: row.type,
  comment: row.comment,
  ...Object.fromEntries(row.fields.map((value, i) => [`field_${i + 1}`, value])),
  ...apiVars(row.type, row.fields)
})

export const emailResource = (row: EmailRow) => ({
  id: row.id,
  email: row.email,
  email_domain: row.email.slice(row.email.indexOf("@") + 1),
  is_own_validated: false,
  is_validated: true,
  comment: row.comment,
  date_created: timestamp(row.createdAt),
  date_validated: timestamp(row.createdAt)
})

/** `Person::getDisplayName`: first and last name, else the name, else something from the e-mail address. */
const displayName = (person: PersonRow, primary: string | null) => {
  if (person.firstName !== "" && person.lastName !== "") return `${person.firstName} ${person.lastName}`
  if (person.name !== "") return person.name
  if (primary !== null) return primary.split("@")[0] ?? primary
  return `ID-${person.id}`
}

export const personResource = (state: LegacyState, person: PersonRow) => {
  const primary = person.primaryEmailId === null ? null : rowOf(state.emails, person.primaryEmailId)?.email ?? null
  const organization = person.organizationId === null ? undefined : rowOf(state.organizations, person.organizationId)
  return {
    id: person.id,
    gravatar_url: "",
    disable_picture: false,
    is_contact: true,
    is_user: false,
    is_agent: false,
    was_agent: false,
    can_agent: false,
    can_admin: false,
    can_billing: false,
    can_reports: false,
    is_vacation_mode: false,
    disable_autoresponses: person.disableAutoresponses,
    disable_autoresponses_log: "",
    is_confirmed: true,
    is_agent_confirmed: true,
    is_deleted: false,
    is_disabled: person.isDisabled,
    importance: 0,
    creation_system: "web.api",
    name: person.name,
    first_name: person.firstName,
    last_name: person.lastName,
    title_prefix: "",
    override_display_name: "",
    summary: person.summary,
    organization_position: person.organizationPosition,
    organization_manager: false,
    timezone: person.timezone,
    date_created: timestamp(person.createdAt),
    date_last_login: null,
    date_picture_check: null,
    // An association that is null is left out, not rendered as null.
    ...(organization === undefined ? {} : {
      organization: {
        id: organization.id,
        name: organization.name,
        summary: "",
        importance: 0,
        date_created: timestamp(organization.createdAt)
      }
    }),
    emails: emailsOf(state, person).map(emailResource),
    contact_data: keyedById(detailsOf(state, person), detailResource),
    usergroups: [],
    slas: [],
    labels: person.labels,
    display_name: displayName(person, primary),
    primary_email: primary,
    picture_url: `https://www.gravatar.com/avatar/${person.id}?&d=mm`
  }
}
