/**
 * Whether a phone number is one NGP VAN accepts: a possible number as libphonenumber reads it with region US (the
 * error page's hint is a NANP pattern). The answer depends on the text alone, and parsing was a tenth of a create,
 * so each distinct number is parsed once (bounded: the answers are forgotten when they reach 16,384).
 */
import { boundedMemo } from "@contactkit/mock-platform"
import { parsePhoneNumberFromString } from "libphonenumber-js"

/** libphonenumber's answer, parsed every time. */
export const parsesAsPossible = (number: string): boolean =>
  parsePhoneNumberFromString(number, "US")?.isPossible() === true

/** `parsesAsPossible(number)`, parsed once per distinct number. */
export const isPossiblePhone: (number: string) => boolean = boundedMemo(parsesAsPossible)
