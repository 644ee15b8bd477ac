/**
 * JSON answers built from text instead of values, for list pages whose rows are serialised once and joined: a
 * stored row is immutable (every write makes a new row object), so its text can be cached by the row object and
 * dies with it. `jsonTextResponse` gives the same status, content type and bytes as `jsonResponse` of the value
 * whose serialisation `text` is.
 */
import { HttpServerResponse } from "effect/http"

/** A 2xx/4xx JSON answer whose body is already JSON text. */
export const jsonTextResponse = (status: number, text: string): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.text(text, { status, contentType: "application/json" })

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
 * `JSON.stringify` of `envelope` with `rows` (each already JSON text) as the array at the member `name`, which the
 * envelope holds as `[]` and which must be its first or its last member: the same bytes as serialising the
 * envelope with the rows' values in place.
 */
export const withJsonRows = (envelope: object, name: string, rows: ReadonlyArray<string>): string => {
  const text = JSON.stringify(envelope)
  const first = `{${JSON.stringify(name)}:[]`
  if (text.startsWith(first)) return `${first.slice(0, -1)}${rows.join(",")}${text.slice(first.length - 1)}`
  const last = `${JSON.stringify(name)}:[]}`
  if (text.endsWith(last)) return `${text.slice(0, -2)}${rows.join(",")}]}`
  throw new Error(`withJsonRows: "${name}" is neither the first nor the last member of the envelope`)
}
