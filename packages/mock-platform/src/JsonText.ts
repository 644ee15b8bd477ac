/**
 * JSON answers built from text or bytes instead of values, for list pages whose rows are serialised once and
 * joined: a stored row is immutable (every write makes a new row object), so its text can be cached by the row
 * object and dies with it. Bytes are what a large page wants: a text body is measured and encoded to UTF-8 again
 * on every write, while the UTF-8 of cached rows is only copied. `jsonTextResponse` and `jsonBytesResponse` give
 * the same status, headers and bytes as `jsonResponse` of the value whose serialisation they carry.
 */
import { HttpServerResponse } from "effect/http"

/** A JSON answer whose body is already JSON text. */
export const jsonTextResponse = (status: number, text: string): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.text(text, { status, contentType: "application/json" })

/** A JSON answer whose body is already the UTF-8 of JSON text. */
export const jsonBytesResponse = (status: number, bytes: Uint8Array): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.uint8Array(bytes, { status, contentType: "application/json" })

/** `make(row)`, computed once per row object (a `WeakMap`: the row's entry goes when the row does). */
export const perRow = <R extends object, V>(make: (row: R) => V): (row: R) => V => {
  const cache = new WeakMap<R, V>()
  return (row) => {
    const known = cache.get(row)
    if (known !== undefined) return known
    const value = make(row)
    cache.set(row, value)
    return value
  }
}

/**
 * The serialisation of `envelope` cut inside the array at its member `name` (which the envelope holds as `[]`, and
 * which must be its first or its last member): the text up to and including `[`, and from `]` on.
 */
const cutAt = (envelope: object, name: string): readonly [string, string] => {
  const text = JSON.stringify(envelope)
  const first = `{${JSON.stringify(name)}:[]`
  if (text.startsWith(first)) return [first.slice(0, -1), text.slice(first.length - 1)]
  const last = `${JSON.stringify(name)}:[]}`
  if (text.endsWith(last)) return [text.slice(0, -2), "]}"]
  throw new Error(`JsonText: "${name}" is neither the first nor the last member of the envelope`)
}

/** `JSON.stringify` of `envelope` with `rows` (each JSON text) as the array at `name`: see `cutAt`. */
export const withJsonRows = (envelope: object, name: string, rows: ReadonlyArray<string>): string => {
  const [before, after] = cutAt(envelope, name)
  return `${before}${rows.join(",")}${after}`
}

const comma = Buffer.from(",")

/** The UTF-8 of `withJsonRows(envelope, name, rows)`, from the rows' UTF-8: copied, not encoded again. */
export const withJsonRowBytes = (envelope: object, name: string, rows: ReadonlyArray<Uint8Array>): Uint8Array => {
  const [before, after] = cutAt(envelope, name)
  const chunks: Array<Uint8Array> = [Buffer.from(before)]
  for (let i = 0; i < rows.length; i++) {
    if (i > 0) chunks.push(comma)
    chunks.push(rows[i] as Uint8Array)
  }
  chunks.push(Buffer.from(after))
  return Buffer.concat(chunks)
}
