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

// Checks are built once, at module level: one built inside another (`arrayOf(isEmail)` in a contact's check) is a
// closure made again for every record of every page.
const texts = (record: JsonRecord, keys: ReadonlyArray<string>) => {
  for (const key of keys) if (!nullable(record, key, isString)) return false
  return true
}

const typeTexts = ["protocol", "type"]
const labelTexts = ["type", "label"]
const fieldTexts = ["content", "data", "created_at", "updated_at"]
const careerTexts = ["job", "company"]

const isFieldType: Is = (value) =>
  isRecord(value) && isNumber(value["id"]) && isString(value["name"]) && texts(value, typeTexts)
const isLabel: Is = (value) => isRecord(value) && texts(value, labelTexts)
const isLabels = arrayOf(isLabel)
const isOwner: Is = (value) => isRecord(value) && isNumber(value["id"])

const isField: Is = (value) =>
  isRecord(value) && isNumber(value["id"]) && texts(value, fieldTexts) &&
  isFieldType(value["contact_field_type"]) && nullable(value, "labels", isLabels) &&
  optional(value, "contact", isOwner)

const isDateInfo: Is = (value) =>
  isRecord(value) && nullable(value, "is_age_based", isBoolean) && nullable(value, "is_year_unknown", isBoolean) &&
  nullable(value, "date", isString)
const isCareer: Is = (value) => isRecord(value) && texts(value, careerTexts)
const isDates: Is = (value) =>
  isRecord(value) && nullable(value, "birthdate", isDateInfo) && nullable(value, "deceased_date", isDateInfo)
const isInformation: Is = (value) =>
  isRecord(value) && nullable(value, "career", isCareer) && nullable(value, "dates", isDates)

const isFields = arrayOf(isField)

const contactTexts = ["first_name", "last_name", "nickname", "complete_name", "description", "created_at", "updated_at"]

export const isMonicaContact = (value: unknown): value is MonicaContact =>
  isRecord(value) && isNumber(value["id"]) && texts(value, contactTexts) &&
  optional(value, "is_partial", isBoolean) && optional(value, "is_dead", isBoolean) &&
  optional(value, "information", isInformation) && optional(value, "contactFields", isFields)
