/**
 * The contact-field half of the JSContact codec: each of the five field kinds (`Email`, `Phone`,
 * `Address`, `OnlineService`, `Link`) ↔ its entry in the Card's `emails`, `phones`, `addresses`,
 * `onlineServices` and `links` maps. `JSContact.ts` keys the entries and orders the fields.
 *
 * Shared by every kind: context home ↔ `private`, work ↔ `work` (other ↔ `contactkit:context`);
 * preferred ↔ `pref` 1 (`false` ↔ 100, the least preferred); label ↔ `label`; the vendor's field
 * id ↔ `contactkit:id`. Decoders return plain objects for `fromCard` to validate as a `Contact`.
 */
import { Schema } from "effect"
import {
  type Address,
  type ContactField,
  type Email,
  type FieldContext,
  type Link,
  LinkKind,
  type OnlineService,
  type Phone,
  PhoneFeature,
  type ServiceName,
  services
} from "./ContactField.ts"
import {
  type CardAddress,
  type CardEmailAddress,
  cardExtension,
  type CardLink,
  type CardOnlineService,
  type CardPhone
} from "./JSContactCard.ts"
import { type Region, toE164 } from "./PhoneNumber.ts"

type Common = Pick<ContactField, "id" | "context" | "preferred">
interface CardCommon {
  readonly contexts?: { readonly [context: string]: boolean }
  readonly pref?: number
  readonly [cardExtension.id]?: string
  readonly [cardExtension.context]?: "other"
}

/** home ↔ `private`, work ↔ `work`; `other` has no JSContact context, so it rides in `contactkit:context`. */
const encodeCommon = (field: Common): CardCommon => ({
  ...(field.context === "home" ? { contexts: { private: true } } : {}),
  ...(field.context === "work" ? { contexts: { work: true } } : {}),
  ...(field.context === "other" ? { [cardExtension.context]: "other" as const } : {}),
  // `pref` ranks 1 (most preferred) to 100; an explicit "not preferred" is the least preferred rank.
  ...(field.preferred === undefined ? {} : { pref: field.preferred ? 1 : 100 }),
  ...(field.id === undefined ? {} : { [cardExtension.id]: field.id })
})

const labelOf = (label: string | undefined) => label === undefined ? {} : { label }

/** The first of `private` / `work` the Card sets; other contexts (billing, delivery, vendor ones) are not held. */
const contextOf = (object: CardCommon): FieldContext | undefined => {
  if (object[cardExtension.context] === "other") return "other"
  for (const [context, set] of Object.entries(object.contexts ?? {})) {
    if (set && context === "private") return "home"
    if (set && context === "work") return "work"
  }
  return undefined
}

const decodeCommon = (object: CardCommon, label: string | undefined) => {
  const context = contextOf(object)
  const id = object[cardExtension.id]
  return {
    ...(id === undefined ? {} : { id }),
    ...labelOf(label),
    ...(context === undefined ? {} : { context }),
    ...(object.pref === undefined ? {} : { preferred: object.pref === 1 })
  }
}

export const encodeEmail = (field: Email): CardEmailAddress => ({
  address: field.address,
  ...labelOf(field.label),
  ...encodeCommon(field)
})
export const decodeEmail = (email: CardEmailAddress) => ({
  _tag: "Email",
  address: email.address,
  ...decodeCommon(email, email.label)
})

/** A number that itself starts with `tel:` gets a second one, so decoding (which strips one) gives it back. */
export const encodePhone = (field: Phone): CardPhone => ({
  number: /^tel:/iu.test(field.number) ? `tel:${field.number}` : field.number,
  ...(field.features === undefined ? {} : { features: Object.fromEntries(field.features.map((f) => [f, true])) }),
  ...labelOf(field.label),
  ...(field.e164 === undefined ? {} : { [cardExtension.e164]: field.e164 }),
  ...encodeCommon(field)
})
const isPhoneFeature = Schema.is(PhoneFeature)
/** `tel:` URIs become the number they name; `video`, `textphone` and `main-number` are not held. */
export const decodePhone = (phone: CardPhone, region: Region | undefined) => {
  const number = phone.number.replace(/^tel:/iu, "")
  const e164 = phone[cardExtension.e164] ?? toE164(number, region)
  const features = Object.entries(phone.features ?? {}).flatMap(([f, set]) => set && isPhoneFeature(f) ? [f] : [])
  return {
    _tag: "Phone",
    number,
    ...(e164 === undefined ? {} : { e164 }),
    ...(phone.features === undefined ? {} : { features }),
    ...decodeCommon(phone, phone.label)
  }
}

/** Domain address parts as RFC address component kinds; the street is one `name` component. */
const addressKinds = [
  ["street", "name"],
  ["locality", "locality"],
  ["region", "region"],
  ["postcode", "postcode"],
  ["country", "country"]
] as const
const notStreet = new Set(["locality", "region", "postcode", "country", "separator"])

