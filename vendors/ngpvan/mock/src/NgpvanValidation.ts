/**
 * Reading a contact body (NGP's Contacts common model) into a checked `ContactInput`, or the list of NGP errors
 * that says what is wrong — every problem at once, each `INVALID_PARAMETER` naming its property in NGP's notation
 * (`emails[1].type`, `phones[0].number`). The rules (README.md beside the OpenAPI document gives the evidence):
 * - `type` is `INDIVIDUAL` or `ORGANIZATION` (required on create); `prefix` … `nickname` are for individuals,
 *   `commonName` and `officialName` for organisations; `prefix` must be one of the tenant's prefixes;
 * - text is a string of at most 255 characters (on update `null` clears it); `facebookProfileUrl` an absolute URL;
 * - `emails`, `phones`, `addresses`: each entry needs a known `type`, and no two entries may share one; an email
 *   address must look like one, a phone number must be a possible number (North America unless it says otherwise);
 * - `externalLinks`, `contactCodes`, `disclosureFields` are checked for shape only (the ids are not looked up);
 * - unknown properties are ignored, as ASP.NET's model binding does.
 * The identification rule is about the resulting contact, so it is `identificationError`, checked after merging.
 */
import { invalid, type NgpvanError } from "./NgpvanErrors.ts"
import { isPossiblePhone } from "./NgpvanPossiblePhone.ts"
import {
  addressTexts,
  addressTypes,
  type ContactCode,
  type ContactData,
  type ContactType,
  contactTypes,
  type DisclosureField,
  emailTypes,
  type ExternalLink,
  individualTexts,
  organizationTexts,
  phoneTypes,
  prefixes,
  type StoredAddress,
  type StoredEmail,
  type StoredPhone,
  type TextField,
  textFields
} from "./NgpvanState.ts"

/** A checked body. Only what the body carries is present; a text set to `null` (update) clears it. */
export interface ContactInput {
  readonly type?: ContactType
  readonly texts: { readonly [K in TextField]?: string | null }
  readonly emails?: ReadonlyArray<EmailInput>
  readonly phones?: ReadonlyArray<StoredPhone>
  readonly addresses?: ReadonlyArray<StoredAddress>
  readonly externalLinks?: ReadonlyArray<ExternalLink>
  readonly contactCodes?: ReadonlyArray<ContactCode>
  readonly disclosureFields?: ReadonlyArray<DisclosureField>
}

export type Validated =
  | { readonly ok: true; readonly value: ContactInput }
  | { readonly ok: false; readonly errors: ReadonlyArray<NgpvanError> }

const maxText = 255
const maxPostalCode = 32
const maxPhoneNumber = 64
const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/u
const urlPattern = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/u
const countryCodePattern = /^[A-Z]{2}$/u
const sourceTypePattern = /^[0-9]{1,9}$/u

type Json = Record<string, unknown>
/** An entry being read: a part that failed its check is undefined (and reported, so the body is refused). */
type Checking<A> = { readonly [K in keyof A]?: A[K] | undefined }
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value)
const isPositiveInt = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1

class Problems {
  readonly errors: Array<NgpvanError> = []
  add(text: string, ...properties: ReadonlyArray<string>) {
    this.errors.push(invalid(text, ...properties))
  }
  /** A string of at most `max` characters, or undefined after reporting why not. */
  text(path: string, value: unknown, max: number, required: boolean): string | undefined {
    if (value === undefined || value === null) {
      if (required) this.add(`${path} is required.`, path)
      return undefined
    }
    if (typeof value !== "string") return void this.add(`${path} must be a string.`, path)
    if (value.length > max) return void this.add(`${path} must be at most ${max} characters.`, path)
    if (required && value.trim() === "") return void this.add(`${path} is required.`, path)
    return value
  }
  oneOf<T extends string>(path: string, value: unknown, allowed: ReadonlyArray<T>): T | undefined {
    if (typeof value === "string" && (allowed as ReadonlyArray<string>).includes(value)) return value as T
    this.add(`${path} must be one of ${allowed.join(", ")}.`, path)
    return undefined
  }
  /** The entries of an array property, each an object (others reported); undefined when the body has none. */
  list(key: string, value: unknown): ReadonlyArray<readonly [Json, string]> | undefined {
    if (value === undefined || value === null) return undefined
    if (!Array.isArray(value)) return void this.add(`${key} must be an array.`, key)
    return value.flatMap((item: unknown, i) => {
      const path = `${key}[${i}]`
      if (isObject(item)) return [[item, path] as const]
      this.add(`${path} must be an object.`, path)
      return []
    })
  }
  /** "It's not possible to have two emails with the same type": the later duplicate is named. */
  uniqueTypes(key: string, noun: string, types: ReadonlyArray<string | undefined>) {
    types.forEach((type, i) => {
      if (type !== undefined && types.indexOf(type) < i) {
        this.add(`It's not possible to have two ${noun} with the same type.`, `${key}[${i}].type`)
      }
    })
  }
}

