/**
 * The read-only `normalized` of a phone number: E.164 as libphonenumber-js reads it with region US (Phone.com
 * documents USA numbers "as entered" and international ones in E.164). A number that is not even a possible
 * number gets `null` — a documented choice; the Phone.com adapter treats anything but E.164 as absent.
 * `isPossible` rather than `isValid`, because Phone.com's own example `(999) 999-9999` normalizes to
 * `+19999999999` although 999 is no assigned area code.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js"

export const normalizePhone = (number: string): string | null => {
  const parsed = parsePhoneNumberFromString(number, "US")
  return parsed !== undefined && parsed.isPossible() ? parsed.number : null
}
