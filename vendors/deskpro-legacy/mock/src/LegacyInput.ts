/**
 * Request parameters as Deskpro's input reader sees them. PHP fills them from the query string and from a
 * form-encoded body in bracket notation (`contact_data[1][data][url]=…`), which `qs` parses here the way PHP does;
 * a JSON body gives the same tree (read with the platform's depth limit, which is PHP's). The readers below are the
 * reader's cleaners: `str` turns a non-scalar into "" and trims, `bool` and `uint` cast as PHP does, and an array
 * read gives `[]` for anything that is not one.
 */
import { parseJson as parsePlatformJson } from "@contactkit/mock-platform"
import { Result } from "effect"
import qs from "qs"

/** A parameter tree: what PHP's `$_REQUEST` would hold. */
export type Params = Readonly<Record<string, unknown>>

// PHP's max_input_vars and a nesting limit well above anything the API reads (contact_data[#][data][key] is 3).
const formOptions = { depth: 10, parameterLimit: 1000, arrayLimit: 100, duplicates: "last" } as const

/** A form-encoded string (query string or body) as PHP parses it. */
export const parseForm = (text: string): Params => qs.parse(text, formOptions) as Params

/**
 * A JSON body as a parameter tree; anything but an object gives no parameters, as does JSON nested deeper than PHP's
 * `json_decode` reads (512 levels): it returns null there, and the input reader then has nothing.
 */
export const parseJson = (text: string): Params => {
  const parsed = parsePlatformJson(text)
  if (Result.isFailure(parsed)) return {}
  const value = parsed.success
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value as Params : {}
}

/** Whether PHP's `isset` holds: present and not null. */
export const isSet = (params: Params, name: string): boolean => params[name] !== undefined && params[name] !== null

const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean"

/** PHP's string conversion of a scalar (`true` → "1", `false` and `null` → ""). */
export const phpString = (value: unknown): string => {
  if (value === true) return "1"
  if (typeof value === "string") return value
  if (typeof value === "number") return String(value)
  return ""
}

/** PHP `trim`'s default character set. */
export const phpTrim = (text: string): string => text.replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/gu, "")

/** The `str` cleaner: non-scalars become "", then trim. */
export const cleanString = (value: unknown): string => (isScalar(value) ? phpTrim(phpString(value)) : "")

export const getString = (params: Params, name: string): string => cleanString(params[name])

/** PHP truthiness of a value (`""`, `"0"`, 0, false, null and empty arrays are false). */
export const phpTruthy = (value: unknown): boolean => {
  if (value === undefined || value === null || value === false || value === 0 || value === "" || value === "0") {
    return false
  }
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === "object") return Object.keys(value).length > 0
  return true
}

export const getBool = (params: Params, name: string): boolean => phpTruthy(params[name])

/** The `uint` cleaner: PHP's integer cast of the leading number, never below 0. */
export const getUint = (params: Params, name: string): number => {
  const value = params[name]
  const text = isScalar(value) ? phpString(value).trim() : ""
  const parsed = Number.parseInt(text, 10)
  return Number.isFinite(parsed) && parsed > 0 ? parsed : 0
}

/** An array parameter (a PHP array is a list or a keyed map); anything else is empty. */
export const getArray = (params: Params, name: string): Readonly<Record<string, unknown>> => {
  const value = params[name]
  if (Array.isArray(value)) {
    return Object.fromEntries(value.flatMap((v, i) => (v === undefined ? [] : [[String(i), v]])))
  }
  return value !== null && typeof value === "object" ? value as Record<string, unknown> : {}
}

/** The values of an array parameter, in order, keys discarded. */
export const getValues = (params: Params, name: string): ReadonlyArray<unknown> => {
  const value = params[name]
  if (value === undefined || value === null) return []
  return typeof value === "object" ? Object.values(getArray(params, name)) : [value]
}
