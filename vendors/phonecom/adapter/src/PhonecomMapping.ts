/**
 * Phone.com ContactFull ↔ the domain Contact, as pure functions that read like a table.
 *
 * Lossy (see PhonecomCapabilities):
 * - one `type` per phone stands for the domain's context and features: home ↔ context home,
 *   business ↔ context work, mobile / fax / pager ↔ that feature; a phone with several features
 *   keeps the first of mobile, fax, pager;
 * - emails have no context; `primary` ↔ preferred, `alternate` ↔ not preferred;
 * - addresses are home or business (context home / work); no country code;
 * - no labels, no full name, no role, no online services or links; every contact is an individual;
 * - the group is not modelled: it stays in `remote` and is sent back on update.
 */
import { isoFromWholeSeconds, maxIsoSeconds } from "@contactkit/adapter-kit"
import {
  type Address,
  type Contact,
  type ContactDraft,
  type ContactField,
  contactIdOf,
  type Email,
  type FieldKind,
  type Phone,
  toE164
} from "@contactkit/domain"
import type {
  PhonecomAddress,
  PhonecomContact,
  PhonecomContactInput,
  PhonecomEmail,
  PhonecomPhone
} from "./PhonecomSchema.ts"

export type PhonecomPhoneType = "home" | "business" | "mobile" | "fax" | "pager"
export type PhonecomAddressType = "home" | "business"

/**
 * Empty and null text is absent in the domain. Whitespace is a value: Phone.com stores it as sent,
 * and the domain accepts it, so reading it as absent would drop it on the next PUT.
 */
const text = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === "" ? undefined : value

/** A timestamp outside 1970…9999 (a broken record) is absent rather than an invalid Date that throws. */
const isoFromUnix = (seconds: number | null | undefined): string | undefined =>
  seconds === null || seconds === undefined || !(seconds >= 0 && seconds <= maxIsoSeconds)
    ? undefined
    : Number.isInteger(seconds)
    ? isoFromWholeSeconds(seconds)
    : new Date(seconds * 1000).toISOString()

// ── phone type ↔ context + features ──────────────────────────────────────────────────────────

export const toPhoneType = (phone: Pick<Phone, "context" | "features">): PhonecomPhoneType => {
  const features = phone.features ?? []
  if (features.includes("mobile")) return "mobile"
  if (features.includes("fax")) return "fax"
  if (features.includes("pager")) return "pager"
  return phone.context === "work" ? "business" : "home"
}

export const fromPhoneType = (type: string | null | undefined): Pick<Phone, "context" | "features"> => {
  switch (type) {
    case "business":
      return { context: "work" }
    case "mobile":
      return { features: ["mobile"] }
    case "fax":
      return { features: ["fax"] }
    case "pager":
      return { features: ["pager"] }
    default:
      return { context: "home" }
  }
}

export const toAddressType = (address: Pick<Address, "context">): PhonecomAddressType =>
  address.context === "work" ? "business" : "home"

// ── read ─────────────────────────────────────────────────────────────────────────────────────

/** Sets `key` only when `value` is defined (exact optional properties), in the order of the calls. */
const put = (target: Record<string, unknown>, key: string, value: unknown) => {
  if (value !== undefined) target[key] = value
}

// Each field is built in place, key by key in the order it was once written as a record `defined` copied (that spec
// is test/PhonecomReadReference.ts, which the property test holds this to): this runs for every field listed.

const toEmail = (wire: PhonecomEmail): Email => {
  const email: Record<string, unknown> = { _tag: "Email", address: wire.email }
  if (wire.type !== "alternate") email["preferred"] = true
  return email as unknown as Email
}

const toPhone = (wire: PhonecomPhone): Phone => {
  const normalized = text(wire.normalized)
  // A `normalized` that is not a valid E.164 number (the digits of a number the vendor could
  // not parse, "+12") counts as absent; the number as entered is then tried as the domain would.
  const e164 = (normalized === undefined ? undefined : toE164(normalized)) ?? toE164(wire.number)
  const phone: Record<string, unknown> = { _tag: "Phone", number: wire.number }
  put(phone, "e164", e164)
  const typed = fromPhoneType(wire.type)
  put(phone, "context", typed.context)
  put(phone, "features", typed.features)
  return phone as unknown as Phone
}

