/**
 * Deriving E.164 from a phone number as a person typed it. The domain never rejects a
 * number that does not parse: it simply has no E.164, and each vendor's Capabilities decide
 * whether such a number can be stored.
 */
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js"

export type Region = CountryCode

/** The region used for numbers written without a country code, unless a caller says otherwise. */
export const defaultRegion: Region = "US"

/** `(999) 999-9999` → `+19999999999`; undefined when the number is not a valid phone number. */
export const toE164 = (number: string, region: Region = defaultRegion): string | undefined => {
  const parsed = parsePhoneNumberFromString(number, region)
  return parsed !== undefined && parsed.isValid() ? parsed.number : undefined
}

export const e164Pattern = /^\+[1-9][0-9]{1,14}$/u
