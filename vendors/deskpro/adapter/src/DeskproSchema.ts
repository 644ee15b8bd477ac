/**
 * Deskpro v2's wire shapes, only what the adapter reads and writes. Read tolerantly: text may be null or missing,
 * a contact-data record's `contact_type` is any string (a type Deskpro adds later must not make a person
 * unreadable), and `contact_data` is accepted both as read from the server (an array of records with `id` and
 * `contact_type`) and in the KB's write shape (an object keyed by type). Everything else stays in `remote`.
 *
 * Docs: the KB article "Setting User Contact Data"; API reference (`DeskPRO/api-reference`); the person as read is
 * the one recorded from a real helpdesk in HMRC's connector tests (see the vendor README).
 */
import {
  arrayOf,
  isFiniteNumber as isNumber,
  isJsonRecord as isRecord,
  isString,
  type JsonRecord,
  optionalKey as optional,
  orNull as nullOr
} from "@contactkit/adapter-kit"
import { Schema } from "effect"

const Text = Schema.optionalKey(Schema.NullOr(Schema.String))

/** One contact-data record: the values of all nine types, each type using its own. */
export const DeskproContactData = Schema.Struct({
  id: Schema.optionalKey(Schema.Number),
  contact_type: Schema.optionalKey(Schema.String),
  comment: Text,
  address: Text,
  city: Text,
  state: Text,
  zip: Text,
  url: Text,
  service: Text,
  username: Text,
  display_feed: Schema.optionalKey(Schema.NullOr(Schema.Boolean)),
  instagram_id: Text
})
export type DeskproContactData = typeof DeskproContactData.Type

export const DeskproPhone = Schema.Struct({
  number: Schema.String,
  label: Text,
  extension: Text
})
export type DeskproPhone = typeof DeskproPhone.Type

export const DeskproPerson = Schema.Struct({
  id: Schema.Number,
  primary_email: Text,
  first_name: Text,
  last_name: Text,
  title_prefix: Text,
  /** The organization's id (`include=organization` side-loads its name). */
  organization: Schema.optionalKey(Schema.NullOr(Schema.Number)),
  organization_position: Text,
  date_created: Text,
  /** Every address, the primary one included. */
  emails: Schema.optionalKey(Schema.NullOr(Schema.Array(Schema.String))),
  phone_numbers: Schema.optionalKey(Schema.NullOr(Schema.Array(DeskproPhone))),
  contact_data: Schema.optionalKey(Schema.NullOr(Schema.Union([
    Schema.Array(DeskproContactData),
    Schema.Record(Schema.String, Schema.Array(DeskproContactData))
  ])))
})
export type DeskproPerson = typeof DeskproPerson.Type

/** `linked`: side-loaded objects by type and id; Deskpro's PHP sends an empty one as `[]`. */
export const DeskproLinked = Schema.Union([
  Schema.Struct({
    organization: Schema.optionalKey(
      Schema.Record(Schema.String, Schema.Struct({ id: Schema.Number, name: Schema.String }))
    )
  }),
  Schema.Array(Schema.Unknown)
])
export type DeskproLinked = typeof DeskproLinked.Type

/** `{data: <person>, meta, linked}`. */
export const DeskproPersonEnvelope = Schema.Struct({
  data: DeskproPerson,
  linked: Schema.optionalKey(DeskproLinked)
})

/** `{data: [<person>…], meta: {pagination}, linked}`. */
export const DeskproPeoplePage = Schema.Struct({
  data: Schema.Array(DeskproPerson),
  meta: Schema.optionalKey(Schema.Struct({
    pagination: Schema.optionalKey(Schema.Struct({
      total: Schema.optionalKey(Schema.Number),
      total_pages: Schema.optionalKey(Schema.Number)
    }))
  })),
  linked: Schema.optionalKey(DeskproLinked)
})

