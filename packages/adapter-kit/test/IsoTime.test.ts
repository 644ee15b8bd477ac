/** The arithmetic ISO formatting of Unix seconds agrees with `Date#toISOString` over the whole range it is used in. */
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { isoFromWholeSeconds } from "../src/PhonecomMapping.ts"

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
