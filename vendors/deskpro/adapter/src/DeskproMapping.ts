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
  type ServiceName,
  toE164,
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

/** The field, when the domain's own rules accept it; else undefined (the record stays in `remote` only). */
const valid = (field: ContactField): ContactField | undefined => (isContactField(field) ? field : undefined)

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

/** Sets `key` only when `value` is defined (exact optional properties), in the order of the calls. */
const put = (target: Record<string, unknown>, key: string, value: unknown) => {
  if (value !== undefined) target[key] = value
}

/** A field's `_tag`, then the record's id and comment (as `id` and `label`) when it has them. */
const fieldStart = (tag: ContactField["_tag"], wire: DeskproContactData): Record<string, unknown> => {
  const field: Record<string, unknown> = { _tag: tag }
  put(field, "id", wire.id === undefined ? undefined : fieldIdOf(String(wire.id)))
  put(field, "label", text(wire.comment))
  return field
}

/**
 * Deskpro record → domain field; undefined when the domain cannot hold it. Built in place, key by key (the spec
 * written with spreads is test/DeskproReadReference.ts, which the property test holds this to): this runs for every
 * record of every person listed.
 */
export const toField = (record: ReadRecord): ContactField | undefined => {
  const { type, wire } = record
  if (type === "address") {
    const street = text(wire.address)
    const locality = text(wire.city)
    const region = text(wire.state)
    const postcode = text(wire.zip)
    if (street === undefined && locality === undefined && region === undefined && postcode === undefined) {
      return undefined
    }
    const address = fieldStart("Address", wire)
    put(address, "street", street)
    put(address, "locality", locality)
    put(address, "region", region)
    put(address, "postcode", postcode)
    return valid(address as unknown as ContactField)
  }
  const value = text(urlTypes.has(type) ? wire.url : wire.username)
  if (value === undefined) return undefined
  if (type === "website") {
    const link = fieldStart("Link", wire)
    link["uri"] = value
    link["kind"] = "website"
    return valid(link as unknown as ContactField)
  }
  const service = type === "instant_message"
    ? instantMessageServices.find((s) => s === wire.service)
    : serviceTypes[type]
  if (service === undefined) return undefined
  const online = fieldStart("OnlineService", wire)
  online["service"] = service
  // One string read back: a URI is `uri`, anything else `user`.
  online[uriPattern.test(value) ? "uri" : "user"] = value
  return valid(online as unknown as ContactField)
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

/** `makePhone`'s shape, built in place: the label when there is one, the number, then its E.164 when it has one. */
export const toPhone = (phone: DeskproPhone): ContactField | undefined => {
  if (text(phone.number) === undefined) return undefined
  const field: Record<string, unknown> = { _tag: "Phone" }
  put(field, "label", text(phone.label))
  field["number"] = phone.number
  put(field, "e164", toE164(phone.number))
  return valid(field as unknown as ContactField)
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
  const fields: Array<ContactField> = []
  for (const email of toEmails(wire)) if (email !== undefined) fields.push(email)
  for (const phone of wire.phone_numbers ?? []) {
    const field = toPhone(phone)
    if (field !== undefined) fields.push(field)
  }
  const read = recordsOf(wire, raw)
  // In the order the adapter keeps (a stable sort, so records of one type stay in the order sent).
  const records = read.length < 2 ? read : [...read].sort((a, b) => typeRank(a.type) - typeRank(b.type))
  for (const record of records) {
    const field = toField(record)
    if (field !== undefined) fields.push(field)
  }
  const name: Record<string, unknown> = {}
  put(name, "prefix", text(wire.title_prefix))
  put(name, "given", text(wire.first_name))
  put(name, "family", text(wire.last_name))
  const organization: Record<string, unknown> = {}
  put(organization, "name", text(organizationName))
  put(organization, "title", text(wire.organization_position))
  const contact: Record<string, unknown> = {
    id: contactIdOf(String(wire.id)),
    kind: "individual",
    name,
    organization,
    fields
  }
  put(contact, "createdAt", toTimestamp(wire.date_created))
  contact["remote"] = { vendor, record: raw }
  return contact as unknown as Contact
}
