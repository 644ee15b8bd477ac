/**
 * The read mapping as it was written before it was built in place for speed (issue 15): spreads and `defined`,
 * read like the table it is. Kept here only as the specification the fast `toContact` is property-tested against
 * (`MappingReadProperty.test.ts`): same contact, same keys in the same order.
 */
import {
  type Address,
  type Contact,
  type ContactField,
  contactIdOf,
  type Email,
  makePhone,
  type Phone
} from "@contactkit/domain"
import { fromAddressType, fromEmailType, fromLines, fromPhoneType } from "../src/NgpvanMapping.ts"
import type { NgpvanAddress, NgpvanContact, NgpvanEmail, NgpvanPhone } from "../src/NgpvanSchema.ts"

const text = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === "" ? undefined : value

const defined = <A extends Record<string, unknown>>(record: A): { [K in keyof A]: Exclude<A[K], undefined> } => {
  const out: Record<string, unknown> = {}
  for (const key in record) if (record[key] !== undefined) out[key] = record[key]
  return out as never
}

const toEmail = (wire: NgpvanEmail): Email =>
  defined({ _tag: "Email" as const, ...fromEmailType(wire.type), address: wire.address })

const toPhone = (wire: NgpvanPhone): Phone => makePhone(wire.number, fromPhoneType(wire.type))

const toAddress = (wire: NgpvanAddress): Address =>
  defined({
    _tag: "Address" as const,
    ...fromAddressType(wire.type),
    street: fromLines(wire),
    locality: text(wire.city),
    region: text(wire.stateProvince),
    postcode: text(wire.postalCode),
    countryCode: text(wire.countryCode)
  })

export const referenceToContact = (wire: NgpvanContact, raw: unknown = wire): Contact => {
  const organization = wire.type === "ORGANIZATION"
  const facebook = text(wire.facebookProfileUrl)
  const fields: Array<ContactField> = [
    ...(wire.emails ?? []).filter((e) => text(e.address) !== undefined).map(toEmail),
    ...(wire.phones ?? []).filter((p) => text(p.number) !== undefined).map(toPhone),
    ...(wire.addresses ?? []).map(toAddress),
    ...(facebook === undefined ? [] : [{ _tag: "OnlineService" as const, service: "facebook" as const, uri: facebook }])
  ]
  return {
    id: contactIdOf(wire.contactId),
    kind: organization ? "organization" : "individual",
    name: organization ? {} : defined({
      given: text(wire.firstName),
      middle: text(wire.middleName),
      family: text(wire.lastName),
      suffix: text(wire.suffix),
      nickname: text(wire.nickname)
    }),
    organization: organization
      ? defined({ name: text(wire.commonName) })
      : defined({ name: text(wire.employer), title: text(wire.occupation) }),
    fields,
    remote: { vendor: "ngpvan", record: raw }
  }
}
