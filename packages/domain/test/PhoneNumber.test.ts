import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { parsePhoneNumberFromString } from "libphonenumber-js"
import { toE164 } from "../src/PhoneNumber.ts"

/** The reference: libphonenumber's full parse, with country detection, as `toE164` did before its fast path. */
const fullParse = (number: string) => {
  const parsed = parsePhoneNumberFromString(number, "US")
  return parsed !== undefined && parsed.isPossible() ? parsed.number : undefined
}

const callingCodes = [
  "1",
  "7",
  "20",
  "27",
  "30",
  "33",
  "34",
  "39",
  "44",
  "49",
  "52",
  "55",
  "61",
  "81",
  "86",
  "91",
  "212",
  "234",
  "351",
  "353",
  "358",
  "380",
  "852",
  "886",
  "971",
  "998",
  "999",
  "800",
  "808",
  "870",
  "882",
  "883",
  "888",
  "979"
]

const e164Like = fc.tuple(fc.constantFrom(...callingCodes), fc.stringMatching(/^[0-9]{0,14}$/u)).map(
  ([code, rest]) => `+${code}${rest}`.slice(0, 16)
)

/** `+1` and ten digits: the shape `toE164` reads without country detection. */
const northAmerican = fc.stringMatching(/^[0-9]{10}$/u).map((digits) => `+1${digits}`)

describe("toE164", () => {
  it("derives E.164 from numbers as typed, for the default region or the one given", () => {
    assert.strictEqual(toE164("(999) 999-9999"), "+19999999999")
    assert.strictEqual(toE164("020 7123 4567", "GB"), "+442071234567")
    assert.strictEqual(toE164("+44 (0)20 7123 4567"), "+442071234567")
    assert.isUndefined(toE164("12"))
    assert.isUndefined(toE164("+12"))
  })

  it("gives numbers already in E.164 form exactly the answer of the full parse", () =>
    fc.assert(
      fc.property(fc.oneof(e164Like, northAmerican), (number) => toE164(number) === fullParse(number)),
      { numRuns: 10_000 }
    ))

  it("gives +1 numbers written with separators exactly the answer of the full parse", () => {
    const separator = fc.constantFrom("", "", " ", "-", ".", "(", ")", " (", ") ")
    const separated = fc.tuple(fc.stringMatching(/^[0-9]{10}$/u), fc.array(separator, { minLength: 11, maxLength: 11 }))
      .map(([digits, gaps]) => `+1${[...digits].map((digit, i) => `${gaps[i]}${digit}`).join("")}`)
    fc.assert(fc.property(separated, (number) => toE164(number) === fullParse(number)), { numRuns: 10_000 })
    for (
      const number of [
        "+1 212 555 0100",
        "+1 (212) 555-0100",
        "+1.212.555.0100",
        "+1 (0) 212 555 010",
        "+1 112 555 0100"
      ]
    ) {
      assert.strictEqual(toE164(number), fullParse(number), number)
    }
  })

  it("agrees with the full parse on E.164 written with a national prefix after the country code", () => {
    for (const number of ["+4402071234567", "+3906123456789", "+61041234567", "+70951234567", "+4920123456789"]) {
      assert.strictEqual(toE164(number), fullParse(number), number)
    }
  })
})
