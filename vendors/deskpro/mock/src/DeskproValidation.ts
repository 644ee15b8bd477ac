/**
 * Checking a person write (`POST /people`, `PUT /people/{id}`) the way Deskpro does: every problem is collected
 * and reported at once under `errors` (unexpected names as `extra_fields`, each input's problems under
 * `fields.<name>`), and nothing is written unless the whole input is valid. What passes comes out as a
 * `PersonWrite` holding only the properties that were sent, because a PUT changes only those.
 *
 * The input names are the generated client's `PersonType` plus `email`, which Deskpro reads as the primary
 * email on create (HMRC's production connector creates people with `{"name", "email"}`).
 */
import type { ContactDataInput } from "./DeskproContactData.ts"
import { checkContactData, isObject } from "./DeskproContactDataValidation.ts"
import { extraFields, type InputProblem, messages, problem } from "./DeskproErrors.ts"
import type { StoredPhone } from "./DeskproState.ts"

export type WriteMode = "create" | "update"

/** Where a primary email came from, for naming it in a `dupe_email` error. */
export type PrimarySource = "primary_email" | "email"

export interface PersonWrite {
  readonly name?: string
  readonly first_name?: string
  readonly last_name?: string
  readonly title_prefix?: string
  readonly override_display_name?: string
  readonly summary?: string
  readonly timezone?: string
  readonly organization_position?: string
  readonly primary?: { readonly email: string | null; readonly source: PrimarySource }
  readonly emails?: ReadonlyArray<string>
  readonly organization?: string | null
  readonly language?: number
  readonly is_agent?: boolean
  readonly labels?: ReadonlyArray<string>
  readonly fields?: Readonly<Record<string, unknown>>
  readonly phone_numbers?: ReadonlyArray<StoredPhone>
  readonly contact_data?: ReadonlyArray<ContactDataInput>
}

/** Texts Deskpro keeps in 255-character columns. */
const shortTexts = ["name", "first_name", "last_name", "title_prefix", "override_display_name", "organization_position"]
const longTexts = ["summary", "timezone", "password"]
const idLists = ["user_groups", "agent_groups", "teams"]

const accepted = (mode: WriteMode) =>
  new Set([
    ...shortTexts,
    ...longTexts,
    ...idLists,
    "primary_email",
    "emails",
    "organization",
    "language",
    "is_agent",
    "labels",
    "primary_team",
    "agent_data",
    "fields",
    "phone_numbers",
    "contact_data",
    ...(mode === "create" ? ["email"] : [])
  ].filter((name) => mode === "create" || name !== "password"))

const maxText = 255

/** Deskpro's email check: something, an @, a domain with a dot, no spaces. */
export const isEmailAddress = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(value)

const isIdLike = (value: unknown) => typeof value === "string" || (typeof value === "number" && Number.isInteger(value))

export type Checked =
  | { readonly ok: true; readonly value: PersonWrite }
  | { readonly ok: false; readonly problems: ReadonlyArray<InputProblem> }