export const encodeAddress = (field: Address): CardAddress => {
  const components = addressKinds.flatMap(([key, kind]) => {
    const value = field[key]
    return value === undefined ? [] : [{ kind, value }]
  })
  return {
    ...(components.length === 0 ? {} : { components }),
    ...(field.countryCode === undefined ? {} : { countryCode: field.countryCode }),
    ...(field.label === undefined ? {} : { [cardExtension.label]: field.label }),
    ...encodeCommon(field)
  }
}

/**
 * The components of the wanted kinds as one string, joined the way RFC 9553 says: an
 * explicit `separator` component between two of them wins, else `defaultSeparator`, else a space.
 */
const joinComponents = (address: CardAddress, wanted: (kind: string) => boolean): string | undefined => {
  const fallback = address.isOrdered === true ? address.defaultSeparator ?? " " : " "
  const values: Array<string> = []
  const separators: Array<string> = []
  let pending: string | undefined
  for (const component of address.components ?? []) {
    if (component.kind === "separator") {
      pending = component.value
    } else if (wanted(component.kind)) {
      if (component.value === "") continue
      if (values.length > 0) separators.push(pending ?? fallback)
      values.push(component.value)
      pending = undefined
    } else {
      pending = undefined
    }
  }
  if (values.length <= 1) return values[0]
  return values.map((value, i) => (i === 0 ? "" : separators[i - 1]) + value.trim()).join("")
}

export const decodeAddress = (address: CardAddress) => {
  const parts: Record<string, string> = {}
  for (const [key, kind] of addressKinds) {
    const value = joinComponents(address, kind === "name" ? (k) => !notStreet.has(k) : (k) => k === kind)
    if (value !== undefined) parts[key] = value
  }
  // An address given only as `full` text keeps it all as the street.
  if (address.components === undefined && address.full !== undefined && address.full !== "") parts.street = address.full
  return {
    _tag: "Address",
    ...parts,
    ...(address.countryCode === undefined ? {} : { countryCode: address.countryCode.toUpperCase() }),
    ...decodeCommon(address, address[cardExtension.label])
  }
}

/** How each service is written in a Card; any capitalisation reads back (the RFC compares case-insensitively). */
const serviceNames: Record<ServiceName, string | undefined> = {
  whatsapp: "WhatsApp",
  skype: "Skype",
  aim: "AIM",
  msn: "MSN",
  icq: "ICQ",
  gtalk: "GTalk",
  yim: "Yahoo Messenger",
  twitter: "Twitter",
  instagram: "Instagram",
  apple: "Apple",
  trustpilot: "Trustpilot",
  telegram: "Telegram",
  facebook: "Facebook",
  linkedin: "LinkedIn",
  other: undefined
}
const serviceAliases = new Map<string, ServiceName>([
  ...services.map((service) => [service, service] as const),
  ...services.flatMap((service) => {
    const name = serviceNames[service]
    return name === undefined ? [] : [[name.toLowerCase(), service] as const]
  }),
  ["x", "twitter"],
  ["google talk", "gtalk"],
  ["yahoo", "yim"]
])

export const encodeOnlineService = (field: OnlineService): CardOnlineService => {
  const service = serviceNames[field.service]
  return {
    ...(service === undefined ? {} : { service }),
    ...(field.user === undefined ? {} : { user: field.user }),
    ...(field.uri === undefined ? {} : { uri: field.uri }),
    ...labelOf(field.label),
    ...encodeCommon(field)
  }
}
/** A service the model has no name for becomes `other`, and its name the label when there is none. */
export const decodeOnlineService = (online: CardOnlineService) => {
  const known = online.service === undefined ? "other" : serviceAliases.get(online.service.toLowerCase())
  const label = online.label ?? (known === undefined ? online.service : undefined)
  return {
    _tag: "OnlineService",
    service: known ?? "other",
    ...(online.user === undefined ? {} : { user: online.user }),
    ...(online.uri === undefined ? {} : { uri: online.uri }),
    ...decodeCommon(online, label)
  }
}

/** RFC 9553 registers only the Link kind `contact`; the model's kinds are vendor-specific values. */
const linkKindPrefix = "contactkit:"
const isLinkKind = Schema.is(LinkKind)
export const encodeLink = (field: Link): CardLink => ({
  uri: field.uri,
  ...(field.kind === undefined ? {} : { kind: `${linkKindPrefix}${field.kind}` }),
  ...labelOf(field.label),
  ...encodeCommon(field)
})
export const decodeLink = (link: CardLink) => {
  const own = link.kind?.startsWith(linkKindPrefix) === true ? link.kind.slice(linkKindPrefix.length) : undefined
  const kind = link.kind === undefined ? undefined : own !== undefined && isLinkKind(own) ? own : "other"
  return { _tag: "Link", uri: link.uri, ...(kind === undefined ? {} : { kind }), ...decodeCommon(link, link.label) }
}
