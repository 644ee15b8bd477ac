import { assert, describe, it } from "@effect/vitest"
import {
  arrayOf,
  isFiniteNumber,
  isJsonRecord,
  isString,
  optionalKey,
  optionalOrNull,
  orNull
} from "../src/JsonChecks.ts"

describe("JsonChecks", () => {
  it("a record is a non-null, non-array object", () => {
    assert.deepStrictEqual([{}, [], null, "x", 1].map(isJsonRecord), [true, false, false, false, false])
  })

  it("an optional key may be absent but not a present undefined; only optionalOrNull takes null", () => {
    const record = { a: "x", n: null, u: undefined, one: 1 }
    assert.deepStrictEqual(
      ["a", "n", "u", "one", "missing"].map((key) => optionalKey(record, key, isString)),
      [true, false, false, false, true]
    )
    assert.deepStrictEqual(
      ["a", "n", "u", "one", "missing"].map((key) => optionalOrNull(record, key, isString)),
      [true, true, false, false, true]
    )
  })

  it("arrayOf, orNull and isFiniteNumber", () => {
    assert.deepStrictEqual([[1, 2], [1, "2"], [], {}].map(arrayOf(isFiniteNumber)), [true, false, true, false])
    assert.deepStrictEqual([null, "x", 1].map(orNull(isString)), [true, true, false])
    assert.deepStrictEqual([1.5, Number.NaN, Infinity, "1"].map(isFiniteNumber), [true, false, false, false])
  })
})
