/**
 * Phone.com API v4 wire shapes (account-extension contacts), only what we read and write.
 * Tolerant on read: unknown keys are ignored, text may be null or missing, and `type`s are
 * read as plain strings so a type we do not know yet does not make a contact unreadable.
 *
 * Docs: https://apidocs.phone.com/reference (Account Extension Contacts).
 */
import {
  arrayOf,
  isFiniteNumber as isNumber,
  isJsonRecord as isRecord,
  isString,
  type JsonRecord,
  optionalOrNull as optional
} from "@contactkit/adapter-kit"
import { Schema } from "effect"

const Text = Schema.optionalKey(Schema.NullOr(Schema.String))

export const PhonecomEmail = Schema.Struct({
  /** `primary` | `alternate`; default `primary`. */
  type: Text,
  email: Schema.String
})
export type PhonecomEmail = typeof PhonecomEmail.Type

export const PhonecomPhone = Schema.Struct({
  /** `home` | `business` | `mobile` | `fax` | `pager`; default `home`. */
  type: Text,
  number: Schema.String,
  /** E.164, read-only; not trusted unless it really is E.164. */
  normalized: Text
})
export type PhonecomPhone = typeof PhonecomPhone.Type

export const PhonecomAddress = Schema.Struct({
  /** `home` | `business`; default `home`. */
  type: Text,
  street: Text,
  city: Text,
  state: Text,
  zip: Text,
  country: Text
})
export type PhonecomAddress = typeof PhonecomAddress.Type

/** Group Summary Object, as read. */
export const PhonecomGroup = Schema.Struct({
  id: Schema.Number,
  name: Text
})
export type PhonecomGroup = typeof PhonecomGroup.Type

/** ContactFull. */
export const PhonecomContact = Schema.Struct({
  id: Schema.Number,
  prefix: Text,
  first_name: Text,
  middle_name: Text,
  last_name: Text,
  suffix: Text,
  nickname: Text,
  company: Text,
  phonetic_first_name: Text,
  phonetic_middle_name: Text,
  phonetic_last_name: Text,
  department: Text,
  job_title: Text,
  emails: Schema.optionalKey(Schema.NullOr(Schema.Array(PhonecomEmail))),
  phone_numbers: Schema.optionalKey(Schema.NullOr(Schema.Array(PhonecomPhone))),
  addresses: Schema.optionalKey(Schema.NullOr(Schema.Array(PhonecomAddress))),
  group: Schema.optionalKey(Schema.NullOr(PhonecomGroup)),
  created_at: Schema.optionalKey(Schema.NullOr(Schema.Number)),
  updated_at: Schema.optionalKey(Schema.NullOr(Schema.Number))
})
export type PhonecomContact = typeof PhonecomContact.Type

const InputText = Schema.NullOr(Schema.String)

/** CreateContactParams: the body of POST and PUT (PUT replaces the whole contact). */
export const PhonecomContactInput = Schema.Struct({
  prefix: InputText,
  first_name: InputText,
  middle_name: InputText,
  last_name: InputText,
  suffix: InputText,
  nickname: InputText,
  company: InputText,
  phonetic_first_name: InputText,
  phonetic_middle_name: InputText,
  phonetic_last_name: InputText,
  department: InputText,
  job_title: InputText,
  emails: Schema.Array(Schema.Struct({ type: Schema.Literals(["primary", "alternate"]), email: Schema.String })),
  phone_numbers: Schema.Array(Schema.Struct({
    type: Schema.Literals(["home", "business", "mobile", "fax", "pager"]),
    number: Schema.String
  })),
  addresses: Schema.Array(Schema.Struct({
    type: Schema.Literals(["home", "business"]),
    street: InputText,
    city: InputText,
    state: InputText,
    zip: InputText,
    country: InputText
  })),
  /** Group Lookup Object: sent only to keep the group a contact already has. */
  group: Schema.optionalKey(Schema.Struct({ id: Schema.Number }))
})
export type PhonecomContactInput = typeof PhonecomContactInput.Type

/** ListContacts. */
export const PhonecomList = Schema.Struct({
  total: Schema.optionalKey(Schema.NullOr(Schema.Number)),
  offset: Schema.optionalKey(Schema.NullOr(Schema.Number)),
  limit: Schema.optionalKey(Schema.NullOr(Schema.Number)),
  items: Schema.Array(PhonecomContact)
})
export type PhonecomList = typeof PhonecomList.Type

/** The Mason error envelope every failure carries. */
export const PhonecomError = Schema.Struct({
  "@error": Schema.Struct({
    "@httpStatusCode": Schema.optionalKey(Schema.Number),
    "@message": Schema.optionalKey(Schema.String),
    /** On 422: wire path (`emails.1.email`) → messages. */
    "@details": Schema.optionalKey(Schema.Record(Schema.String, Schema.Array(Schema.String))),
    /** On 429. */
    "@rateLimit": Schema.optionalKey(Schema.Struct({ "Retry-After": Schema.optionalKey(Schema.Number) }))
  })
})
export type PhonecomError = typeof PhonecomError.Type

// ── fast check of a listing page ─────────────────────────────────────────────────────────────
// What the schemas above accept, checked by hand for the hot path (`decodeJsonWithRaw`'s `accepts`): never more
// than they accept (test/PhonecomSchemaCheck.test.ts), so anything it refuses is decoded by the schema as before.

type Json = JsonRecord

// Checks are built once, at module level: one built inside another (`arrayOf(isEmail)` in a contact's check) is a
// closure made again for every record of every page.
const texts = (record: Json, keys: ReadonlyArray<string>) => {
  for (const key of keys) if (!optional(record, key, isString)) return false
  return true
}

const contactTexts = [
  "prefix",
  "first_name",
  "middle_name",
  "last_name",
  "suffix",
  "nickname",
  "company",
  "phonetic_first_name",
  "phonetic_middle_name",
  "phonetic_last_name",
  "department",
  "job_title"
]
const addressTexts = ["type", "street", "city", "state", "zip", "country"]

const isEmail = (value: unknown) => isRecord(value) && isString(value["email"]) && optional(value, "type", isString)
const phoneTexts = ["type", "normalized"]
const isPhone = (value: unknown) => isRecord(value) && isString(value["number"]) && texts(value, phoneTexts)
const isAddress = (value: unknown) => isRecord(value) && texts(value, addressTexts)
const isGroup = (value: unknown) => isRecord(value) && isNumber(value["id"]) && optional(value, "name", isString)
const isEmails = arrayOf(isEmail)
const isPhones = arrayOf(isPhone)
const isAddresses = arrayOf(isAddress)

export const isPhonecomContact = (value: unknown): value is PhonecomContact =>
  isRecord(value) && isNumber(value["id"]) && texts(value, contactTexts) &&
  optional(value, "emails", isEmails) && optional(value, "phone_numbers", isPhones) &&
  optional(value, "addresses", isAddresses) && optional(value, "group", isGroup) &&
  optional(value, "created_at", isNumber) && optional(value, "updated_at", isNumber)

const isContacts = arrayOf(isPhonecomContact)

export const isPhonecomList = (value: unknown): value is PhonecomList =>
  isRecord(value) && optional(value, "total", isNumber) && optional(value, "offset", isNumber) &&
  optional(value, "limit", isNumber) && isContacts(value["items"])
