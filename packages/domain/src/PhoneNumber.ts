/**
 * Deriving E.164 from a phone number as a person typed it. The domain never rejects a
 * number that does not parse: it simply has no E.164, and each vendor's Capabilities decide
 * whether such a number can be stored.
 */
import { type CountryCode, type E164Number, parsePhoneNumberFromString, PhoneNumber } from "libphonenumber-js"

export type Region = CountryCode

/** The region used for numbers written without a country code, unless a caller says otherwise. */
export const defaultRegion: Region = "US"

/**
 * `(999) 999-9999` → `+19999999999`; undefined when the text cannot be a phone number of that
 * region (`12`, `ext. 12`). The check is libphonenumber's "possible" (right length for the
 * country), not "valid" (an assigned range): vendors normalise numbers the same way — one vendor
 * returns `+19999999999` for its own documentation's example — and ranges change over time.
 */
export const toE164 = (number: string, region: Region = defaultRegion): string | undefined =>
  e164Shape.test(number)
    ? fromE164(number)
    : northAmericanWithSeparators.test(number)
    ? fromSeparated(number, region)
    : fromText(number, region)

/** The full parse: finds the country, strips national prefixes, then checks the length. */
const fromText = (number: string, region: Region = defaultRegion): string | undefined => {
  const parsed = parsePhoneNumberFromString(number, region)
  return parsed !== undefined && parsed.isPossible() ? parsed.number : undefined
}

const e164Shape = /^\+1[0-9]{10}$/u

/**
 * A North American number already written as E.164 (`+1` and ten digits — what vendors send
 * back as `normalized`) needs no country detection, which is most of the cost of a full parse:
 * reading it straight into a `PhoneNumber` is about six times faster. Only this shape is taken
 * the fast way: elsewhere a national prefix written after the country code (`+61 0…`) or a
 * shared calling code makes the two disagree, and a property test holds them to the same answers.
 */
const fromE164 = (number: string): string | undefined => {
  if (everyNorthAmericanPossible) return number
  const direct = readE164(number)
  return direct !== undefined && direct.isPossible() && direct.number === number ? number : fromText(number)
}

/**
 * `+1` and ten digits written with spaces, dashes, dots or parentheses between them (`+1 212 555 0100`,
 * `+1 (212) 555-0100`): what people and vendors often store. The separators are punctuation to the full parse too,
 * so the digits are read the fast way; whatever that does not settle goes to the full parse of the text as written.
 */
const northAmericanWithSeparators = /^\+1[ ().-]*(?:[0-9][ ().-]*){9}[0-9]$/u

const fromSeparated = (number: string, region: Region): string | undefined => {
  const digits = number.replace(/[ ().-]/gu, "")
  if (everyNorthAmericanPossible) return digits
  const direct = readE164(digits)
  return direct !== undefined && direct.isPossible() && direct.number === digits ? digits : fromText(number, region)
}

const readE164 = (number: string): PhoneNumber | undefined => {
  try {
    return new PhoneNumber(number as E164Number)
  } catch {
    return undefined
  }
}

/**
 * Whether libphonenumber takes every `+1` number of ten digits as possible, asked once of one such number. Read as
 * E.164, `+1` names the calling code and no country, so the library's answer is its length check of ten national
 * digits against the plan of calling code 1, the same for every such number (a property test holds the fast
 * answers to the full parse). When it holds, a listing's `+1` numbers skip building a `PhoneNumber` each (the
 * calling-code lookup, the metadata and the length check), which was most of what deriving E.164 cost.
 */
const everyNorthAmericanPossible = ((sample: string) => {
  const direct = readE164(sample)
  return direct !== undefined && direct.isPossible() && direct.number === sample
})("+12025550123")

export const e164Pattern = /^\+[1-9][0-9]{1,14}$/u