/** An email as a body gives it: `doNotEmail` and `appliedEmailLists` only when sent (a merge keeps the stored ones). */
export interface EmailInput {
  readonly address: string
  readonly type: StoredEmail["type"]
  readonly doNotEmail?: boolean
  readonly appliedEmailLists?: StoredEmail["appliedEmailLists"]
}

const readEmails = (problems: Problems, value: unknown): ReadonlyArray<EmailInput> | undefined => {
  const items = problems.list("emails", value)
  if (items === undefined) return undefined
  const emails = items.map(([item, path]): Checking<EmailInput> => {
    const address = problems.text(`${path}.address`, item["address"], maxText, true)
    if (address !== undefined && !emailPattern.test(address)) {
      problems.add("A valid email address is required.", `${path}.address`)
    }
    const doNotEmail = item["doNotEmail"]
    const sendsFlag = doNotEmail !== undefined && doNotEmail !== null
    if (sendsFlag && typeof doNotEmail !== "boolean") {
      problems.add(`${path}.doNotEmail must be true or false.`, `${path}.doNotEmail`)
    }
    const lists = problems.list(`${path}.appliedEmailLists`, item["appliedEmailLists"])
    const appliedEmailLists = lists?.flatMap(([list, at]) => {
      if (isPositiveInt(list["emailListId"])) return [{ emailListId: list["emailListId"] }]
      problems.add(`${at}.emailListId must be a positive integer.`, `${at}.emailListId`)
      return []
    })
    return {
      ...(address === undefined ? {} : { address }),
      type: problems.oneOf(`${path}.type`, item["type"], emailTypes),
      ...(sendsFlag ? { doNotEmail: doNotEmail === true } : {}),
      ...(appliedEmailLists === undefined ? {} : { appliedEmailLists })
    }
  })
  problems.uniqueTypes("emails", "emails", emails.map((e) => e.type))
  return emails as ReadonlyArray<EmailInput>
}

const readPhones = (problems: Problems, value: unknown): ReadonlyArray<StoredPhone> | undefined => {
  const items = problems.list("phones", value)
  if (items === undefined) return undefined
  const phones = items.map(([item, path]): Checking<StoredPhone> => {
    const number = problems.text(`${path}.number`, item["number"], maxPhoneNumber, true)
    if (number !== undefined && !isPossiblePhone(number)) {
      problems.add("A valid phone number is required.", `${path}.number`)
    }
    return {
      ...(number === undefined ? {} : { number }),
      type: problems.oneOf(`${path}.type`, item["type"], phoneTypes)
    }
  })
  problems.uniqueTypes("phones", "phones", phones.map((p) => p.type))
  return phones as ReadonlyArray<StoredPhone>
}

const readAddresses = (problems: Problems, value: unknown): ReadonlyArray<StoredAddress> | undefined => {
  const items = problems.list("addresses", value)
  if (items === undefined) return undefined
  const addresses = items.map(([item, path]) => {
    const parts: Record<string, string> = {}
    for (const key of addressTexts) {
      const text = problems.text(`${path}.${key}`, item[key], key === "postalCode" ? maxPostalCode : maxText, false)
      if (text === undefined) continue
      if (key === "countryCode" && !countryCodePattern.test(text)) {
        problems.add(`${path}.countryCode must be an ISO 3166-1 alpha-2 code.`, `${path}.countryCode`)
      }
      parts[key] = text
    }
    return { ...parts, type: problems.oneOf(`${path}.type`, item["type"], addressTypes) }
  })
  problems.uniqueTypes("addresses", "addresses", addresses.map((a) => a.type))
  return addresses as ReadonlyArray<StoredAddress>
}

const readExternalLinks = (problems: Problems, value: unknown) =>
  problems.list("externalLinks", value)?.flatMap(([item, path]): ReadonlyArray<ExternalLink> => {
    const sourceType = item["externalSourceTypeId"]
    const externalId = problems.text(`${path}.externalId`, item["externalId"], maxText, true)
    if (typeof sourceType !== "string" || !sourceTypePattern.test(sourceType)) {
      problems.add(`${path}.externalSourceTypeId must be a numeric string.`, `${path}.externalSourceTypeId`)
      return []
    }
    return externalId === undefined ? [] : [{ externalSourceTypeId: sourceType, externalId }]
  })

