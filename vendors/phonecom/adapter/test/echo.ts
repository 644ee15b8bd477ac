/**
 * What Phone.com's server returns for a CreateContactParams body it accepted: the values as sent,
 * an integer id and unix timestamps, every unset text column as `""` (as in its documented
 * examples), `normalized` computed from the number (E.164 read with region US, left out when the
 * number is not a possible one — the mock server's documented choice), and no `group` key unless
 * one was sent. The round-trip properties and the create fixtures read their answers from here.
 *
 * `normalized` is the server's, computed here the way the server computes it — libphonenumber-js
 * itself, region US, `isPossible` — and never with the domain's `toE164`: a round trip through the
 * echo then checks the domain's E.164 against an independent reading, not against itself.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js"
import type { PhonecomContact, PhonecomContactInput } from "../src/index.ts"

/** Phone.com's read-only `normalized` for a number, or undefined when it leaves it out. */
export const serverNormalized = (number: string): string | undefined => {
  const parsed = parsePhoneNumberFromString(number, "US")
  return parsed !== undefined && parsed.isPossible() ? parsed.number : undefined
}

export interface EchoOptions {
  readonly id?: number
  readonly now?: number
  /** The group a `{ id }` lookup resolves to; without it a sent group comes back with an empty name. */
  readonly groupName?: string
}

const unset = (value: string | null): string => value ?? ""

export const echo = (input: PhonecomContactInput, options: EchoOptions = {}): PhonecomContact => {
  const now = options.now ?? 1700000000
  return {
    id: options.id ?? 1,
    prefix: unset(input.prefix),
    first_name: unset(input.first_name),
    middle_name: unset(input.middle_name),
    last_name: unset(input.last_name),
    suffix: unset(input.suffix),
    nickname: unset(input.nickname),
    company: unset(input.company),
    phonetic_first_name: unset(input.phonetic_first_name),
    phonetic_middle_name: unset(input.phonetic_middle_name),
    phonetic_last_name: unset(input.phonetic_last_name),
    department: unset(input.department),
    job_title: unset(input.job_title),
    emails: input.emails.map((e) => ({ type: e.type, email: e.email })),
    phone_numbers: input.phone_numbers.map((p) => {
      const normalized = serverNormalized(p.number)
      return normalized === undefined
        ? { type: p.type, number: p.number }
        : { type: p.type, number: p.number, normalized }
    }),
    addresses: input.addresses.map((a) => ({
      type: a.type,
      street: unset(a.street),
      city: unset(a.city),
      state: unset(a.state),
      zip: unset(a.zip),
      country: unset(a.country)
    })),
    ...(input.group === undefined ? {} : { group: { id: input.group.id, name: options.groupName ?? "" } }),
    created_at: now,
    updated_at: now
  }
}
