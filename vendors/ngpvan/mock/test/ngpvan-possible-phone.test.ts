/**
 * The remembered answer for a phone number is libphonenumber's, whatever the number and however often it is asked
 * (also past the bound, when the answers are forgotten).
 */
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { isPossiblePhone, parsesAsPossible } from "../src/NgpvanPossiblePhone.ts"

const number = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.stringMatching(/^\+?1?[ .-]?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}$/u),
  fc.stringMatching(/^\+\d{6,15}$/u)
)

describe("NGP VAN possible phone numbers", () => {
  it("isPossiblePhone answers as libphonenumber does, asked once or again", () => {
    fc.assert(
      fc.property(fc.array(number, { minLength: 1, maxLength: 20 }), (numbers) => {
        for (const n of [...numbers, ...numbers]) assert.strictEqual(isPossiblePhone(n), parsesAsPossible(n))
      }),
      { numRuns: 300 }
    )
  })

  it("still answers the same past the bound of remembered numbers", () => {
    for (let i = 0; i < 17_000; i++) isPossiblePhone(`212555${i}`)
    for (const n of ["2125550100", "212555", "+442071838750", "x"]) {
      assert.strictEqual(isPossiblePhone(n), parsesAsPossible(n))
    }
  })
})
