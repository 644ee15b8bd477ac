/**
 * The JSContact (RFC 9553) Card as JSON, limited to the properties contactkit's model holds:
 * metadata, name, nicknames, organizations, titles, emails, phones, addresses, online services
 * and links. Any other property of a Card (media, notes, localizations, …) is accepted and
 * ignored on decode, so every valid Card decodes.
 *
 * Property names are the RFC's. Where the model says more than the RFC can, the Card carries
 * vendor-specific properties under the `contactkit:` prefix (RFC 9553 allows them); they are listed
 * in `cardExtension` below and explained in `JSContact.ts` and `docs/unification.md`.
 *
 * Also here: the name and organisation halves of the codec, which map Card objects to the
 * domain's `Name` and `Organization` (the contact fields are mapped in `JSContactField.ts`).
 */
import { Schema } from "effect"
import type { Name, Organization } from "./Contact.ts"

/** Vendor-specific property names (RFC 9553, vendor extensions) contactkit writes so its own cards round-trip. */
export const cardExtension = {
  /** On a field: the vendor's field id (`ContactField.id`). */
  id: "contactkit:id",
  /** On a field: `"other"`, the domain context that has no JSContact context. */
  context: "contactkit:context",
  /** On an address: its label (RFC 9553 gives `Address` no `label`). */
  label: "contactkit:label",
  /** On a phone: the E.164 form the vendor derived, which may not follow from `number` alone. */
  e164: "contactkit:e164",
  /** On the Card: the order of the contact's fields, as `"<property>/<key>"`, when not grouped by kind. */
  fieldOrder: "contactkit:fieldOrder"
} as const

/** The JSContact `Id` type: 1–255 characters of the base64url alphabet. */
export const isJSContactId = (s: string): boolean => /^[A-Za-z0-9_-]{1,255}$/u.test(s)

const Flags = Schema.Record(Schema.String, Schema.Boolean)
const Pref = Schema.Number.pipe(Schema.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 100 })))
const Text = Schema.String

/** What every contact-information object here may carry: contexts, preference, the contactkit extensions. */
const common = {
  contexts: Schema.optionalKey(Flags),
  pref: Schema.optionalKey(Pref),
  [cardExtension.id]: Schema.optionalKey(Text),
  [cardExtension.context]: Schema.optionalKey(Schema.Literal("other"))
}

export const CardNameComponent = Schema.Struct({
  "@type": Schema.optionalKey(Schema.Literal("NameComponent")),
  kind: Text,
  value: Text,
  phonetic: Schema.optionalKey(Text)
})
export type CardNameComponent = typeof CardNameComponent.Type

export const CardName = Schema.Struct({
  "@type": Schema.optionalKey(Schema.Literal("Name")),
  components: Schema.optionalKey(Schema.Array(CardNameComponent)),
  isOrdered: Schema.optionalKey(Schema.Boolean),
  defaultSeparator: Schema.optionalKey(Text),
  full: Schema.optionalKey(Text),
  sortAs: Schema.optionalKey(Schema.Record(Schema.String, Text)),
  phoneticScript: Schema.optionalKey(Text),
  phoneticSystem: Schema.optionalKey(Text)
})
export type CardName = typeof CardName.Type

export const CardNickname = Schema.Struct({
  "@type": Schema.optionalKey(Schema.Literal("Nickname")),
  name: Text,
  contexts: Schema.optionalKey(Flags),
  pref: Schema.optionalKey(Pref)
})
export type CardNickname = typeof CardNickname.Type

export const CardOrgUnit = Schema.Struct({
  "@type": Schema.optionalKey(Schema.Literal("OrgUnit")),
  name: Text,
  sortAs: Schema.optionalKey(Text)
})

export const CardOrganization = Schema.Struct({
  "@type": Schema.optionalKey(Schema.Literal("Organization")),
  name: Schema.optionalKey(Text),
  units: Schema.optionalKey(Schema.Array(CardOrgUnit)),
  sortAs: Schema.optionalKey(Text),
  contexts: Schema.optionalKey(Flags)
})
export type CardOrganization = typeof CardOrganization.Type

export const CardTitle = Schema.Struct({
  "@type": Schema.optionalKey(Schema.Literal("Title")),
  name: Text,
  kind: Schema.optionalKey(Text),
  organizationId: Schema.optionalKey(Text)
})
export type CardTitle = typeof CardTitle.Type

export const CardEmailAddress = Schema.Struct({
  "@type": Schema.optionalKey(Schema.Literal("EmailAddress")),
  address: Text,
  label: Schema.optionalKey(Text),
  ...common
})
export type CardEmailAddress = typeof CardEmailAddress.Type

export const CardPhone = Schema.Struct({
  "@type": Schema.optionalKey(Schema.Literal("Phone")),
  number: Text,
  features: Schema.optionalKey(Flags),
  label: Schema.optionalKey(Text),
  [cardExtension.e164]: Schema.optionalKey(Text),
  ...common
})
export type CardPhone = typeof CardPhone.Type

