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
  makePhone,
  type OnlineService,
  type Phone
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

/** NGP contact → Contact; `remote` keeps the record exactly as read (`raw`, unknown keys included). */
export const toContact = (wire: NgpvanContact, raw: unknown = wire): Contact => {
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
