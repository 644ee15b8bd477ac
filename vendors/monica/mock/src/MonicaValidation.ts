/**
 * The slice of Laravel 9's validator that Monica's API reaches, with Monica's English messages
 * (`resources/lang/en/validation.php`, e.g. "may not be greater than"), and the two global middlewares that run
 * before it (`TrimStrings`, `ConvertEmptyStringsToNull`). Validation answers a flat list of messages in rule
 * order, exactly what Monica puts in `error.message` with code 32.
 */

export type Rule =
  | "required"
  | "nullable"
  | "integer"
  | "string"
  | "boolean"
  | "array"
  | { readonly max: number }
  /** Laravel's `exists:table,id`: a global lookup, not scoped to the caller's account. */
  | { readonly exists: (id: number) => boolean }

export type Rules = ReadonlyArray<readonly [attribute: string, rules: ReadonlyArray<Rule>]>

// PHP's trim() strips these characters.
const phpTrim = (text: string) => text.replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/gu, "")

/** `TrimStrings` then `ConvertEmptyStringsToNull`, applied recursively as Laravel does to JSON input. */
export const normalizeInput = (value: unknown): unknown => {
  if (typeof value === "string") {
    const trimmed = phpTrim(value)
    return trimmed === "" ? null : trimmed
  }
  if (Array.isArray(value)) return value.map(normalizeInput)
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normalizeInput(inner)]))
  }
  return value
}

/** PHP's `filter_var($v, FILTER_VALIDATE_INT)`, which is what Laravel's `integer` rule uses. */
export const asInteger = (value: unknown): number | undefined => {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : undefined
  if (typeof value === "boolean") return value ? 1 : undefined
  if (typeof value === "string" && /^[+-]?\d+$/u.test(phpTrim(value))) {
    const parsed = Number(phpTrim(value))
    return Number.isSafeInteger(parsed) ? parsed : undefined
  }
  return undefined
}

/** JSON objects decode to PHP arrays too, so both pass Laravel's `array` rule. */
const isPhpArray = (value: unknown) => value !== null && typeof value === "object"

const isBoolean = (value: unknown) => [true, false, 0, 1, "0", "1"].includes(value as never)

const sizeOf = (value: unknown): number =>
  isPhpArray(value) ? Object.keys(value as object).length : [...String(value)].length

const label = (attribute: string) => attribute.replaceAll("_", " ")

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && phpTrim(value) === "")
  || (Array.isArray(value) && value.length === 0)

/** One attribute's messages; stops after a failed `required`, as Laravel does for implicit rules. */
const check = (attribute: string, value: unknown, present: boolean, rules: ReadonlyArray<Rule>): Array<string> => {
  const name = label(attribute)
  const messages: Array<string> = []
  const nullable = rules.includes("nullable")
  for (const rule of rules) {
    if (rule === "required") {
      if (isEmpty(value)) return [`The ${name} field is required.`]
      continue
    }
    // Non-implicit rules skip an absent value, and a null one when the attribute is nullable.
    if (!present || (nullable && value === null) || rule === "nullable") continue
    if (rule === "integer") {
      if (asInteger(value) === undefined) messages.push(`The ${name} must be an integer.`)
    } else if (rule === "string") {
      if (typeof value !== "string") messages.push(`The ${name} must be a string.`)
    } else if (rule === "boolean") {
      if (!isBoolean(value)) messages.push(`The ${name} field must be true or false.`)
    } else if (rule === "array") {
      if (!isPhpArray(value)) messages.push(`The ${name} must be an array.`)
    } else if ("max" in rule) {
      if (sizeOf(value) > rule.max) {
        messages.push(
          isPhpArray(value)
            ? `The ${name} may not have more than ${rule.max} items.`
            : `The ${name} may not be greater than ${rule.max} characters.`
        )
      }
    } else {
      const id = asInteger(value)
      if (id === undefined || !rule.exists(id)) messages.push(`The selected ${name} is invalid.`)
    }
  }
  return messages
}

/** Runs `rules` over `input` and returns every message, in rule order; empty when the input is valid. */
export const validate = (input: Readonly<Record<string, unknown>>, rules: Rules): ReadonlyArray<string> =>
  rules.flatMap(([attribute, attributeRules]) =>
    check(attribute, input[attribute], Object.hasOwn(input, attribute), attributeRules)
  )