export const CardAddressComponent = Schema.Struct({
  "@type": Schema.optionalKey(Schema.Literal("AddressComponent")),
  kind: Text,
  value: Text,
  phonetic: Schema.optionalKey(Text)
})
export type CardAddressComponent = typeof CardAddressComponent.Type

export const CardAddress = Schema.Struct({
  "@type": Schema.optionalKey(Schema.Literal("Address")),
  components: Schema.optionalKey(Schema.Array(CardAddressComponent)),
  isOrdered: Schema.optionalKey(Schema.Boolean),
  defaultSeparator: Schema.optionalKey(Text),
  full: Schema.optionalKey(Text),
  countryCode: Schema.optionalKey(Text),
  coordinates: Schema.optionalKey(Text),
  timeZone: Schema.optionalKey(Text),
  [cardExtension.label]: Schema.optionalKey(Text),
  ...common
})
export type CardAddress = typeof CardAddress.Type

export const CardOnlineService = Schema.Struct({
  "@type": Schema.optionalKey(Schema.Literal("OnlineService")),
  service: Schema.optionalKey(Text),
  user: Schema.optionalKey(Text),
  uri: Schema.optionalKey(Text),
  label: Schema.optionalKey(Text),
  ...common
})
export type CardOnlineService = typeof CardOnlineService.Type

export const CardLink = Schema.Struct({
  "@type": Schema.optionalKey(Schema.Literal("Link")),
  uri: Text,
  kind: Schema.optionalKey(Text),
  mediaType: Schema.optionalKey(Text),
  label: Schema.optionalKey(Text),
  ...common
})
export type CardLink = typeof CardLink.Type

const UTCDateTime = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/u, {
    message: "must be a UTCDateTime such as 2022-09-30T14:35:10Z"
  }))
)

/** A JSContact Card (RFC 9553), the subset contactkit reads and writes. */
export const Card = Schema.Struct({
  "@type": Schema.Literal("Card"),
  version: Schema.String.pipe(
    Schema.check(Schema.isPattern(/^\d+\.\d+$/u, { message: "must be a JSContact version such as 1.0" }))
  ),
  uid: Schema.NonEmptyString,
  kind: Schema.optionalKey(Text),
  created: Schema.optionalKey(UTCDateTime),
  updated: Schema.optionalKey(UTCDateTime),
  prodId: Schema.optionalKey(Text),
  name: Schema.optionalKey(CardName),
  nicknames: Schema.optionalKey(Schema.Record(Schema.String, CardNickname)),
  organizations: Schema.optionalKey(Schema.Record(Schema.String, CardOrganization)),
  titles: Schema.optionalKey(Schema.Record(Schema.String, CardTitle)),
  emails: Schema.optionalKey(Schema.Record(Schema.String, CardEmailAddress)),
  phones: Schema.optionalKey(Schema.Record(Schema.String, CardPhone)),
  addresses: Schema.optionalKey(Schema.Record(Schema.String, CardAddress)),
  onlineServices: Schema.optionalKey(Schema.Record(Schema.String, CardOnlineService)),
  links: Schema.optionalKey(Schema.Record(Schema.String, CardLink)),
  [cardExtension.fieldOrder]: Schema.optionalKey(Schema.Array(Text))
})
export type Card = typeof Card.Type

// ---- name and organisation ----------------------------------------------------------------

type PhoneticKey = "phoneticGiven" | "phoneticMiddle" | "phoneticFamily"

/** Which name component kinds make up each domain name component; the first is the one written. */
interface NamePart {
  readonly key: Exclude<keyof Name, PhoneticKey | "full" | "nickname">
  readonly kinds: readonly [string, ...Array<string>]
  readonly phonetic?: PhoneticKey
}
const nameParts: ReadonlyArray<NamePart> = [
  { key: "prefix", kinds: ["title"] },
  { key: "given", kinds: ["given"], phonetic: "phoneticGiven" },
  { key: "middle", kinds: ["given2"], phonetic: "phoneticMiddle" },
  { key: "family", kinds: ["surname", "surname2"], phonetic: "phoneticFamily" },
  { key: "suffix", kinds: ["credential", "generation"] }
]