const toAddress = (wire: PhonecomAddress): Address => {
  const address: Record<string, unknown> = { _tag: "Address", context: wire.type === "business" ? "work" : "home" }
  put(address, "street", text(wire.street))
  put(address, "locality", text(wire.city))
  put(address, "region", text(wire.state))
  put(address, "postcode", text(wire.zip))
  put(address, "country", text(wire.country))
  return address as unknown as Address
}

/**
 * Phone.com contact → Contact; `remote` keeps the record exactly as read (`raw`, unknown keys included). Objects
 * are built in place, key by key in the domain's order, rather than as records `defined` copies: this runs for
 * every contact of every page.
 */
export const toContact = (wire: PhonecomContact, raw: unknown = wire): Contact => {
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

// ── write ────────────────────────────────────────────────────────────────────────────────────

const only = <K extends FieldKind>(fields: ReadonlyArray<ContactField>, kind: K) =>
  fields.filter((f): f is Extract<ContactField, { readonly _tag: K }> => f._tag === kind)

/**
 * Draft → CreateContactParams. PUT replaces the whole contact, so every column is sent (null
 * clears it). `kept` is the record as read before an update: what the domain does not model
 * (the group) is sent back from it so a replace does not drop it.
 */
export const toPhonecomInput = (draft: ContactDraft, kept?: PhonecomContact): PhonecomContactInput => {
  const group = kept?.group
  return {
    prefix: draft.name.prefix ?? null,
    first_name: draft.name.given ?? null,
    middle_name: draft.name.middle ?? null,
    last_name: draft.name.family ?? null,
    suffix: draft.name.suffix ?? null,
    nickname: draft.name.nickname ?? null,
    company: draft.organization.name ?? null,
    phonetic_first_name: draft.name.phoneticGiven ?? null,
    phonetic_middle_name: draft.name.phoneticMiddle ?? null,
    phonetic_last_name: draft.name.phoneticFamily ?? null,
    department: draft.organization.department ?? null,
    job_title: draft.organization.title ?? null,
    emails: only(draft.fields, "Email").map((e) => ({
      type: e.preferred === true ? "primary" as const : "alternate" as const,
      email: e.address
    })),
    phone_numbers: only(draft.fields, "Phone").map((p) => ({ type: toPhoneType(p), number: p.number })),
    addresses: only(draft.fields, "Address").map((a) => ({
      type: toAddressType(a),
      street: a.street ?? null,
      city: a.locality ?? null,
      state: a.region ?? null,
      zip: a.postcode ?? null,
      country: a.country ?? null
    })),
    ...(group === undefined || group === null ? {} : { group: { id: group.id } })
  }
}

// ── 422 detail paths ─────────────────────────────────────────────────────────────────────────

const arrays: Record<string, { readonly kind: FieldKind; readonly keys: Record<string, string> }> = {
  emails: { kind: "Email", keys: { email: "address", type: "preferred" } },
  phone_numbers: { kind: "Phone", keys: { number: "number", type: "features" } },
  addresses: {
    kind: "Address",
    keys: { street: "street", city: "locality", state: "region", zip: "postcode", country: "country", type: "context" }
  }
}

const columns: Record<string, ReadonlyArray<string>> = {
  prefix: ["name", "prefix"],
  first_name: ["name", "given"],
  middle_name: ["name", "middle"],
  last_name: ["name", "family"],
  suffix: ["name", "suffix"],
  nickname: ["name", "nickname"],
  phonetic_first_name: ["name", "phoneticGiven"],
  phonetic_middle_name: ["name", "phoneticMiddle"],
  phonetic_last_name: ["name", "phoneticFamily"],
  company: ["organization", "name"],
  department: ["organization", "department"],
  job_title: ["organization", "title"]
}

/**
 * A 422 `@details` key (`emails.1.email`) → the domain path in the draft that was sent
 * (`["fields", 3, "address"]`, where 3 is that email's index among all the draft's fields).
 */
export const toDomainPath = (draft: ContactDraft, wirePath: string): ReadonlyArray<string | number> => {
  const [head = "", index, key] = wirePath.split(".")
  const column = columns[head]
  if (column !== undefined) return column
  const array = arrays[head]
  if (array === undefined) return []
  if (index === undefined || !/^\d+$/u.test(index)) return ["fields"]
  const positions = draft.fields.flatMap((f, i) => f._tag === array.kind ? [i] : [])
  const position = positions[Number(index)]
  if (position === undefined) return ["fields"]
  const domainKey = key === undefined ? undefined : array.keys[key]
  return domainKey === undefined ? ["fields", position] : ["fields", position, domainKey]
}
