/**
 * Deskpro v2's nine contact-data types, as data: the text and boolean values each record holds, which are
 * required, and the instant-message services Deskpro offers. Validation reads the table to check a record, the
 * state to render one; records are stored in their wire form with every value defaulted.
 *
 * Source: the KB article "Setting User Contact Data" (the types and their fields); a record as read carries
 * `id`, `contact_type` and `comment` besides (an organization's record recorded from a real helpdesk).
 */
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
export type ContactDataType = typeof contactDataTypes[number]

export const instantMessageServices = ["whatsapp", "aim", "msn", "icq", "skype", "gtalk", "other"] as const

export interface TypeSpec {
  /** Text values, in the order they are rendered; absent ones read back as "". */
  readonly texts: ReadonlyArray<string>
  /** Boolean values; absent ones read back as false. */
  readonly booleans: ReadonlyArray<string>
  /** Texts that must be present and non-empty. */
  readonly required: ReadonlyArray<string>
  /** When set, at least one of these texts must be non-empty (an address). */
  readonly oneOf?: ReadonlyArray<string>
}

const url: TypeSpec = { texts: ["url"], booleans: [], required: ["url"] }
const username: TypeSpec = { texts: ["username"], booleans: [], required: ["username"] }

export const typeSpecs: Readonly<Record<ContactDataType, TypeSpec>> = {
  address: {
    texts: ["address", "city", "state", "zip"],
    booleans: [],
    required: [],
    oneOf: ["address", "city", "state", "zip"]
  },
  website: url,
  instant_message: { texts: ["service", "username"], booleans: [], required: ["service", "username"] },
  twitter: { texts: ["username"], booleans: ["display_feed"], required: ["username"] },
  linked_in: url,
  facebook: url,
  apple: username,
  trust_pilot: username,
  instagram: { texts: ["username", "instagram_id"], booleans: [], required: ["username"] }
}

export const isContactDataType = (name: string): name is ContactDataType =>
  (contactDataTypes as ReadonlyArray<string>).includes(name)

/** One record as stored and read: `{id, contact_type, comment, <values>}` with every value present. */
export interface ContactDataRecord {
  readonly id: number
  readonly contact_type: ContactDataType
  readonly comment: string
  readonly values: Readonly<Record<string, string | boolean>>
}

/** A record as written, before it has an id. */
export type ContactDataInput = Omit<ContactDataRecord, "id">

/** Fills in every value the type has: "" for texts, false for booleans. */
export const withDefaults = (
  type: ContactDataType,
  given: Readonly<Record<string, string | boolean>>
): Readonly<Record<string, string | boolean>> => {
  const spec = typeSpecs[type]
  return Object.fromEntries([
    ...spec.texts.map((key) => [key, given[key] ?? ""] as const),
    ...spec.booleans.map((key) => [key, given[key] ?? false] as const)
  ])
}

export const recordToWire = (record: ContactDataRecord) => ({
  id: record.id,
  contact_type: record.contact_type,
  comment: record.comment,
  ...record.values
})
