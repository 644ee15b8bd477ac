/**
 * Monica ↔ domain, as pure functions that read like a table. Monica has one generic contact
 * field `{contact_field_type_id, data ≤ 255, labels[]}`; which domain kind a field is comes
 * from its per-account field type:
 *
 * | Monica field type                                  | domain field                                   |
 * | -------------------------------------------------- | ---------------------------------------------- |
 * | `type: "email"`                                    | `Email {address}`                              |
 * | `type: "phone"`                                    | `Phone {number, e164 derived}`                 |
 * | named Facebook, Twitter, Whatsapp, Telegram, … (*) | `OnlineService {service, user or uri}`         |
 * | named Website / Blog                               | `Link {uri, kind: website / blog}`             |
 * | any other custom type, e.g. "Mastodon"             | `OnlineService {service: "other", label: name}` |
 *
 * (*) any domain service name, compared without case, spaces or punctuation ("Google Talk" → gtalk).
 *
 * | Monica label (`labels[].type`)   | domain                          |
 * | -------------------------------- | ------------------------------- |
 * | `home`, `work`, `other`          | `context` (the first one wins)  |
 * | `cell`, `fax`, `pager`           | Phone `features` mobile/fax/pager |
 * | `main`                           | `preferred: true`               |
 * | any other text                   | `label` (the first one wins)    |
 *
 * Lossy (declared in MonicaCapabilities): Address (Monica keeps addresses elsewhere), phone features
 * voice/text, a second context or custom label, a label that collides with a standard label,
 * middle name (written, never returned by the API), full and phonetic names, department, role.
 * A field whose value the domain cannot hold (an "email" that is not an e-mail address) is left
 * out of `fields` and stays in `remote`.
 */
import {
  type Contact,
  type ContactField,
  contactIdOf,
  fieldIdOf,
  isContactField,
  makePhone,
  type PhoneFeature,
  type ServiceName,
  services,
  uriPattern
} from "@contactkit/domain"
import type {
  MonicaContact,
  MonicaContactField,
  MonicaContactFieldLabel,
  MonicaContactFieldType
} from "./MonicaSchema.ts"

/** Labels Monica stores as standard (`label_i18n`), compared case-insensitively. */
export const standardLabels = ["home", "work", "cell", "fax", "pager", "main", "other"] as const

const featureToLabel: Partial<Record<PhoneFeature, string>> = { mobile: "cell", fax: "fax", pager: "pager" }
const labelToFeature: Record<string, PhoneFeature> = { cell: "mobile", fax: "fax", pager: "pager" }
/** The order features are written and read back in, so a round trip is stable. */
export const keptFeatures: ReadonlyArray<PhoneFeature> = ["mobile", "fax", "pager"]

/** `"Google Talk"` → `"googletalk"`: how type names are compared. */
export const normalizeName = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")

/** The name a missing type is created under, and the names an account's types are recognised by. */
export const serviceTypeNames: Record<Exclude<ServiceName, "other">, string> = {
  whatsapp: "Whatsapp",
  skype: "Skype",
  aim: "AIM",
  msn: "MSN",
  icq: "ICQ",
  gtalk: "Google Talk",
  yim: "Yahoo Messenger",
  twitter: "Twitter",
  instagram: "Instagram",
  apple: "Apple",
  trustpilot: "Trustpilot",
  telegram: "Telegram",
  facebook: "Facebook",
  linkedin: "LinkedIn"
}
const serviceByName = new Map<string, ServiceName>([
  ...services.filter((s) => s !== "other").map((s) => [s, s] as const),
  ...Object.entries(serviceTypeNames).map(([s, name]) => [normalizeName(name), s as ServiceName] as const),
  ["yahoo", "yim"],
  ["hangouts", "gtalk"]
])
const linkKindByName = new Map<string, "website" | "blog">([
  ["website", "website"],
  ["web", "website"],
  ["homepage", "website"],
  ["blog", "blog"]
])
export const linkTypeNames = { website: "Website", blog: "Blog" } as const

