/**
 * NGP contact ↔ the domain Contact, as pure functions that read like a table.
 *
 * Lossy (see NgpvanCapabilities):
 * - one `type` per email, phone and address stands for the domain's context (and a phone's features): email MAIN ↔
 *   no context, PERSONAL ↔ home, WORK ↔ work; phone MOBILE ↔ feature mobile, FAX ↔ feature fax, HOME ↔ home,
 *   WORK ↔ work, MAIN ↔ neither; address HOME ↔ home (and no context), WORK ↔ work;
 * - a street is up to three lines (`line1`, `line2`, `line3`, the rest joined into the third); no country name;
 * - `facebookProfileUrl` is one online service `facebook` with that `uri` (a handle becomes its profile URL);
 * - no labels, preferred flags, links, prefixes (the tenant's list is unknown) or full names; every contact is
 *   written as an INDIVIDUAL (`employer` ↔ organisation name, `occupation` ↔ title); an ORGANIZATION read from NGP
 *   becomes kind organization named by its `commonName`;
 * - what the domain does not model stays in `remote` and on the server: `prefix`, `officialName`, `externalLinks`,
 *   `contactCodes`, `disclosureFields`, and each email's `doNotEmail` and `appliedEmailLists`, which an update
 *   sends back for the email with the same address.
 */
import {
  type Address,
  type Contact,
  type ContactDraft,
  type ContactField,
  contactIdOf,
  type Email,
  type FieldKind,
  type OnlineService,
  type Phone,
  toE164
} from "@contactkit/domain"
import type {
  NgpvanAddress,
  NgpvanAddressInput,
  NgpvanAddressType,
  NgpvanContact,
  NgpvanContactInput,
  NgpvanContactUpdate,
  NgpvanEmail,
  NgpvanEmailInput,
  NgpvanEmailType,
  NgpvanPhone,
  NgpvanPhoneInput,
  NgpvanPhoneType
} from "./NgpvanSchema.ts"

/** Null and empty text are absent in the domain; whitespace is a value NGP stores as sent. */
const text = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === "" ? undefined : value

/** An object without the keys whose value is undefined (exact optional properties). */
const defined = <A extends Record<string, unknown>>(record: A): { [K in keyof A]: Exclude<A[K], undefined> } => {
  const out: Record<string, unknown> = {}
  for (const key in record) if (record[key] !== undefined) out[key] = record[key]
  return out as never
}

// ── types ↔ context and features ─────────────────────────────────────────────────────────────

export const emailType = (email: Pick<Email, "context">): NgpvanEmailType =>
  email.context === "home" ? "PERSONAL" : email.context === "work" ? "WORK" : "MAIN"

export const fromEmailType = (type: string | null | undefined): Pick<Email, "context"> =>
  type === "PERSONAL" ? { context: "home" } : type === "WORK" ? { context: "work" } : {}

export const phoneType = (phone: Pick<Phone, "context" | "features">): NgpvanPhoneType => {
  const features = phone.features ?? []
  if (features.includes("mobile")) return "MOBILE"
  if (features.includes("fax")) return "FAX"
  return phone.context === "home" ? "HOME" : phone.context === "work" ? "WORK" : "MAIN"
}

export const fromPhoneType = (type: string | null | undefined): Pick<Phone, "context" | "features"> => {
  switch (type) {
    case "MOBILE":
      return { features: ["mobile"] }
    case "FAX":
      return { features: ["fax"] }
    case "HOME":
      return { context: "home" }
    case "WORK":
      return { context: "work" }
    default:
      return {}
  }
}

export const addressType = (address: Pick<Address, "context">): NgpvanAddressType =>
  address.context === "work" ? "WORK" : "HOME"

export const fromAddressType = (type: string | null | undefined): Pick<Address, "context"> => ({
  context: type === "WORK" ? "work" : "home"
})

// ── street ↔ lines, facebook ↔ online service ────────────────────────────────────────────────

/** `line1`, `line2` and the rest of the street (its own newlines kept) as `line3`. */
export const toLines = (street: string | undefined): Pick<NgpvanAddressInput, "line1" | "line2" | "line3"> => {
  if (street === undefined) return {}
  const [line1 = "", line2, ...rest] = street.split("\n")
  return defined({ line1, line2, line3: rest.length === 0 ? undefined : rest.join("\n") })
}

export const fromLines = (address: NgpvanAddress): string | undefined => {
  const lines = [address.line1, address.line2, address.line3].filter((l): l is string => l !== null && l !== undefined)
  return lines.length === 0 || lines.every((l) => l === "") ? undefined : lines.join("\n")
}

/** The profile URL a facebook online service stands for: its `uri`, else the profile of its handle. */
export const facebookUrl = (service: Pick<OnlineService, "user" | "uri">): string | undefined =>
  service.uri ??
    (service.user === undefined ? undefined : `https://www.facebook.com/${encodeURIComponent(service.user)}`)

// ── read ─────────────────────────────────────────────────────────────────────────────────────
// Built in place, key by key in the order the table above gives (the spec written with spreads and `defined` is
// test/NgpvanReadReference.ts, which the property test holds this to): this runs for every contact of every page.

/** Sets `key` only when `value` is defined (exact optional properties), in the order of the calls. */
const put = (target: Record<string, unknown>, key: string, value: unknown) => {
  if (value !== undefined) target[key] = value
}

const toEmail = (wire: NgpvanEmail): Email => {
  const email: Record<string, unknown> = { _tag: "Email" }
  put(email, "context", fromEmailType(wire.type).context)
  email["address"] = wire.address
  return email as unknown as Email
}

