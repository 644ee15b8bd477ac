/**
 * What `MonicaContact` accepts, checked by hand for the listing's hot path (`decodeItems`' `accepts`): a page of a
 * hundred contacts with their fields is about 370 kB of JSON, and the schema's walk and copy of it cost more than
 * parsing it. Never more than the schema accepts (test/MonicaContactCheck.test.ts), so a contact it refuses is
 * decoded by the schema as before and its error reads the same.
 */
import type { MonicaContact } from "./MonicaSchema.ts"

type Json = Readonly<Record<string, unknown>>
type Is = (value: unknown) => boolean

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value)
const isString: Is = (value) => typeof value === "string"
const isBoolean: Is = (value) => typeof value === "boolean"
const isNumber: Is = (value) => typeof value === "number" && Number.isFinite(value)

/** An optional key holding a value `is` accepts (a present `undefined` is refused). */
const optional = (record: Json, key: string, is: Is) => {
  const value = record[key]
  return value === undefined ? !(key in record) : is(value)
}
/** `Nullable(…)` in MonicaSchema: absent, null, or a value `is` accepts. */
const nullable = (record: Json, key: string, is: Is) => optional(record, key, (value) => value === null || is(value))
const arrayOf = (is: Is): Is => (value) => Array.isArray(value) && value.every(is)
const texts = (record: Json, keys: ReadonlyArray<string>) => keys.every((key) => nullable(record, key, isString))

const isFieldType: Is = (value) =>
  isRecord(value) && isNumber(value["id"]) && isString(value["name"]) && texts(value, ["protocol", "type"])
const isLabel: Is = (value) => isRecord(value) && texts(value, ["type", "label"])
const isOwner: Is = (value) => isRecord(value) && isNumber(value["id"])

const isField: Is = (value) =>
  isRecord(value) && isNumber(value["id"]) && texts(value, ["content", "data", "created_at", "updated_at"]) &&
  isFieldType(value["contact_field_type"]) && nullable(value, "labels", arrayOf(isLabel)) &&
  optional(value, "contact", isOwner)

const isDateInfo: Is = (value) =>
  isRecord(value) && nullable(value, "is_age_based", isBoolean) && nullable(value, "is_year_unknown", isBoolean) &&
  nullable(value, "date", isString)
const isCareer: Is = (value) => isRecord(value) && texts(value, ["job", "company"])
const isDates: Is = (value) =>
  isRecord(value) && nullable(value, "birthdate", isDateInfo) && nullable(value, "deceased_date", isDateInfo)
const isInformation: Is = (value) =>
  isRecord(value) && nullable(value, "career", isCareer) && nullable(value, "dates", isDates)

const contactTexts = ["first_name", "last_name", "nickname", "complete_name", "description", "created_at", "updated_at"]

export const isMonicaContact = (value: unknown): value is MonicaContact =>
  isRecord(value) && isNumber(value["id"]) && texts(value, contactTexts) &&
  optional(value, "is_partial", isBoolean) && optional(value, "is_dead", isBoolean) &&
  optional(value, "information", isInformation) && optional(value, "contactFields", arrayOf(isField))