/** What a Monica field type holds, in domain terms. */
export type TypeClass =
  | { readonly _tag: "Email" }
  | { readonly _tag: "Phone" }
  | { readonly _tag: "OnlineService"; readonly service: ServiceName }
  | { readonly _tag: "Link"; readonly kind: "website" | "blog" }
  | { readonly _tag: "Other"; readonly name: string }

export const classifyType = (type: MonicaContactFieldType): TypeClass => {
  if (type.type === "email") return { _tag: "Email" }
  if (type.type === "phone") return { _tag: "Phone" }
  const name = normalizeName(type.name)
  const service = serviceByName.get(name)
  if (service !== undefined) return { _tag: "OnlineService", service }
  const kind = linkKindByName.get(name)
  if (kind !== undefined) return { _tag: "Link", kind }
  return { _tag: "Other", name: type.name }
}

/** Two types with the same key hold the same domain things; the resolver indexes types by it. */
export const typeKey = (c: TypeClass): string => {
  switch (c._tag) {
    case "Email":
      return "email"
    case "Phone":
      return "phone"
    case "OnlineService":
      return `service:${c.service}`
    case "Link":
      return `link:${c.kind}`
    case "Other":
      return `other:${normalizeName(c.name)}`
  }
}

/** The type a field needs: its key, and how to create it if the account lacks it. */
export interface WantedType {
  readonly key: string
  readonly name: string
  readonly protocol?: string
}

/** Fields of kind `OnlineService` `other` are stored under a custom type named by their label. */
export const otherTypeName = (label: string | undefined): string => label ?? "Other"

export const wantedType = (field: ContactField): WantedType | undefined => {
  switch (field._tag) {
    case "Email":
      return { key: "email", name: "Email", protocol: "mailto:" }
    case "Phone":
      return { key: "phone", name: "Phone", protocol: "tel:" }
    case "OnlineService": {
      if (field.service === "other") {
        const name = otherTypeName(field.label)
        return { key: typeKey(classifyType({ id: 0, name })), name }
      }
      return { key: `service:${field.service}`, name: serviceTypeNames[field.service] }
    }
    case "Link": {
      const kind = field.kind === "blog" ? "blog" : "website"
      return { key: `link:${kind}`, name: linkTypeNames[kind] }
    }
    case "Address":
      return undefined
  }
}

/** Whether a value read from `data` is a URI rather than a handle: the domain's own `Uri` rule. */
export const looksLikeUri = (value: string): boolean => uriPattern.test(value)

/** The key of the value Monica keeps as a field's one string (`data`); undefined for an Address. */
export const valueKey = (field: ContactField): "address" | "number" | "user" | "uri" | undefined => {
  switch (field._tag) {
    case "Email":
      return "address"
    case "Phone":
      return "number"
    case "OnlineService":
      // One value per field: the user name wins over a URI (see MonicaCapabilities).
      return field.user !== undefined ? "user" : "uri"
    case "Link":
      return "uri"
    case "Address":
      return undefined
  }
}

/** The one string Monica keeps for a field (`data`), or undefined when the field has none. */
export const fieldValue = (field: ContactField): string | undefined => {
  const key = valueKey(field)
  return key === undefined ? undefined : (field as { readonly [K in typeof key]?: string })[key]
}

const isStandard = (label: string): boolean => (standardLabels as ReadonlyArray<string>).includes(label.toLowerCase())

/** Domain attributes → Monica `labels`, in a fixed order: context, features, main, custom label. */
export const toLabels = (field: ContactField): ReadonlyArray<string> => {
  const labels: Array<string> = []
  if (field.context !== undefined) labels.push(field.context)
  if (field._tag === "Phone") {
    for (const feature of keptFeatures) {
      if (field.features?.includes(feature)) labels.push(featureToLabel[feature]!)
    }
  }
  if (field.preferred === true) labels.push("main")
  const customLabel = field._tag === "OnlineService" && field.service === "other" ? undefined : field.label
  if (customLabel !== undefined && !isStandard(customLabel)) labels.push(customLabel)
  return labels
}