/** `makePhone`'s shape: the type's context and features, the number, then its E.164 when it has one. */
const toPhone = (wire: NgpvanPhone): Phone => {
  const phone: Record<string, unknown> = { _tag: "Phone" }
  const typed = fromPhoneType(wire.type)
  put(phone, "context", typed.context)
  put(phone, "features", typed.features)
  phone["number"] = wire.number
  put(phone, "e164", toE164(wire.number))
  return phone as unknown as Phone
}

const toAddress = (wire: NgpvanAddress): Address => {
  const address: Record<string, unknown> = { _tag: "Address", context: wire.type === "WORK" ? "work" : "home" }
  put(address, "street", fromLines(wire))
  put(address, "locality", text(wire.city))
  put(address, "region", text(wire.stateProvince))
  put(address, "postcode", text(wire.postalCode))
  put(address, "countryCode", text(wire.countryCode))
  return address as unknown as Address
}

/** NGP contact → Contact; `remote` keeps the record exactly as read (`raw`, unknown keys included). */
export const toContact = (wire: NgpvanContact, raw: unknown = wire): Contact => {
  const isOrganization = wire.type === "ORGANIZATION"
  const fields: Array<ContactField> = []
  for (const email of wire.emails ?? []) if (text(email.address) !== undefined) fields.push(toEmail(email))
  for (const phone of wire.phones ?? []) if (text(phone.number) !== undefined) fields.push(toPhone(phone))
  for (const address of wire.addresses ?? []) fields.push(toAddress(address))
  const facebook = text(wire.facebookProfileUrl)
  if (facebook !== undefined) fields.push({ _tag: "OnlineService", service: "facebook", uri: facebook })
  const name: Record<string, unknown> = {}
  const organization: Record<string, unknown> = {}
  if (isOrganization) {
    put(organization, "name", text(wire.commonName))
  } else {
    put(name, "given", text(wire.firstName))
    put(name, "middle", text(wire.middleName))
    put(name, "family", text(wire.lastName))
    put(name, "suffix", text(wire.suffix))
    put(name, "nickname", text(wire.nickname))
    put(organization, "name", text(wire.employer))
    put(organization, "title", text(wire.occupation))
  }
  return {
    id: contactIdOf(wire.contactId),
    kind: isOrganization ? "organization" : "individual",
    name,
    organization,
    fields,
    remote: { vendor: "ngpvan", record: raw }
  }
}

// ── write ────────────────────────────────────────────────────────────────────────────────────

const only = <K extends FieldKind>(fields: ReadonlyArray<ContactField>, kind: K) =>
  fields.filter((f): f is Extract<ContactField, { readonly _tag: K }> => f._tag === kind)

/** The stored email's opt-out and lists go back with the email of the same address. */
const toEmailInput = (email: Email, stored: ReadonlyArray<NgpvanEmail>): NgpvanEmailInput => {
  const before = stored.find((s) => s.address.toLowerCase() === email.address.toLowerCase())
  return defined({
    address: email.address,
    type: emailType(email),
    doNotEmail: before?.doNotEmail ?? undefined,
    appliedEmailLists: before?.appliedEmailLists ?? undefined
  })
}

const toPhoneInput = (phone: Phone): NgpvanPhoneInput => ({ number: phone.number, type: phoneType(phone) })

const toAddressInput = (address: Address): NgpvanAddressInput =>
  defined({
    type: addressType(address),
    ...toLines(address.street),
    city: address.locality,
    stateProvince: address.region,
    postalCode: address.postcode,
    countryCode: address.countryCode
  })

const arrays = (draft: ContactDraft, stored: ReadonlyArray<NgpvanEmail> = []) => ({
  emails: only(draft.fields, "Email").map((e) => toEmailInput(e, stored)),
  phones: only(draft.fields, "Phone").map(toPhoneInput),
  addresses: only(draft.fields, "Address").map(toAddressInput)
})

const facebookOf = (draft: ContactDraft) => {
  const service = only(draft.fields, "OnlineService").find((s) => s.service === "facebook")
  return service === undefined ? undefined : facebookUrl(service)
}

/** Draft → the body of `POST /v2/contacts`: always an INDIVIDUAL, unset text left out. */
export const toNgpvanInput = (draft: ContactDraft): NgpvanContactInput =>
  defined({
    type: "INDIVIDUAL" as const,
    firstName: draft.name.given,
    middleName: draft.name.middle,
    lastName: draft.name.family,
    suffix: draft.name.suffix,
    nickname: draft.name.nickname,
    employer: draft.organization.name,
    occupation: draft.organization.title,
    facebookProfileUrl: facebookOf(draft),
    ...arrays(draft)
  })

/**
 * Draft → the body of `POST /v2/contacts/{contactId}` for the contact as read (`stored`): every text the adapter
 * maps is sent (null clears it) and the emails, phones and addresses replace the stored ones; what the adapter does
 * not map is not sent, so NGP keeps it. An ORGANIZATION keeps its type: its organisation name is its `commonName`.
 */
export const toNgpvanUpdate = (stored: NgpvanContact, draft: ContactDraft): NgpvanContactUpdate => {
  const common = { facebookProfileUrl: facebookOf(draft) ?? null, ...arrays(draft, stored.emails ?? []) }
  if (stored.type === "ORGANIZATION") return { commonName: draft.organization.name ?? null, ...common }
  return {
    firstName: draft.name.given ?? null,
    middleName: draft.name.middle ?? null,
    lastName: draft.name.family ?? null,
    suffix: draft.name.suffix ?? null,
    nickname: draft.name.nickname ?? null,
    employer: draft.organization.name ?? null,
    occupation: draft.organization.title ?? null,
    ...common
  }
}
