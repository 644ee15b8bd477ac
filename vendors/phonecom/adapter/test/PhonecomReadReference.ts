/**
 * The read mapping of a contact as it was written before its fields were built in place for speed (issue 15): the
 * fields as records that `defined` copies. Kept here only as the specification the fast `toContact` is
 * property-tested against (`PhonecomReadProperty.test.ts`): same contact, same keys in the same order.
 */
import { isoFromWholeSeconds, maxIsoSeconds } from "@contactkit/adapter-kit"
import {
  type Address,
  type Contact,
  type ContactField,
  contactIdOf,
  type Email,
  type Phone,
  toE164
} from "@contactkit/domain"
import { fromPhoneType } from "../src/PhonecomMapping.ts"
import type { PhonecomAddress, PhonecomContact, PhonecomEmail, PhonecomPhone } from "../src/PhonecomSchema.ts"

const text = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === "" ? undefined : value

const defined = <A extends Record<string, unknown>>(record: A): { [K in keyof A]: Exclude<A[K], undefined> } => {
  const out: Record<string, unknown> = {}
  for (const key in record) {
    const value = record[key]
    if (value !== undefined) out[key] = value
  }
  return out as never
}

const isoFromUnix = (seconds: number | null | undefined): string | undefined =>
  seconds === null || seconds === undefined || !(seconds >= 0 && seconds <= maxIsoSeconds)
    ? undefined
    : Number.isInteger(seconds)
    ? isoFromWholeSeconds(seconds)
    : new Date(seconds * 1000).toISOString()

const toEmail = (wire: PhonecomEmail): Email =>
  defined({ _tag: "Email" as const, address: wire.email, preferred: wire.type === "alternate" ? undefined : true })

const toPhone = (wire: PhonecomPhone): Phone => {
  const normalized = text(wire.normalized)
  // A `normalized` that is not a valid E.164 number (the digits of a number the vendor could
  // not parse, "+12") counts as absent; the number as entered is then tried as the domain would.
  const e164 = (normalized === undefined ? undefined : toE164(normalized)) ?? toE164(wire.number)
  return defined({ _tag: "Phone" as const, number: wire.number, e164, ...fromPhoneType(wire.type) })
}

const toAddress = (wire: PhonecomAddress): Address =>
  defined({
    _tag: "Address" as const,
    context: wire.type === "business" ? "work" as const : "home" as const,
    street: text(wire.street),
    locality: text(wire.city),
    region: text(wire.state),
    postcode: text(wire.zip),
    country: text(wire.country)
  })

const put = (target: Record<string, unknown>, key: string, value: unknown) => {
  if (value !== undefined) target[key] = value
}

export const referenceToContact = (wire: PhonecomContact, raw: unknown = wire): Contact => {
  const createdAt = isoFromUnix(wire.created_at)
  // A contact never updated has both stamps equal: format the second only when it differs.
  const updatedAt = wire.updated_at === wire.created_at ? createdAt : isoFromUnix(wire.updated_at)
  const name: Record<string, unknown> = {}
  put(name, "prefix", text(wire.prefix))
  put(name, "given", text(wire.first_name))
  put(name, "middle", text(wire.middle_name))
  put(name, "family", text(wire.last_name))
  put(name, "suffix", text(wire.suffix))
  put(name, "nickname", text(wire.nickname))
  put(name, "phoneticGiven", text(wire.phonetic_first_name))
  put(name, "phoneticMiddle", text(wire.phonetic_middle_name))
  put(name, "phoneticFamily", text(wire.phonetic_last_name))
  const organization: Record<string, unknown> = {}
  put(organization, "name", text(wire.company))
  put(organization, "department", text(wire.department))
  put(organization, "title", text(wire.job_title))
  const fields: Array<ContactField> = []
  for (const email of wire.emails ?? []) if (text(email.email) !== undefined) fields.push(toEmail(email))
  for (const phone of wire.phone_numbers ?? []) if (text(phone.number) !== undefined) fields.push(toPhone(phone))
  for (const address of wire.addresses ?? []) fields.push(toAddress(address))
  const contact: Record<string, unknown> = {
    id: contactIdOf(String(wire.id)),
    kind: "individual",
    name,
    organization,
    fields
  }
  put(contact, "createdAt", createdAt)
  put(contact, "updatedAt", updatedAt)
  contact["remote"] = { vendor: "phonecom", record: raw }
  return contact as unknown as Contact
}
