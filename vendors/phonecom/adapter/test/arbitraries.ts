/**
 * fast-check arbitraries for Phone.com: wire contacts (ContactFull) as its server may return them,
 * and domain drafts shaped to what Phone.com can hold. The domain's own arbitraries supply the
 * values (text with unicode, e-mail addresses, phone numbers as people type them).
 *
 * A "valid wire contact" here is one Phone.com accepts and the domain can hold: types from the
 * documented enums, at most 2 emails and 5 phones, unset text as `""`, `null` or a missing key.
 * Three things Phone.com stores lie outside the domain and are left out on purpose (see
 * `outsideDomainArb` and the property that pins them down): an e-mail address that is not one
 * by the domain's syntax (Phone.com documents no syntax check), a number longer than 64
 * characters and a zip longer than 32 (Phone.com allows 255 for both).
 */
import type { ContactDraft } from "@contactkit/domain"
import {
  addressArb,
  emailAddressArb,
  emailArb,
  nameArb,
  organizationArb,
  phoneArb,
  phoneNumberArb,
  textArb
} from "@contactkit/domain/testing"
import fc from "fast-check"
import type { PhonecomContact } from "../src/index.ts"
import { serverNormalized } from "./echo.ts"

/** Unset text, in each form Phone.com (or a tolerant reader) may send it. */
const unsetArb = fc.constantFrom("", null)

/** A text column: unset, or a value (whitespace-only values included: Phone.com keeps them). */
const columnArb = (maxLength = 40) =>
  fc.oneof({ arbitrary: unsetArb, weight: 1 }, { arbitrary: textArb(maxLength), weight: 2 })

/** A record whose keys may each be missing, as a tolerant reader must accept. */
const sometimesMissing = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T) =>
  fc.record(model, { requiredKeys: [] })

const typeArb = <A extends string>(...types: ReadonlyArray<A>) => fc.constantFrom<A | null>(...types, null)

export const wireEmailArb = fc.tuple(
  sometimesMissing({ type: typeArb("primary", "alternate") }),
  emailAddressArb
).map(([rest, email]) => ({ ...rest, email }))

/** `normalized` as the server computes it, or missing / unset (a tolerant reader's cases). */
export const wirePhoneArb = fc.tuple(
  sometimesMissing({ type: typeArb("home", "business", "mobile", "fax", "pager") }),
  fc.oneof(phoneNumberArb, textArb(64)),
  fc.constantFrom("computed", "missing", "", null)
).map(([rest, number, normalized]) => {
  const e164 = serverNormalized(number)
  if (normalized === "missing" || (normalized === "computed" && e164 === undefined)) return { ...rest, number }
  return { ...rest, number, normalized: normalized === "computed" ? e164 ?? null : normalized }
})

export const wireAddressArb = sometimesMissing({
  type: typeArb("home", "business"),
  street: columnArb(),
  city: columnArb(),
  state: columnArb(),
  zip: columnArb(32),
  country: columnArb()
})

const columns = {
  prefix: columnArb(),
  first_name: columnArb(),
  middle_name: columnArb(),
  last_name: columnArb(),
  suffix: columnArb(),
  nickname: columnArb(),
  company: columnArb(),
  phonetic_first_name: columnArb(),
  phonetic_middle_name: columnArb(),
  phonetic_last_name: columnArb(),
  department: columnArb(),
  job_title: columnArb()
}

/** Seconds since 1970 up to the end of year 9999, the range an ISO timestamp can name. */
const unixArb = fc.integer({ min: 0, max: 253402300799 })

export const wireContactArb: fc.Arbitrary<PhonecomContact> = fc.tuple(
  fc.integer({ min: 1, max: 2 ** 31 }),
  sometimesMissing(columns),
  sometimesMissing({
    emails: fc.option(fc.array(wireEmailArb, { maxLength: 2 })),
    phone_numbers: fc.option(fc.array(wirePhoneArb, { maxLength: 5 })),
    addresses: fc.option(fc.array(wireAddressArb, { maxLength: 3 })),
    group: fc.option(fc.record({ id: fc.integer({ min: 1, max: 2 ** 31 }), name: columnArb() })),
    created_at: fc.option(unixArb),
    updated_at: fc.option(unixArb)
  })
).map(([id, text, rest]) => ({ id, ...text, ...rest }))

/** Values Phone.com stores that the domain cannot hold, each at a known place in the contact. */
export const outsideDomainArb = fc.record({
  email: fc.constantFrom("not-an-address", "a@b", " ", "x@y.z"),
  number: fc.stringMatching(/^[0-9]{65,255}$/u),
  zip: fc.string({ minLength: 33, maxLength: 255 })
})

/** Any timestamp a broken record might carry: negative, fractional, past year 9999, huge. */
export const anyTimestampArb = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), unixArb)

/** A draft Phone.com can hold: ≤ 2 emails, ≤ 5 phones, addresses, fields of each kind interleaved. */
export const phonecomDraftArb: fc.Arbitrary<ContactDraft> = fc.tuple(
  fc.constantFrom("individual" as const, "organization" as const),
  nameArb,
  organizationArb,
  fc.array(emailArb, { maxLength: 2 }),
  fc.array(phoneArb, { maxLength: 5 }),
  fc.array(addressArb, { maxLength: 3 })
).chain(([kind, name, organization, emails, phones, addresses]) => {
  const fields = [...emails, ...phones, ...addresses]
  return fc.shuffledSubarray(fields, { minLength: fields.length, maxLength: fields.length }).map((shuffled) => ({
    kind,
    name,
    organization,
    fields: shuffled
  }))
})
