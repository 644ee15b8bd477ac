/**
 * Form-encoded bodies for vendors that read `application/x-www-form-urlencoded` as well as JSON (PHP's `$_POST`,
 * bracket notation: `contact_data[0][data][url]=…`): a route's valid body encoded as a form, and broken forms for
 * the generator's body categories. A form has no syntax that fails to parse, so "malformed" here means that the
 * route's fields cannot be read: a field's name is mangled, its value is an array where a text is expected, or its
 * nesting is thousands deep.
 */
import type { Prng } from "./Prng.ts"

export const formContentType = "application/x-www-form-urlencoded"

// Brackets stay readable; everything else in a name or value is percent-encoded.
const encode = (text: string) => encodeURIComponent(text).replace(/%5B/gu, "[").replace(/%5D/gu, "]")

const pairs = (value: unknown, name: string): ReadonlyArray<readonly [string, string]> => {
  if (Array.isArray(value)) return value.flatMap((item, i) => pairs(item, `${name}[${i}]`))
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => pairs(item, name === "" ? key : `${name}[${key}]`))
  }
  return [[name, value === null || value === undefined ? "" : String(value)]]
}

/** `value` as a form body in bracket notation; a scalar is sent as bare text (no name at all). */
export const formEncode = (value: unknown): string =>
  value === null || typeof value !== "object"
    ? encodeURIComponent(String(value))
    : pairs(value, "").map(([name, text]) => `${encode(name)}=${encode(text)}`).join("&")

const topLevelName = (pair: string) => pair.split("=")[0]?.split("[")[0] ?? ""

/** The pairs of `text` whose top-level name is `key`, rewritten by `rename`; the others as they are. */
const renamePairs = (text: string, key: string, rename: (pair: string) => string) =>
  text.split("&").map((pair) => (topLevelName(pair) === key ? rename(pair) : pair)).join("&")

const keysOf = (body: unknown) =>
  body !== null && typeof body === "object" && !Array.isArray(body) ? Object.keys(body) : []

/** A form whose `key` field has a name no reader maps back to it (a lone `%`, an open bracket, a stray `]`). */
export const malformedForm = (body: unknown, prng: Prng): string => {
  const text = formEncode(body)
  const keys = keysOf(body)
  const garbage = prng.pick(["", "&", "&&", "&=", "&=x", "&[]", "&%", "&a[b]]=1", "&%zz=%zz", "&[=1"])
  if (keys.length === 0) return `${garbage}${prng.pick(["=", "%", "[", "&"])}`
  const key = prng.pick(keys)
  const mangled = renamePairs(text, key, (pair) => {
    const rest = pair.slice(key.length)
    return prng.pick([`${key}%${rest}`, `${key}%zz${rest}`, `${key}[${rest}`, `${key}]${rest}`])
  })
  return `${mangled}${garbage}`
}

const deep = (depth: number) => "[x]".repeat(depth)

/** A form nested `depth` levels deep: on its own, or as the value of one of the body's fields. */
export const deepForm = (body: unknown, depth: number, prng: Prng): string => {
  const keys = keysOf(body)
  if (keys.length === 0 || prng.chance(0.5)) return `value${deep(depth)}=1`
  const key = prng.pick(keys)
  const rest = formEncode(body).split("&").filter((pair) => topLevelName(pair) !== key)
  return [...rest, `${encode(key)}${deep(depth)}=1`].join("&")
}

/** Forms with no name the route reads: a bare value, empty names, a list at the top. */
export const shapelessForm = (body: unknown, prng: Prng): string =>
  prng.pick([
    "42",
    "=",
    "&&&",
    "=x&=y",
    `[]=${encodeURIComponent(JSON.stringify(body))}`,
    "[0]=1&[1]=2",
    encodeURIComponent(JSON.stringify(body))
  ])
