/**
 * Applying a checked person write to the state, as Deskpro does: only the properties sent change; `emails`,
 * `phone_numbers` and `contact_data` replace their whole list (contact-data records get new ids); a person with
 * emails always has a primary one (the one named, else the first); an email another person of the helpdesk has
 * is refused with `dupe_email`; `organization` is a name, found in the helpdesk or created; `name` is split into
 * first and last name when those are not sent. A refusal returns the problems and leaves the state as it was.
 */
import type { InputProblem } from "./DeskproErrors.ts"
import { messages, problem } from "./DeskproErrors.ts"
import {
  type DeskproState,
  emailOwner,
  type HelpdeskId,
  organizationNamed,
  type StoredPerson,
  withPerson
} from "./DeskproState.ts"
import type { PersonWrite } from "./DeskproValidation.ts"

export type Applied =
  | { readonly ok: true; readonly person: StoredPerson; readonly state: DeskproState }
  | { readonly ok: false; readonly problems: ReadonlyArray<InputProblem> }

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/** Repeating an address within one write keeps its first spelling once. */
const distinct = (emails: ReadonlyArray<string>) =>
  emails.filter((email, i) => emails.findIndex((other) => same(other, email)) === i)

/** The person's emails and primary email after the write. */
const emailsAfter = (write: PersonWrite, existing: StoredPerson | undefined) => {
  let emails = distinct(write.emails ?? existing?.emails ?? [])
  const kept = existing?.primary_email ?? null
  let primary = write.primary !== undefined
    ? write.primary.email
    : kept !== null && emails.some((e) => same(e, kept))
    ? kept
    : null
  if (primary !== null && !emails.some((e) => same(e, primary!))) emails = [primary, ...emails]
  if (primary === null && emails.length > 0) primary = emails[0]!
  return { emails, primary }
}

/** Where an address taken by someone else was given, for the error. */
const dupePath = (write: PersonWrite, email: string): ReadonlyArray<string> | undefined => {
  if (write.primary?.email != null && same(write.primary.email, email)) {
    return write.primary.source === "primary_email" ? ["primary_email"] : ["emails", "emails_0"]
  }
  const index = (write.emails ?? []).findIndex((e) => same(e, email))
  return index === -1 ? undefined : ["emails", `emails_${index}`]
}

/** `name` → first and last name: the first word, then the rest. */
const splitName = (name: string) => {
  const trimmed = name.trim()
  const space = trimmed.search(/\s/u)
  return space === -1
    ? { first_name: trimmed, last_name: "" }
    : { first_name: trimmed.slice(0, space), last_name: trimmed.slice(space).trim() }
}

const namesAfter = (write: PersonWrite, existing: StoredPerson | undefined) => {
  if (write.first_name === undefined && write.last_name === undefined && write.name !== undefined) {
    return splitName(write.name)
  }
  return {
    first_name: write.first_name ?? existing?.first_name ?? "",
    last_name: write.last_name ?? existing?.last_name ?? ""
  }
}

export const applyWrite = (
  state: DeskproState,
  helpdesk: HelpdeskId,
  write: PersonWrite,
  existing: StoredPerson | undefined,
  now: number
): Applied => {
  const { emails, primary } = emailsAfter(write, existing)
  const problems = emails.flatMap((email) => {
    const owner = emailOwner(state, helpdesk, email)
    const path = owner === undefined || owner === existing?.id ? undefined : dupePath(write, email)
    return path === undefined ? [] : [problem(path, "dupe_email", messages.dupeEmail(email))]
  })
  if (problems.length > 0) return { ok: false, problems }

  let next = state
  let organization = existing?.organization ?? null
  if (write.organization !== undefined) {
    if (write.organization === null) organization = null
    else {
      const [found, withOrganization] = organizationNamed(state, helpdesk, write.organization, now)
      organization = found.id
      next = withOrganization
    }
  }
  const contactData = write.contact_data === undefined
    ? existing?.contact_data ?? []
    : write.contact_data.map((record, i) => ({ id: next.nextContactDataId + i, ...record }))
  const person: StoredPerson = {
    id: existing?.id ?? next.nextPersonId,
    helpdesk,
    ...namesAfter(write, existing),
    title_prefix: write.title_prefix ?? existing?.title_prefix ?? "",
    override_display_name: write.override_display_name ?? existing?.override_display_name ?? "",
    primary_email: primary,
    emails,
    phone_numbers: write.phone_numbers ?? existing?.phone_numbers ?? [],
    contact_data: contactData,
    organization,
    organization_position: write.organization_position ?? existing?.organization_position ?? "",
    summary: write.summary ?? existing?.summary ?? "",
    timezone: write.timezone ?? existing?.timezone ?? "UTC",
    language: write.language ?? existing?.language ?? 1,
    is_agent: write.is_agent ?? existing?.is_agent ?? false,
    labels: write.labels ?? existing?.labels ?? [],
    fields: write.fields ?? existing?.fields ?? {},
    date_created: existing?.date_created ?? now
  }
  return { ok: true, person, state: withPerson(next, person, existing) }
}
