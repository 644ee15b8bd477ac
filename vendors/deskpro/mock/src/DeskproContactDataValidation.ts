/**
 * Checking `contact_data` as Deskpro takes it on a person write: an object keyed by contact-data type, each an
 * array of records. Every problem is reported at its input path — the type, then the record as
 * `<type>_<index>` (Deskpro names a collection's entries that way: `emails.fields.emails_0`), then the value —
 * so `contact_data.fields.instant_message.fields.instant_message_0.fields.service` names a bad IM service.
 */
import {
  type ContactDataInput,
  type ContactDataType,
  instantMessageServices,
  isContactDataType,
  typeSpecs,
  withDefaults
} from "./DeskproContactData.ts"
import { extraFields, type InputProblem, messages, problem } from "./DeskproErrors.ts"

export const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const isService = (value: string) => (instantMessageServices as ReadonlyArray<string>).includes(value)

/** One record of `type`, or undefined when it has a problem (each pushed onto `problems`). */
const checkRecord = (
  type: ContactDataType,
  item: unknown,
  at: ReadonlyArray<string>,
  problems: Array<InputProblem>
): ContactDataInput | undefined => {
  if (!isObject(item)) {
    problems.push(problem(at, "invalid_type", messages.invalidType("object")))
    return undefined
  }
  const spec = typeSpecs[type]
  const before = problems.length
  const allowed = new Set([...spec.texts, ...spec.booleans, "comment"])
  const unexpected = Object.keys(item).filter((key) => !allowed.has(key))
  if (unexpected.length > 0) problems.push(extraFields(at, unexpected))
  const values: Record<string, string | boolean> = {}
  const mistyped = new Set<string>()
  const read = (key: string, kind: "string" | "boolean") => {
    const value = item[key]
    if (value === undefined || value === null) return
    if (typeof value === kind) values[key] = value as string | boolean
    else {
      mistyped.add(key)
      problems.push(problem([...at, key], "invalid_type", messages.invalidType(kind)))
    }
  }
  for (const key of [...spec.texts, "comment"]) read(key, "string")
  for (const key of spec.booleans) read(key, "boolean")
  for (const key of spec.required) {
    if (!mistyped.has(key) && (values[key] ?? "") === "") {
      problems.push(problem([...at, key], "required", messages.required))
    }
  }
  if (spec.oneOf !== undefined && spec.oneOf.every((key) => (values[key] ?? "") === "" && !mistyped.has(key))) {
    problems.push(problem(at, "required", "An address needs at least one of address, city, state or zip."))
  }
  const service = values["service"]
  if (type === "instant_message" && typeof service === "string" && service !== "" && !isService(service)) {
    problems.push(problem([...at, "service"], "invalid_choice", messages.invalidChoice))
  }
  if (problems.length > before) return undefined
  const { comment, ...rest } = values
  return { contact_type: type, comment: typeof comment === "string" ? comment : "", values: withDefaults(type, rest) }
}

/** The records `value` describes, in the order written (types in key order, each array in order). */
export const checkContactData = (
  value: unknown,
  problems: Array<InputProblem>
): ReadonlyArray<ContactDataInput> => {
  const path = ["contact_data"]
  if (!isObject(value)) {
    problems.push(problem(path, "invalid_type", messages.invalidType("object")))
    return []
  }
  const unknownTypes = Object.keys(value).filter((key) => !isContactDataType(key))
  if (unknownTypes.length > 0) problems.push(extraFields(path, unknownTypes))
  const records: Array<ContactDataInput> = []
  for (const [type, list] of Object.entries(value)) {
    if (!isContactDataType(type)) continue
    const at = [...path, type]
    if (!Array.isArray(list)) {
      problems.push(problem(at, "invalid_type", messages.invalidType("array")))
      continue
    }
    list.forEach((item: unknown, index) => {
      const record = checkRecord(type, item, [...at, `${type}_${index}`], problems)
      if (record !== undefined) records.push(record)
    })
  }
  return records
}
