/**
 * Deskpro's stamps read by arithmetic give exactly what reading them through `Date` gives, for stamps that exist,
 * stamps with any field out of range, and text of the shape that is no stamp at all.
 */
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { timestampByDate, toTimestamp } from "../src/DeskproTimestamp.ts"

const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, "0"))

/** A stamp of Deskpro's shape, each part in range or just past it. */
const stamp = fc.tuple(
  fc.oneof(digits(4, 9999), fc.constantFrom("1970", "1969", "9999", "0000", "2000", "2100")),
  fc.oneof(digits(2, 13), fc.constant("02")),
  fc.oneof(digits(2, 32), fc.constantFrom("28", "29", "30", "31")),
  fc.oneof(digits(2, 24), fc.constant("23")),
  digits(2, 60),
  digits(2, 60),
  fc.constantFrom("+", "-"),
  fc.oneof(digits(2, 25), fc.constant("00")),
  fc.constantFrom(":", ""),
  fc.oneof(digits(2, 60), fc.constant("00"))
).map(([y, mo, d, h, mi, s, sign, oh, colon, om]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${sign}${oh}${colon}${om}`)

/** Text of the stamp's length and outline with any characters in it. */
const lookalike = fc.tuple(fc.string({ minLength: 19, maxLength: 19 }), fc.constantFrom("+", "-"), digits(2, 99))
  .map(([head, sign, tail]) => `${head}${sign}${tail}00`)

describe("toTimestamp", () => {
  it("gives what Date gives for every stamp of Deskpro's shape, in range or not", () => {
    fc.assert(
      fc.property(stamp, (value) => {
        assert.strictEqual(toTimestamp(value), timestampByDate(value), value)
      }),
      { numRuns: 20_000 }
    )
  })

  it("gives what Date gives for other text and for none", () => {
    fc.assert(
      fc.property(fc.oneof(lookalike, fc.string()), (value) => {
        assert.strictEqual(toTimestamp(value), timestampByDate(value), value)
      }),
      { numRuns: 2_000 }
    )
    for (const value of [undefined, null, "", "2024-08-16 14:04:18+0000", "2024-08-16T24:00:00+0000"]) {
      assert.strictEqual(toTimestamp(value), timestampByDate(value), String(value))
    }
  })

  it("reads a stamp to UTC, the offset applied", () => {
    assert.strictEqual(toTimestamp("2024-08-16T14:04:18+0000"), "2024-08-16T14:04:18Z")
    assert.strictEqual(toTimestamp("2024-08-16T14:04:18+02:00"), "2024-08-16T12:04:18Z")
    assert.strictEqual(toTimestamp("2024-12-31T23:30:00-0100"), "2025-01-01T00:30:00Z")
    assert.isUndefined(toTimestamp("2024-13-01T00:00:00+0000"))
  })
})