const scripts: ReadonlyArray<readonly [string, RegExp]> = [
  ["Latn", /\p{Script=Latin}/u],
  ["Kana", /\p{Script=Katakana}/u],
  ["Hira", /\p{Script=Hiragana}/u],
  ["Hrkt", /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ["Hang", /\p{Script=Hangul}/u],
  ["Cyrl", /\p{Script=Cyrillic}/u],
  ["Grek", /\p{Script=Greek}/u],
  ["Hani", /\p{Script=Han}/u]
]

/**
 * The RFC requires `phoneticScript` or `phoneticSystem` beside any `phonetic`; vendors only give
 * the text, so its script is detected, and `Zyyy` (ISO 15924 "undetermined") says when it cannot be.
 */
const scriptOf = (text: string): string => {
  const letters = [...text].filter((c) => /\p{L}/u.test(c) && !/[\p{Script=Common}\p{Script=Inherited}]/u.test(c))
  const found = scripts.find(([, pattern]) => letters.length > 0 && letters.every((c) => pattern.test(c)))
  return found?.[0] ?? "Zyyy"
}

/** One value from several Card values: verbatim when there is one, trimmed and joined when there are more. */
export const joinValues = (values: ReadonlyArray<string>, separator = " "): string | undefined => {
  const present = values.filter((value) => value !== "")
  if (present.length <= 1) return present[0]
  return present.map((value) => value.trim()).filter((value) => value !== "").join(separator)
}

export const encodeName = (
  name: Name
): { readonly name?: CardName; readonly nicknames?: Record<string, CardNickname> } => {
  const components: Array<CardNameComponent> = []
  for (const part of nameParts) {
    const value = name[part.key]
    const phonetic = part.phonetic === undefined ? undefined : name[part.phonetic]
    if (value === undefined && phonetic === undefined) continue
    // A phonetic form without its written form still needs a component to sit on; its value is empty.
    components.push({ kind: part.kinds[0], value: value ?? "", ...(phonetic === undefined ? {} : { phonetic }) })
  }
  const phonetics = components.flatMap((c) => c.phonetic === undefined ? [] : [c.phonetic])
  const cardName: CardName = {
    ...(components.length === 0 ? {} : { components }),
    ...(phonetics.length === 0 ? {} : { phoneticScript: scriptOf(phonetics.join("")) }),
    ...(name.full === undefined ? {} : { full: name.full })
  }
  return {
    ...(Object.keys(cardName).length === 0 ? {} : { name: cardName }),
    ...(name.nickname === undefined ? {} : { nicknames: { n1: { name: name.nickname } } })
  }
}

/** The most preferred entry of an Id map (lowest `pref`), else the first. */
const mostPreferred = <A extends { readonly pref?: number }>(map: Record<string, A> | undefined): A | undefined =>
  Object.values(map ?? {}).reduce<A | undefined>(
    (best, next) => best === undefined || (next.pref ?? 101) < (best.pref ?? 101) ? next : best,
    undefined
  )

export const decodeName = (name: CardName | undefined, nicknames: Record<string, CardNickname> | undefined): Name => {
  const components = name?.components ?? []
  const out: { -readonly [K in keyof Name]: Name[K] } = {}
  for (const part of nameParts) {
    const matching = components.filter((c) => part.kinds.includes(c.kind))
    const value = joinValues(matching.map((c) => c.value))
    if (value !== undefined) out[part.key] = value
    const phonetic = joinValues(matching.map((c) => c.phonetic ?? ""))
    if (part.phonetic !== undefined && phonetic !== undefined) out[part.phonetic] = phonetic
  }
  const nickname = mostPreferred(nicknames)?.name
  if (nickname !== undefined && nickname !== "") out.nickname = nickname
  if (name?.full !== undefined && name.full !== "") out.full = name.full
  return out
}

export const encodeOrganization = (organization: Organization): {
  readonly organizations?: Record<string, CardOrganization>
  readonly titles?: Record<string, CardTitle>
} => {
  const { department, name, role, title } = organization
  const hasOrganization = name !== undefined || department !== undefined
  const at = hasOrganization ? { organizationId: "o1" } : {}
  const titles: Record<string, CardTitle> = {
    ...(title === undefined ? {} : { t1: { kind: "title", name: title, ...at } }),
    ...(role === undefined ? {} : { r1: { kind: "role", name: role, ...at } })
  }
  const card: CardOrganization = {
    ...(name === undefined ? {} : { name }),
    ...(department === undefined ? {} : { units: [{ name: department }] })
  }
  return {
    ...(hasOrganization ? { organizations: { o1: card } } : {}),
    ...(Object.keys(titles).length === 0 ? {} : { titles })
  }
}

/**
 * The first organisation, its units joined as the department, and the first title and role held
 * there (or anywhere, when none names it). Further organisations are not held by the model.
 */
export const decodeOrganization = (
  organizations: Record<string, CardOrganization> | undefined,
  titles: Record<string, CardTitle> | undefined
): Organization => {
  const [organizationId, organization] = Object.entries(organizations ?? {})[0] ?? []
  const all = Object.values(titles ?? {})
  const held = (kind: string) => {
    const ofKind = all.filter((t) => (t.kind ?? "title") === kind && t.name !== "")
    return (ofKind.find((t) => t.organizationId === organizationId) ?? ofKind[0])?.name
  }
  const name = organization?.name === "" ? undefined : organization?.name
  const department = joinValues((organization?.units ?? []).map((unit) => unit.name), ", ")
  const title = held("title")
  const role = held("role")
  return {
    ...(name === undefined ? {} : { name }),
    ...(department === undefined ? {} : { department }),
    ...(title === undefined ? {} : { title }),
    ...(role === undefined ? {} : { role })
  }
}
