/**
 * Deskpro v2 person → Contact, as a table. Pure: no Effect, no I/O.
 *
 * | Deskpro                                   | domain                                                      |
 * | ----------------------------------------- | ----------------------------------------------------------- |
 * | `title_prefix`, `first_name`, `last_name` | `name.prefix`, `name.given`, `name.family`                  |
 * | `organization` (id, name side-loaded)     | `organization.name`                                         |
 * | `organization_position`                   | `organization.title`                                        |
 * | `emails`, `primary_email`                 | Email fields, the primary one `preferred`                   |
 * | `phone_numbers[] {number, label}`         | Phone fields (`label` ↔ label, E.164 derived)               |
 * | `contact_data` address                    | Address {street, locality, region, postcode}                |
 * | `contact_data` website                    | Link {uri, kind: website}                                   |
 * | `contact_data` instant_message            | OnlineService {service: whatsapp, aim, msn, icq, skype, …}  |
 * | `contact_data` twitter, linked_in, …      | OnlineService twitter, linkedin, facebook, apple, trustpilot, instagram |
 * | a record's `comment`                      | the field's `label`; its `id` the field's `id`              |
 *
 * Lossy, read side: `name` (derived by Deskpro) is not read as `full`; a phone's `extension`, twitter's
 * `display_feed` and instagram's `instagram_id` are only in `remote` (and are sent back on writes, see
 * DeskproInput); a record or address the domain cannot hold (a website without a scheme, an IM service Deskpro
 * added later, a malformed email) is left out of `fields` but kept in `remote` and written back unchanged.
 * Each contact-data record holds one string: a value shaped like a URI reads as `uri`, any other as `user`.
 */
import {
  type Contact,
  type ContactField,
  contactIdOf,
  fieldIdOf,
  isContactField,
  makePhone,
  type ServiceName,
  uriPattern
} from "@contactkit/domain"
import type { DeskproContactData, DeskproPerson, DeskproPhone } from "./DeskproSchema.ts"
import { toTimestamp } from "./DeskproTimestamp.ts"

export { toTimestamp }

export const vendor = "deskpro"

/** The nine contact-data types, in the order Deskpro's KB lists them and the adapter writes them. */
export const contactDataTypes = [
  "address",
  "website",
  "instant_message",
  "twitter",
  "linked_in",
  "facebook",
  "apple",
  "trust_pilot",
  "instagram"
] as const

/** `instant_message.service`'s choices, each a domain service of the same name. */
export const instantMessageServices: ReadonlyArray<ServiceName> = [
  "whatsapp",
  "aim",
  "msn",
  "icq",
  "skype",
  "gtalk",
  "other"
]

/** The contact-data types that are one service each. */
const serviceTypes: Readonly<Record<string, ServiceName>> = {
  twitter: "twitter",
  linked_in: "linkedin",
  facebook: "facebook",
  apple: "apple",
  trust_pilot: "trustpilot",
  instagram: "instagram"
}

/** Types whose one value is `url`; the others keep `username`. */
export const urlTypes: ReadonlySet<string> = new Set(["website", "linked_in", "facebook"])

/** The Deskpro type an online service is kept as, or undefined when Deskpro has none (yim, telegram). */
export const typeOfService = (service: ServiceName): string | undefined =>
  instantMessageServices.includes(service)
    ? "instant_message"
    : Object.entries(serviceTypes).find(([, s]) => s === service)?.[0]

/** The contact-data type a field is kept as; undefined for emails and phones (person properties). */
export const typeOfField = (field: ContactField): string | undefined => {
  switch (field._tag) {
    case "Address":
      return "address"
    case "Link":
      return "website"
    case "OnlineService":
      return typeOfService(field.service)
    case "Email":
    case "Phone":
      return undefined
  }
}

/** A text Deskpro has: it sends "" (or null) for none. */
const text = (value: string | null | undefined): string | undefined =>
  value === undefined || value === null || value === "" ? undefined : value

