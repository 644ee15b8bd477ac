/**
 * Validation of contact and group bodies, as Phone.com documents it. Each failure is reported Laravel-style under
 * the dotted wire path (`emails.0.email`), which becomes the 422 `@details`. Rules:
 * - the body is a JSON object; unknown keys and read-only keys (`id`, `created_at`, `updated_at`, `normalized`)
 *   are ignored, so a client may PUT back what it read;
 * - each name field (`prefix` … `job_title`) is a string or null, at most 255 characters;
 * - `emails`: an array (or null = empty) of at most 2 objects; `type` one of primary, alternate (default
 *   primary); `email` required, a non-empty string of at most 255 characters (syntax is not checked: Phone.com
 *   documents none);
 * - `phone_numbers`: at most 5 (Phone.com's CLI tests accept 5 and reject 6); `type` one of home, business,
 *   mobile, fax, pager (default home); `number` required, a non-empty string of at most 255 characters;
 * - `addresses`: an array of objects; `type` one of home, business (default home); street, city, state, zip,
 *   country strings or null of at most 255 characters;
 * - `group`: null, or a lookup object `{id}` or `{name}` naming a group of the same extension;
 * - a group body: `name` required, a non-empty string of at most 255 characters, unique within the extension.
 */
import { normalizePhone } from "./PhonecomNormalize.ts"
import type {
  AddressType,
  ContactInput,
  EmailType,
  PhoneType,
  StoredAddress,
  StoredEmail,
  StoredGroup,
  StoredPhone
} from "./PhonecomState.ts"
import { nameFields } from "./PhonecomState.ts"

export type Details = Record<string, Array<string>>
export type Validated<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly details: Details }

const maxLength = 255
const maxEmails = 2
const maxPhones = 5
const emailTypes: ReadonlyArray<EmailType> = ["primary", "alternate"]
const phoneTypes: ReadonlyArray<PhoneType> = ["home", "business", "mobile", "fax", "pager"]
const addressTypes: ReadonlyArray<AddressType> = ["home", "business"]

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

class Collector {
  readonly details: Details = {}
  add(path: string, message: string) {
    ;(this.details[path] ??= []).push(message)
  }
  get ok() {
    return Object.keys(this.details).length === 0
  }
}

const optionalString = (issues: Collector, path: string, name: string, value: unknown): string | null => {
  if (value === undefined || value === null) return null
  if (typeof value !== "string") {
    issues.add(path, `The ${name} must be a string.`)
    return null
  }
  if (value.length > maxLength) issues.add(path, `The ${name} may not be greater than ${maxLength} characters.`)
  return value
}

const requiredString = (issues: Collector, path: string, name: string, value: unknown): string => {
  if (value === undefined || value === null || value === "") {
    issues.add(path, `The ${name} field is required.`)
    return ""
  }
  return optionalString(issues, path, name, value) ?? ""
}

const oneOf = <T extends string>(
  issues: Collector,
  path: string,
  allowed: ReadonlyArray<T>,
  fallback: T,
  value: unknown
): T => {
  if (value === undefined || value === null) return fallback
  if (typeof value === "string" && (allowed as ReadonlyArray<string>).includes(value)) return value as T
  issues.add(path, `The type must be one of: ${allowed.join(", ")}.`)
  return fallback
}

const list = (
  issues: Collector,
  key: string,
  label: string,
  max: number | undefined,
  value: unknown
): ReadonlyArray<Record<string, unknown>> => {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    issues.add(key, `The ${key} must be an array.`)
    return []
  }
  if (max !== undefined && value.length > max) issues.add(key, `At most ${max} ${label} are allowed.`)
  return value.flatMap((item: unknown, index) => {
    if (isObject(item)) return [item]
    issues.add(`${key}.${index}`, `The ${key}.${index} must be an object.`)
    return []
  })
}

const lookupGroup = (
  issues: Collector,
  groups: ReadonlyArray<StoredGroup>,
  value: unknown
): number | null => {
  if (value === undefined || value === null) return null
  if (!isObject(value) || (value["id"] === undefined && value["name"] === undefined)) {
    issues.add("group", "The group must be an object with an id or a name.")
    return null
  }
  const { id, name } = value
  if (id !== undefined && !(typeof id === "number" && Number.isInteger(id))) {
    issues.add("group.id", "The group.id must be an integer.")
    return null
  }
  if (name !== undefined && typeof name !== "string") {
    issues.add("group.name", "The group.name must be a string.")
    return null
  }
  // Every property given must match, as Phone.com documents for lookup objects.
  const found = groups.find((group) =>
    (id === undefined || group.id === id) && (name === undefined || group.name === name)
  )
  if (found === undefined) {
    issues.add("group", "The selected group is invalid.")
    return null
  }
  return found.id
}

/** Validates a POST/PUT contact body against the groups of the target extension. */
export const validateContact = (body: unknown, groups: ReadonlyArray<StoredGroup>): Validated<ContactInput> => {
  const issues = new Collector()
  if (!isObject(body)) return { ok: false, details: { body: ["The request body must be a JSON object."] } }
  const names = Object.fromEntries(
    nameFields.map((field) => [field, optionalString(issues, field, field, body[field])])
  ) as { [K in typeof nameFields[number]]: string | null }
  const emails: Array<StoredEmail> = list(issues, "emails", "emails", maxEmails, body["emails"]).map((item, i) => ({
    type: oneOf(issues, `emails.${i}.type`, emailTypes, "primary", item["type"]),
    email: requiredString(issues, `emails.${i}.email`, "email", item["email"])
  }))
  const phones: Array<StoredPhone> = list(issues, "phone_numbers", "phone numbers", maxPhones, body["phone_numbers"])
    .map((item, i) => {
      const number = requiredString(issues, `phone_numbers.${i}.number`, "number", item["number"])
      return {
        type: oneOf(issues, `phone_numbers.${i}.type`, phoneTypes, "home", item["type"]),
        number,
        normalized: normalizePhone(number)
      }
    })
  const addresses: Array<StoredAddress> = list(issues, "addresses", "addresses", undefined, body["addresses"]).map(
    (item, i) => ({
      type: oneOf(issues, `addresses.${i}.type`, addressTypes, "home", item["type"]),
      street: optionalString(issues, `addresses.${i}.street`, "street", item["street"]),
      city: optionalString(issues, `addresses.${i}.city`, "city", item["city"]),
      state: optionalString(issues, `addresses.${i}.state`, "state", item["state"]),
      zip: optionalString(issues, `addresses.${i}.zip`, "zip", item["zip"]),
      country: optionalString(issues, `addresses.${i}.country`, "country", item["country"])
    })
  )
  const groupId = lookupGroup(issues, groups, body["group"])
  if (!issues.ok) return { ok: false, details: issues.details }
  return { ok: true, value: { ...names, emails, phone_numbers: phones, addresses, groupId } }
}

/** Validates a POST/PUT group body; `selfId` is the group being replaced, which may keep its own name. */
export const validateGroup = (
  body: unknown,
  groups: ReadonlyArray<StoredGroup>,
  selfId?: number
): Validated<{ readonly name: string }> => {
  const issues = new Collector()
  if (!isObject(body)) return { ok: false, details: { body: ["The request body must be a JSON object."] } }
  const name = requiredString(issues, "name", "name", body["name"])
  if (issues.ok && groups.some((group) => group.name === name && group.id !== selfId)) {
    issues.add("name", "The name has already been taken.")
  }
  return issues.ok ? { ok: true, value: { name } } : { ok: false, details: issues.details }
}
