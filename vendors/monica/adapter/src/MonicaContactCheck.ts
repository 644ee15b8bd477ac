/**
 * What `MonicaContact` accepts, checked by hand for the listing's hot path (`decodeItems`' `accepts`): a page of a
 * hundred contacts with their fields is about 370 kB of JSON, and the schema's walk and copy of it cost more than
 * parsing it. Never more than the schema accepts (test/MonicaContactCheck.test.ts), so a contact it refuses is
 * decoded by the schema as before and its error reads the same.
 */
import {
  arrayOf,
  isFiniteNumber as isNumber,
  isJsonRecord as isRecord,
  isString,
  type JsonCheck,
  type JsonRecord,
  optionalKey as optional,
  optionalOrNull as nullable
} from "@contactkit/adapter-kit"
import type { MonicaContact } from "./MonicaSchema.ts"

type Is = JsonCheck

const isBoolean: Is = (value) => typeof value === "boolean"

const texts = (record: JsonRecord, keys: ReadonlyArray<string>) => keys.every((key) => nullable(record, key, isString))

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