interface ReadLabels {
  readonly context?: "home" | "work" | "other"
  readonly features: ReadonlyArray<PhoneFeature>
  readonly preferred: boolean
  readonly label?: string
}

const fromLabels = (labels: ReadonlyArray<MonicaContactFieldLabel>): ReadLabels => {
  let context: ReadLabels["context"]
  let label: string | undefined
  const features = new Set<PhoneFeature>()
  let preferred = false
  for (const l of labels) {
    const text = l.type ?? l.label
    if (text === undefined || text === null || text === "") continue
    const lower = text.toLowerCase()
    if (lower === "home" || lower === "work" || lower === "other") context ??= lower
    else if (labelToFeature[lower] !== undefined) features.add(labelToFeature[lower])
    else if (lower === "main") preferred = true
    else label ??= text
  }
  return {
    ...(context !== undefined ? { context } : {}),
    features: keptFeatures.filter((f) => features.has(f)),
    preferred,
    ...(label !== undefined ? { label } : {})
  }
}

/** Monica contact field → domain field; undefined when the domain cannot hold its value. */
export const toField = (wire: MonicaContactField): ContactField | undefined => {
  const value = wire.content ?? wire.data
  if (value === undefined || value === null || value === "") return undefined
  const read = fromLabels(wire.labels ?? [])
  const common = {
    id: fieldIdOf(String(wire.id)),
    ...(read.context !== undefined ? { context: read.context } : {}),
    ...(read.preferred ? { preferred: true } : {})
  }
  const labelled = read.label !== undefined ? { ...common, label: read.label } : common
  const type = classifyType(wire.contact_field_type)
  const field: ContactField = (() => {
    switch (type._tag) {
      case "Email":
        return { _tag: "Email", ...labelled, address: value }
      case "Phone":
        return makePhone(value, read.features.length > 0 ? { ...labelled, features: read.features } : labelled)
      case "OnlineService":
        return looksLikeUri(value)
          ? { _tag: "OnlineService", ...labelled, service: type.service, uri: value }
          : { _tag: "OnlineService", ...labelled, service: type.service, user: value }
      case "Link":
        return { _tag: "Link", ...labelled, uri: value, kind: type.kind }
      case "Other":
        // The type's name is the label: it is what tells this field apart, and how it is written back.
        return looksLikeUri(value)
          ? { _tag: "OnlineService", ...common, label: type.name, service: "other", uri: value }
          : { _tag: "OnlineService", ...common, label: type.name, service: "other", user: value }
    }
  })()
  return isContactField(field) ? field : undefined
}

/** Monica sends a text it does not have as null, an absent key or "": all three are absent in the domain. */
export const present = (value: string | null | undefined): value is string =>
  value !== undefined && value !== null && value !== ""

/**
 * Monica contact → Contact. `record` is the vendor's JSON exactly as read (defaults to the decoded wire).
 * Lossy: `complete_name` (derived by Monica) is not read as `full`; everything Monica has that the
 * domain does not model (birthdate, gender, addresses, tags, …) is only in `remote`.
 */
export const toContact = (wire: MonicaContact, record: unknown = wire): Contact => {
  const career = wire.information?.career
  return {
    id: contactIdOf(String(wire.id)),
    kind: "individual",
    name: {
      ...(present(wire.first_name) ? { given: wire.first_name } : {}),
      ...(present(wire.last_name) ? { family: wire.last_name } : {}),
      ...(present(wire.nickname) ? { nickname: wire.nickname } : {})
    },
    organization: {
      ...(present(career?.company) ? { name: career.company } : {}),
      ...(present(career?.job) ? { title: career.job } : {})
    },
    fields: (wire.contactFields ?? []).flatMap((f) => {
      const field = toField(f)
      return field === undefined ? [] : [field]
    }),
    ...(present(wire.created_at) ? { createdAt: wire.created_at } : {}),
    ...(present(wire.updated_at) ? { updatedAt: wire.updated_at } : {}),
    remote: { vendor: "monica", record }
  }
}