const readContactCodes = (problems: Problems, value: unknown) =>
  problems.list("contactCodes", value)?.flatMap(([item, path]): ReadonlyArray<ContactCode> => {
    if (isPositiveInt(item["contactCodeId"])) return [{ contactCodeId: item["contactCodeId"] }]
    problems.add(`${path}.contactCodeId must be a positive integer.`, `${path}.contactCodeId`)
    return []
  })

const readDisclosureFields = (problems: Problems, value: unknown) =>
  problems.list("disclosureFields", value)?.flatMap(([item, path]): ReadonlyArray<DisclosureField> => {
    const { designationId, disclosureFieldId, value: fieldValue } = item
    const ok = isPositiveInt(disclosureFieldId) && isPositiveInt(designationId) &&
      (typeof fieldValue === "string" || (typeof fieldValue === "number" && Number.isFinite(fieldValue)))
    if (ok) return [{ disclosureFieldId, designationId, value: fieldValue }]
    problems.add(`${path} needs a disclosureFieldId, a designationId and a value.`, path)
    return []
  })

const onlyFor: Record<TextField, ContactType | undefined> = Object.fromEntries(
  textFields.map((field) => [
    field,
    (individualTexts as ReadonlyArray<string>).includes(field)
      ? "INDIVIDUAL"
      : (organizationTexts as ReadonlyArray<string>).includes(field)
      ? "ORGANIZATION"
      : undefined
  ])
) as Record<TextField, ContactType | undefined>

/**
 * Checks a create (`current` undefined) or update body. `current` is the stored contact's type: a body without
 * `type` keeps it, and decides which of the type-only properties may be sent.
 */
export const validateContact = (body: unknown, current?: ContactType): Validated => {
  if (!isObject(body)) return { ok: false, errors: [invalid("The request body must be a JSON object.")] }
  const problems = new Problems()
  const type = body["type"] === undefined && current !== undefined
    ? undefined
    : problems.oneOf("type", body["type"], contactTypes)
  const effectiveType = type ?? current
  const texts: { [K in TextField]?: string | null } = {}
  for (const field of textFields) {
    const raw = body[field]
    if (raw === undefined || (raw === null && current === undefined)) continue
    if (raw === null) {
      texts[field] = null
      continue
    }
    const text = problems.text(field, raw, maxText, false)
    if (text === undefined) continue
    const only = onlyFor[field]
    if (only !== undefined && effectiveType !== undefined && only !== effectiveType) {
      problems.add(`${field} is for ${only} contacts only.`, field)
    } else if (field === "prefix" && !prefixes.includes(text)) {
      problems.add(`prefix must be one of your available prefixes: ${prefixes.join(", ")}.`, "prefix")
    } else if (field === "facebookProfileUrl" && !urlPattern.test(text)) {
      problems.add("facebookProfileUrl must be the fully qualified URL of a Facebook profile.", "facebookProfileUrl")
    }
    texts[field] = text
  }
  const lists = {
    emails: readEmails(problems, body["emails"]),
    phones: readPhones(problems, body["phones"]),
    addresses: readAddresses(problems, body["addresses"]),
    externalLinks: readExternalLinks(problems, body["externalLinks"]),
    contactCodes: readContactCodes(problems, body["contactCodes"]),
    disclosureFields: readDisclosureFields(problems, body["disclosureFields"])
  }
  if (problems.errors.length > 0) return { ok: false, errors: problems.errors }
  const present = Object.fromEntries(Object.entries(lists).filter(([, list]) => list !== undefined))
  return { ok: true, value: { ...(type === undefined ? {} : { type }), texts, ...present } }
}

/** The identification rule (NGP's Contacts common model), about the contact as it would be stored. */
export const identificationError = (contact: ContactData): NgpvanError | undefined => {
  const set = (text: string | undefined) => text !== undefined && text.trim() !== ""
  const named = contact.type === "INDIVIDUAL"
    ? set(contact.firstName) && set(contact.lastName)
    : set(contact.commonName)
  if (named || contact.emails.length > 0 || contact.phones.length > 0) return undefined
  return invalid(
    "A contact needs firstName and lastName (INDIVIDUAL) or commonName (ORGANIZATION), or at least one email or phone.",
    "firstName",
    "lastName",
    "commonName",
    "emails",
    "phones"
  )
}