export const checkPerson = (body: unknown, mode: WriteMode): Checked => {
  if (!isObject(body)) {
    return { ok: false, problems: [problem([], "invalid_type", "The request body must be a JSON object.")] }
  }
  const problems: Array<InputProblem> = []
  const out: { -readonly [K in keyof PersonWrite]: PersonWrite[K] } = {}
  const wrongType = (name: string, type: string) =>
    problems.push(problem([name], "invalid_type", messages.invalidType(type)))
  const unexpected = Object.keys(body).filter((name) => !accepted(mode).has(name))
  if (unexpected.length > 0) problems.push(extraFields([], unexpected))

  for (const name of [...shortTexts, ...longTexts]) {
    const value = body[name]
    if (value === undefined) continue
    if (typeof value !== "string") wrongType(name, "string")
    else if (shortTexts.includes(name) && value.length > maxText) {
      problems.push(problem([name], "too_long", messages.tooLong(maxText)))
    } else if (name !== "password") (out as Record<string, unknown>)[name] = value
  }

  const email = (name: PrimarySource) => {
    const value = body[name]
    if (value === undefined) return
    if (value === null && name === "primary_email" && mode === "update") out.primary = { email: null, source: name }
    else if (typeof value !== "string") wrongType(name, "string")
    else if (!isEmailAddress(value)) problems.push(problem([name], "invalid_email", messages.invalidEmail))
    else if (out.primary === undefined) out.primary = { email: value, source: name }
  }
  email("primary_email")
  email("email")

  if (body["emails"] !== undefined) {
    const list = body["emails"]
    if (!Array.isArray(list)) wrongType("emails", "array")
    else {
      list.forEach((value: unknown, i) => {
        const at = ["emails", `emails_${i}`]
        if (typeof value !== "string") problems.push(problem(at, "invalid_type", messages.invalidType("string")))
        else if (!isEmailAddress(value)) problems.push(problem(at, "invalid_email", messages.invalidEmail))
      })
      out.emails = list.filter((value): value is string => typeof value === "string")
    }
  }

  const organization = body["organization"]
  if (organization === null) out.organization = null
  else if (organization !== undefined) {
    if (typeof organization !== "string") wrongType("organization", "string")
    else if (organization.length > maxText) {
      problems.push(problem(["organization"], "too_long", messages.tooLong(maxText)))
    } else out.organization = organization === "" ? null : organization
  }

  const language = body["language"]
  if (language !== undefined) {
    if (typeof language === "number" && Number.isInteger(language)) out.language = language
    else if (typeof language !== "string") wrongType("language", "integer")
    else if (/^\d+$/u.test(language)) out.language = Number(language)
  }
  const isAgent = body["is_agent"]
  if (isAgent !== undefined) {
    if (typeof isAgent !== "boolean") wrongType("is_agent", "boolean")
    else out.is_agent = isAgent
  }
  const labels = body["labels"]
  if (labels !== undefined) {
    if (!Array.isArray(labels) || !labels.every((l) => typeof l === "string")) wrongType("labels", "array of strings")
    else out.labels = labels
  }
  for (const name of idLists) {
    const value = body[name]
    if (value !== undefined && (!Array.isArray(value) || !value.every(isIdLike))) wrongType(name, "array of ids")
  }
  const team = body["primary_team"]
  if (team !== undefined && team !== null && !isIdLike(team)) wrongType("primary_team", "id")
  if (body["agent_data"] !== undefined && !isObject(body["agent_data"])) wrongType("agent_data", "object")
  const fields = body["fields"]
  if (fields !== undefined) {
    if (!isObject(fields)) wrongType("fields", "object")
    else out.fields = fields
  }

  if (body["phone_numbers"] !== undefined) out.phone_numbers = checkPhones(body["phone_numbers"], problems)
  if (body["contact_data"] !== undefined) out.contact_data = checkContactData(body["contact_data"], problems)
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: out }
}

const checkPhones = (value: unknown, problems: Array<InputProblem>): ReadonlyArray<StoredPhone> => {
  if (!Array.isArray(value)) {
    problems.push(problem(["phone_numbers"], "invalid_type", messages.invalidType("array")))
    return []
  }
  return value.flatMap((item: unknown, i): ReadonlyArray<StoredPhone> => {
    const at = ["phone_numbers", `phone_numbers_${i}`]
    if (!isObject(item)) {
      problems.push(problem(at, "invalid_type", messages.invalidType("object")))
      return []
    }
    const before = problems.length
    const unexpected = Object.keys(item).filter((key) => !["number", "label", "extension"].includes(key))
    if (unexpected.length > 0) problems.push(extraFields(at, unexpected))
    const text = (key: string) => {
      const v = item[key]
      if (v === undefined || v === null) return ""
      if (typeof v === "string") return v
      problems.push(problem([...at, key], "invalid_type", messages.invalidType("string")))
      return ""
    }
    const phone = { number: text("number"), label: text("label"), extension: text("extension") }
    if (phone.number === "" && problems.length === before) {
      problems.push(problem([...at, "number"], "required", messages.required))
    }
    return problems.length > before ? [] : [phone]
  })
}
