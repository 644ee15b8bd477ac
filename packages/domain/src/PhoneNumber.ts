/**
 * Deriving E.164 from a phone number as a person typed it. The domain never rejects a
 * number that does not parse: it simply has no E.164, and each vendor's Capabilities decide
 * whether such a number can be stored.
 */
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js"

export type Region = CountryCode

/** The region used for numbers written without a country code, unless a caller says otherwise. */
export const defaultRegion: Region = "US"

/**
 * `(999) 999-9999` → `+19999999999`; undefined when the text cannot be a phone number of that
 * region (`12`, `ext. 12`). The check is libphonenumber's "possible" (right length for the
 * country), not "valid" (an assigned range): vendors normalise numbers the same way — Phone.com
 * returns `+19999999999` for its own documentation's example — and ranges change over time.
 */
export const toE164 = (number: string, region: Region = defaultRegion): string | undefined => {
  const parsed = parsePhoneNumberFromString(number, region)
  return parsed !== undefined && parsed.isPossible() ? parsed.number : undefined
}

export const e164Pattern = /^\+[1-9][0-9]{1,14}$/u
