/**
 * The read mapping of a person as it was written before it was built in place for speed (issue 15): spreads,
 * `defined`, `makePhone`, read like the table it is. Kept here only as the specification the fast `toContact`,
 * `toField` and `toPhone` are property-tested against (`DeskproReadProperty.test.ts`): same contact, same keys in
 * the same order.
 */
import {
  type Contact,
  type ContactField,
  contactIdOf,
  fieldIdOf,
  isContactField,
  makePhone,
  uriPattern
} from "@contactkit/domain"
import {
  instantMessageServices,
  type ReadRecord,
  recordsOf,
  toEmails,
  toTimestamp,
  typeRank,
  urlTypes,
  vendor
} from "../src/DeskproMapping.ts"
import type { DeskproPerson, DeskproPhone } from "../src/DeskproSchema.ts"

const serviceTypes: Readonly<Record<string, string>> = {
  twitter: "twitter",
  linked_in: "linkedin",
  facebook: "facebook",
  apple: "apple",
  trust_pilot: "trustpilot",
  instagram: "instagram"
}

const text = (value: string | null | undefined): string | undefined =>
  value === undefined || value === null || value === "" ? undefined : value

const defined = <A extends object>(value: A): { readonly [K in keyof A]: Exclude<A[K], undefined> } => {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key]
    if (v !== undefined) out[key] = v
  }
  return out as never
}

const valid = (field: ContactField): ContactField | undefined => (isContactField(field) ? field : undefined)

const userOrUri = (value: string) => (uriPattern.test(value) ? { uri: value } : { user: value })

export const referenceToField = (record: ReadRecord): ContactField | undefined => {
  const { type, wire } = record
  const common = defined({
    id: wire.id === undefined ? undefined : fieldIdOf(String(wire.id)),
    label: text(wire.comment)
  })
  const value = text(urlTypes.has(type) ? wire.url : wire.username)
  if (type === "address") {
    const parts = defined({
      street: text(wire.address),
      locality: text(wire.city),
      region: text(wire.state),
      postcode: text(wire.zip)
    })
    return Object.keys(parts).length === 0 ? undefined : valid({ _tag: "Address", ...common, ...parts })
  }
  if (value === undefined) return undefined
  if (type === "website") return valid({ _tag: "Link", ...common, uri: value, kind: "website" })
  const service = type === "instant_message"
    ? instantMessageServices.find((s) => s === wire.service)
    : serviceTypes[type]
  return service === undefined
    ? undefined
    : valid({ _tag: "OnlineService", ...common, service, ...userOrUri(value) } as ContactField)
}

export const referenceToPhone = (phone: DeskproPhone): ContactField | undefined => {
  const label = text(phone.label)
  return text(phone.number) === undefined
    ? undefined
    : valid(makePhone(phone.number, label === undefined ? {} : { label }))
}

export const referenceToContact = (wire: DeskproPerson, raw: unknown, organizationName?: string): Contact => {
  const records = [...recordsOf(wire, raw)].sort((a, b) => typeRank(a.type) - typeRank(b.type))
  const fields = [
    ...toEmails(wire),
    ...(wire.phone_numbers ?? []).map(referenceToPhone),
    ...records.map(referenceToField)
  ].filter((field): field is ContactField => field !== undefined)
  const createdAt = toTimestamp(wire.date_created)
  return {
    id: contactIdOf(String(wire.id)),
    kind: "individual",
    name: defined({ prefix: text(wire.title_prefix), given: text(wire.first_name), family: text(wire.last_name) }),
    organization: defined({ name: text(organizationName), title: text(wire.organization_position) }),
    fields,
    ...(createdAt === undefined ? {} : { createdAt }),
    remote: { vendor, record: raw }
  }
}