/** `{status, code, message, errors?}`; `errors` (a tree of inputs) is walked as plain JSON. */
export const DeskproError = Schema.Struct({
  status: Schema.optionalKey(Schema.Number),
  code: Schema.optionalKey(Schema.String),
  message: Schema.optionalKey(Schema.String),
  errors: Schema.optionalKey(Schema.Unknown)
})
export type DeskproError = typeof DeskproError.Type

/** A contact-data record as written: the type's values and an optional `comment`. */
export type DeskproContactDataInput = Readonly<Record<string, string | boolean>>

export interface DeskproPhoneInput {
  readonly number: string
  readonly label?: string
  readonly extension?: string
}

/** `POST /people` and `PUT /people/{id}` (a PUT changes only the properties it is sent). */
export interface DeskproPersonInput {
  readonly first_name?: string
  readonly last_name?: string
  readonly title_prefix?: string
  readonly primary_email?: string | null
  readonly emails?: ReadonlyArray<string>
  readonly phone_numbers?: ReadonlyArray<DeskproPhoneInput>
  readonly contact_data?: Readonly<Record<string, ReadonlyArray<DeskproContactDataInput>>>
  readonly organization?: string | null
  readonly organization_position?: string
}

// ── fast check of a listing page ─────────────────────────────────────────────────────────────
// What `DeskproPeoplePage` accepts, checked by hand for the hot path (`decodeJsonWithRaw`'s `accepts`): never more
// than the schema accepts (test/DeskproSchemaCheck.test.ts), so a page it refuses is decoded by the schema as before.

type Json = JsonRecord

// Checks are built once, at module level: one built inside another (`arrayOf(isEmail)` in a contact's check) is a
// closure made again for every record of every page.
const isText = nullOr(isString)
const texts = (record: Json, keys: ReadonlyArray<string>) => {
  for (const key of keys) if (!optional(record, key, isText)) return false
  return true
}

const dataTexts = ["comment", "address", "city", "state", "zip", "url", "service", "username", "instagram_id"]
const personTexts = [
  "primary_email",
  "first_name",
  "last_name",
  "title_prefix",
  "organization_position",
  "date_created"
]

const isFlag = nullOr((v) => typeof v === "boolean")
const isContactData = (value: unknown) =>
  isRecord(value) && optional(value, "id", isNumber) && optional(value, "contact_type", isString) &&
  texts(value, dataTexts) && optional(value, "display_feed", isFlag)
const phoneTexts = ["label", "extension"]
const isPhone = (value: unknown) => isRecord(value) && isString(value["number"]) && texts(value, phoneTexts)
const isContactDataList = arrayOf(isContactData)
const isContactDataByType = (value: unknown) => isRecord(value) && Object.values(value).every(isContactDataList)
const isOrganizationId = nullOr(isNumber)
const isEmails = nullOr(arrayOf(isString))
const isPhones = nullOr(arrayOf(isPhone))
const isContactDataOfPerson = nullOr((v) => isContactDataList(v) || isContactDataByType(v))

const isPerson = (value: unknown) =>
  isRecord(value) && isNumber(value["id"]) && texts(value, personTexts) &&
  optional(value, "organization", isOrganizationId) && optional(value, "emails", isEmails) &&
  optional(value, "phone_numbers", isPhones) && optional(value, "contact_data", isContactDataOfPerson)

const isOrganization = (value: unknown) => isRecord(value) && isNumber(value["id"]) && isString(value["name"])
const isLinked = (value: unknown) =>
  Array.isArray(value) ||
  (isRecord(value) &&
    optional(value, "organization", (v) => isRecord(v) && Object.values(v).every(isOrganization)))
const isMeta = (value: unknown) =>
  isRecord(value) &&
  optional(value, "pagination", (v) =>
    isRecord(v) && optional(v, "total", isNumber) && optional(v, "total_pages", isNumber))

const isPeople = arrayOf(isPerson)

export const isDeskproPeoplePage = (value: unknown): value is typeof DeskproPeoplePage.Type =>
  isRecord(value) && isPeople(value["data"]) && optional(value, "meta", isMeta) &&
  optional(value, "linked", isLinked)
