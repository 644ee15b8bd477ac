/**
 * The Deskpro Legacy API's wire shapes, as its server renders them (`toApiData`): a person with its e-mail records
 * and its contact-data records, the search envelope, and the create answer. Collections the server keys by id are
 * objects keyed by id, or `[]` when empty, and are read in both forms. Only what the adapter reads is modelled;
 * the whole record stays in `remote`.
 */
import {
  isFiniteNumber as isNumber,
  isJsonRecord as isRecord,
  isString,
  type JsonRecord,
  optionalKey as optional,
  orNull
} from "@contactkit/adapter-kit"
import { Schema } from "effect"

const Text = Schema.optionalKey(Schema.String)

/** One contact-data record: its columns' meaning comes from its handler's own keys beside them. */
export const LegacyDetail = Schema.Struct({
  id: Schema.Number,
  contact_type: Schema.String,
  comment: Text,
  address: Text,
  city: Text,
  state: Text,
  zip: Text,
  country: Text,
  profile_url: Text,
  country_calling_code: Text,
  number: Text,
  type: Text,
  username: Text,
  service: Text,
  url: Text
})
export type LegacyDetail = typeof LegacyDetail.Type

/** A PHP array keyed by id as JSON: an object, or `[]` when empty. */
const keyedById = <S extends Schema.Top>(item: S) =>
  Schema.Union([Schema.Record(Schema.String, item), Schema.Array(item)])

export const LegacyDetails = keyedById(LegacyDetail)
export type LegacyDetails = typeof LegacyDetails.Type

export const LegacyEmail = Schema.Struct({
  id: Schema.Number,
  email: Schema.String,
  comment: Text
})
export type LegacyEmail = typeof LegacyEmail.Type

export const LegacyPerson = Schema.Struct({
  id: Schema.Number,
  name: Text,
  first_name: Schema.optionalKey(Schema.NullOr(Schema.String)),
  last_name: Schema.optionalKey(Schema.NullOr(Schema.String)),
  organization: Schema.optionalKey(Schema.NullOr(Schema.Struct({ id: Schema.Number, name: Text }))),
  organization_position: Text,
  date_created: Text,
  emails: Schema.optionalKey(Schema.Array(LegacyEmail)),
  contact_data: Schema.optionalKey(LegacyDetails),
  primary_email: Schema.optionalKey(Schema.NullOr(Schema.String))
})
export type LegacyPerson = typeof LegacyPerson.Type

export const LegacyPersonAnswer = Schema.Struct({ person: LegacyPerson })

export const LegacySearch = Schema.Struct({
  page: Schema.Number,
  per_page: Schema.Number,
  total: Schema.Number,
  cache_id: Schema.Number,
  people: keyedById(LegacyPerson)
})
export type LegacySearch = typeof LegacySearch.Type

export const LegacyCreated = Schema.Struct({ id: Schema.Number })

// ── fast check of a search page ──────────────────────────────────────────────────────────────
// What the schemas above accept, checked by hand for the hot path (`decodeJsonWithRaw`'s `accepts`): never more
// than they accept (test/DeskproLegacySchemaCheck.test.ts), so anything it refuses is decoded by the schema as before.

/** A collection keyed by id (an object) or `[]`: every item `is` accepts. */
const keyedBy = (is: (value: unknown) => boolean) => (value: unknown) => {
  if (Array.isArray(value)) return value.every(is)
  if (!isRecord(value)) return false
  for (const key in value) if (Object.hasOwn(value, key) && !is(value[key])) return false
  return true
}

const detailTexts = [
  "comment",
  "address",
  "city",
  "state",
  "zip",
  "country",
  "profile_url",
  "country_calling_code",
  "number",
  "type",
  "username",
  "service",
  "url"
]

// Checks are built once, at module level: one built inside another (`arrayOf(isEmail)` in a contact's check) is a
// closure made again for every record of every page.
const texts = (record: JsonRecord, keys: ReadonlyArray<string>) => {
  for (const key of keys) if (!optional(record, key, isString)) return false
  return true
}

const isDetail = (value: unknown) =>
  isRecord(value) && isNumber(value["id"]) && isString(value["contact_type"]) &&
  texts(value, detailTexts)
const isEmail = (value: unknown) =>
  isRecord(value) && isNumber(value["id"]) && isString(value["email"]) && optional(value, "comment", isString)
const isOrganization = (value: unknown) => isRecord(value) && isNumber(value["id"]) && optional(value, "name", isString)
const isText = orNull(isString)
const isOrganizationOrNull = orNull(isOrganization)
const isEmails = (emails: unknown) => Array.isArray(emails) && emails.every(isEmail)
const isDetails = keyedBy(isDetail)

export const isLegacyPerson = (value: unknown): value is LegacyPerson =>
  isRecord(value) && isNumber(value["id"]) && optional(value, "name", isString) &&
  optional(value, "first_name", isText) && optional(value, "last_name", isText) &&
  optional(value, "organization", isOrganizationOrNull) && optional(value, "organization_position", isString) &&
  optional(value, "date_created", isString) &&
  optional(value, "emails", isEmails) && optional(value, "contact_data", isDetails) &&
  optional(value, "primary_email", isText)

const isPeople = keyedBy(isLegacyPerson)

export const isLegacySearch = (value: unknown): value is LegacySearch =>
  isRecord(value) && isNumber(value["page"]) && isNumber(value["per_page"]) && isNumber(value["total"]) &&
  isNumber(value["cache_id"]) && isPeople(value["people"])

/** `{error_code, error_message}` or `{error_code: "multiple", errors: {<field>: [code, message]}}`. */
export const LegacyError = Schema.Struct({
  error_code: Schema.String,
  error_message: Schema.optionalKey(Schema.String),
  errors: Schema.optionalKey(Schema.Record(Schema.String, Schema.Array(Schema.String)))
})
export type LegacyError = typeof LegacyError.Type

/** One contact-data record as the API takes it (`type`, `comment`, and the keys the type's handler reads). */
export interface LegacyDetailInput {
  readonly type: string
  readonly comment: string
  readonly data: Readonly<Record<string, string>>
}

/** `POST /people`, as JSON. */
export interface LegacyPersonInput {
  readonly name: string
  readonly email: string
  readonly secondary_email?: ReadonlyArray<string>
  readonly contact_data?: ReadonlyArray<LegacyDetailInput>
  readonly organization?: string
  readonly organization_position?: string
}

/** `POST /people/{id}`: only what changes. */
export interface LegacyPersonUpdate {
  readonly name?: string
  readonly organization?: string
  readonly organization_position?: string
}

/** The records of a keyed collection, in id order. */
export const recordsOf = <A extends { readonly id: number }>(
  collection: Readonly<Record<string, A>> | ReadonlyArray<A> | undefined
): ReadonlyArray<A> =>
  [...(collection === undefined ? [] : Array.isArray(collection) ? collection : Object.values(collection))]
    .sort((a, b) => a.id - b.id)
