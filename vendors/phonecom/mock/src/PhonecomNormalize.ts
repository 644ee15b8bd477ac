/**
 * The read-only `normalized` of a phone number: E.164 as libphonenumber-js reads it with region US (Phone.com
 * documents USA numbers "as entered" and international ones in E.164). A number that is not even a possible
 * number gets `null` — a documented choice; the Phone.com adapter treats anything but E.164 as absent.
 * `isPossible` rather than `isValid`, because Phone.com's own example `(999) 999-9999` normalizes to
 * `+19999999999` although 999 is no assigned area code.
 */
import { boundedMemo } from "@contactkit/mock-platform"
import { parsePhoneNumberFromString } from "libphonenumber-js"

/** What libphonenumber-js answers for `number`, parsed every time. */
export const parsePhone = (number: string): string | null => {
  const parsed = parsePhoneNumberFromString(number, "US")
  return parsed !== undefined && parsed.isPossible() ? parsed.number : null
}

// Parsing was a tenth of a create (and most of a seed with a count, whose numbers repeat every 10,000), and the
// answer depends on the text alone.
/** `parsePhone(number)`, parsed once per distinct number. */
export const normalizePhone: (number: string) => string | null = boundedMemo(parsePhone)