/** `value` without its undefined keys; a plain loop (this runs several times per contact read, every page). */
const defined = <A extends object>(value: A): { readonly [K in keyof A]: Exclude<A[K], undefined> } => {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key]
    if (v !== undefined) out[key] = v
  }
  return out as never
}

/** The field, when the domain's own rules accept it; else undefined (the record stays in `remote` only). */
const valid = (field: ContactField): ContactField | undefined => (isContactField(field) ? field : undefined)

/** One string read back: a URI is `uri`, anything else `user`. */
const userOrUri = (value: string) => (uriPattern.test(value) ? { uri: value } : { user: value })

/** One contact-data record as read, with its type and its JSON exactly as read. */
export interface ReadRecord {
  readonly type: string
  readonly wire: DeskproContactData
  readonly raw: unknown
}

/** The person's records, from the array Deskpro sends or from the KB's keyed object, in the order sent. */
export const recordsOf = (wire: DeskproPerson, raw: unknown): ReadonlyArray<ReadRecord> => {
  const data = wire.contact_data
  const rawData = (raw as { readonly contact_data?: unknown } | null)?.contact_data
  if (data === undefined || data === null) return []
  if (Array.isArray(data)) {
    return data.map((record, i) => ({
      type: record.contact_type ?? "",
      wire: record,
      raw: Array.isArray(rawData) ? rawData[i] : record
    }))
  }
  return Object.entries(data as Readonly<Record<string, ReadonlyArray<DeskproContactData>>>).flatMap(([type, list]) =>
    list.map((record, i) => ({
      type,
      wire: record,
      raw: (rawData as Readonly<Record<string, ReadonlyArray<unknown>>> | undefined)?.[type]?.[i] ?? record
    }))
  )
}

/** Deskpro record → domain field; undefined when the domain cannot hold it. */
export const toField = (record: ReadRecord): ContactField | undefined => {
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
  return service === undefined ? undefined : valid({ _tag: "OnlineService", ...common, service, ...userOrUri(value) })
}

/** The person's emails, the primary one first when Deskpro left it out of `emails`. */
export const emailsOf = (wire: DeskproPerson): ReadonlyArray<string> => {
  const emails = wire.emails ?? []
  const primary = text(wire.primary_email)
  const listed = primary !== undefined && emails.some((e) => e.toLowerCase() === primary.toLowerCase())
  return primary === undefined || listed ? emails : [primary, ...emails]
}

export const toEmails = (wire: DeskproPerson): ReadonlyArray<ContactField | undefined> => {
  const primary = text(wire.primary_email)?.toLowerCase()
  const emails = emailsOf(wire)
  const first = emails.findIndex((e) => e.toLowerCase() === primary)
  return emails.map((address, i) =>
    valid(i === first ? { _tag: "Email", address, preferred: true } : { _tag: "Email", address })
  )
}

export const toPhone = (phone: DeskproPhone): ContactField | undefined => {
  const label = text(phone.label)
  return text(phone.number) === undefined
    ? undefined
    : valid(makePhone(phone.number, label === undefined ? {} : { label }))
}

/** Where a record's type comes in the order the adapter keeps (Deskpro's types first, in the KB's order). */
export const typeRank = (type: string) => {
  const rank = (contactDataTypes as ReadonlyArray<string>).indexOf(type)
  return rank === -1 ? contactDataTypes.length : rank
}

/**
 * Deskpro person → Contact. `raw` is the person's JSON exactly as read; `organizationName` comes from
 * `linked.organization` (the person carries only the organization's id).
 */
export const toContact = (wire: DeskproPerson, raw: unknown, organizationName?: string): Contact => {
  const records = [...recordsOf(wire, raw)].sort((a, b) => typeRank(a.type) - typeRank(b.type))
  const fields = [
    ...toEmails(wire),
    ...(wire.phone_numbers ?? []).map(toPhone),
    ...records.map(toField)
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
