/**
 * The pieces of a hand-written page check (`decodeJsonWithRaw`'s and `decodeItems`' `accepts`): a parsed JSON
 * value tested for the shape a vendor schema accepts without the schema's walk and copy. Each adapter's check is
 * built from these and property-tested never to accept what its schema refuses (`@contactkit/adapter-kit/testing`).
 */

/** A JSON object, as `JSON.parse` gives one. */
export type JsonRecord = Readonly<Record<string, unknown>>

/** A test of one parsed value. */
export type JsonCheck = (value: unknown) => boolean

export const isJsonRecord = (value: unknown): value is JsonRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value)

export const isString: JsonCheck = (value) => typeof value === "string"

/** A number a schema's `Schema.Number`/`Finite` accepts from JSON (which has no NaN or infinities anyway). */
export const isFiniteNumber: JsonCheck = (value) => typeof value === "number" && Number.isFinite(value)

export const arrayOf = (is: JsonCheck): JsonCheck => (value) => Array.isArray(value) && value.every(is)

export const orNull = (is: JsonCheck): JsonCheck => (value) => value === null || is(value)

/** An optional key (`Schema.optionalKey`): absent, or a value `is` accepts — a present `undefined` is refused. */
export const optionalKey = (record: JsonRecord, key: string, is: JsonCheck): boolean => {
  const value = record[key]
  return value === undefined ? !(key in record) : is(value)
}

/** An optional key that may also hold null: absent, null, or a value `is` accepts. */
export const optionalOrNull = (record: JsonRecord, key: string, is: JsonCheck): boolean => {
  const value = record[key]
  return value === undefined ? !(key in record) : value === null || is(value)
}
