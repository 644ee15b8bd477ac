/** The arithmetic ISO formatting and reading of whole seconds agree with `Date` over the whole range they are used in. */
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { daysInMonth, isoFromWholeSeconds, secondsFromCivil } from "../src/IsoTime.ts"

describe("isoFromWholeSeconds", () => {
  it("is Date's ISO string for every whole second from 1970 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799 }), (seconds) => {
        assert.strictEqual(isoFromWholeSeconds(seconds), new Date(seconds * 1000).toISOString())
      }),
      { numRuns: 5_000 }
    )
  })

  it("at the edges: the epoch, a leap day, the turn of 2100 (no leap year), the last second", () => {
    for (const iso of ["1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.000Z", "2100-03-01T00:00:00.000Z"]) {
      assert.strictEqual(isoFromWholeSeconds(Date.parse(iso) / 1000), iso)
    }
    assert.strictEqual(isoFromWholeSeconds(253_402_300_799), "9999-12-31T23:59:59.000Z")
  })
})

describe("secondsFromCivil", () => {
  const civil = fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 })).chain(([year, month]) =>
    fc.tuple(
      fc.constant(year),
      fc.constant(month),
      fc.integer({ min: 1, max: daysInMonth(year, month) }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 59 })
    )
  )

  it("is Date.UTC's for every date that exists, years 1 to 9999", () => {
    fc.assert(
      fc.property(civil, ([year, month, day, hours, minutes, seconds]) => {
        const date = new Date(0)
        date.setUTCFullYear(year, month - 1, day)
        date.setUTCHours(hours, minutes, seconds, 0)
        assert.strictEqual(secondsFromCivil(year, month, day, hours, minutes, seconds), date.getTime() / 1000)
      }),
      { numRuns: 5_000 }
    )
  })

  it("knows the days of each month: leap years by 4, 100 and 400", () => {
    assert.deepStrictEqual([2023, 2024, 1900, 2000].map((year) => daysInMonth(year, 2)), [28, 29, 28, 29])
    assert.deepStrictEqual([1, 4, 6, 9, 11, 12].map((month) => daysInMonth(2023, month)), [31, 30, 30, 30, 30, 31])
  })
})
