/**
 * vCard 4 or 3 text → the domain, through ical.js: the inverse of `VCardWrite.ts`, and tolerant of what common
 * address-book apps write — vCard 3's `TYPE=pref` and `TYPE=cell`, Apple's `itemN.X-ABLabel` labels (its
 * `_$!<Home>!$_` built-ins become contexts), `X-SOCIALPROFILE` and `X-SERVICE-TYPE`, `tel:` URIs, `X-ABShowAs:COMPANY`.
 *
 * The card is validated with the domain Schemas (`InvalidContact` naming the vCard property on failure). What the
 * model has no place for is not dropped silently: each such property's name is returned in `ignored`.
 */
import {
  type Contact,
  type ContactDraft,
  type ContactField,
  decodeContactDraft,
  type FieldContext,
  InvalidContact,
  type Name,
  type Organization,
  type PhoneFeature
} from "@contactkit/domain"
import { Effect } from "effect"
import ICAL from "ical.js"
import { serviceNamed } from "./VCardServices.ts"
import { derivedParameter, featureType, linkKindParameter } from "./VCardWrite.ts"

export interface VCardRead {
  readonly uid: string | undefined
  readonly draft: ContactDraft
  readonly createdAt: string | undefined
  readonly updatedAt: string | undefined
  /** vCard properties (and parts of them) the model has no place for, by name: `NOTE`, `BDAY`, `ORG unit 2`. */
  readonly ignored: ReadonlyArray<string>
}

/** Properties read into the model (or only structural). */
const known = new Set([
  "version",
  "uid",
  "kind",
  "fn",
  "n",
  "nickname",
  "org",
  "title",
  "role",
  "email",
  "tel",
  "adr",
  "impp",
  "url",
  "socialprofile",
  "x-socialprofile",
  "x-ablabel",
  "x-phonetic-first-name",
  "x-phonetic-middle-name",
  "x-phonetic-last-name",
  "rev",
  "created",
  "x-abshowas",
  "x-abadr",
  "prodid"
])

const features = new Map<string, PhoneFeature>(Object.entries(featureType).map(([f, t]) => [t, f as PhoneFeature]))
const contexts = new Map<string, FieldContext>([["home", "home"], ["work", "work"], ["other", "other"]])
/** Apple's built-in labels, `_$!<Home>!$_`, are its names for contexts and kinds rather than free text. */
const appleLabel = /^_\$!<(.+)>!\$_$/u

/** A value or a component as one text: list components (`ing. jr,M.Sc.`) joined with ", "; empty → undefined. */
const text = (value: unknown): string | undefined => {
  const joined = Array.isArray(value) ? value.filter((v) => v !== "").join(", ") : String(value ?? "")
  return joined === "" ? undefined : joined
}

const typesOf = (prop: ICAL.Property): ReadonlyArray<string> => {
  const type = prop.getParameter("type") as string | ReadonlyArray<string> | undefined
  const list = type === undefined ? [] : Array.isArray(type) ? type : [type as string]
  return list.flatMap((t) => t.split(",")).map((t) => t.trim().toLowerCase())
}

const parameter = (prop: ICAL.Property, name: string): string | undefined => {
  const value = prop.getParameter(name) as string | ReadonlyArray<string> | undefined
  return Array.isArray(value) ? value.join(",") : (value as string | undefined)
}

/** `20240102T030405Z` or `2024-01-02T03:04:05Z` → `2024-01-02T03:04:05.000Z`; undefined when neither. */
export const fromVCardTimestamp = (value: string): string | undefined => {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:\.\d+)?Z$/u.exec(value.trim())
  return m === null ? undefined : `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`
}

/** The common attributes every field takes from its parameters and its group's label. */
const common = (prop: ICAL.Property, label: string | undefined) => {
  const types = typesOf(prop)
  const out: { context?: FieldContext; preferred?: boolean; label?: string } = {}
  const context = types.map((t) => contexts.get(t)).find((c) => c !== undefined)
  if (context !== undefined) out.context = context
  if (parameter(prop, "pref") === "1" || types.includes("pref")) out.preferred = true
  const builtIn = label === undefined ? null : appleLabel.exec(label)
  if (builtIn !== null) {
    const named = contexts.get(builtIn[1]!.toLowerCase())
    if (named !== undefined) out.context ??= named
    else out.label = builtIn[1]!
  } else if (label !== undefined && label !== "") out.label = label
  return out
}

const firstValue = (prop: ICAL.Property): string => String(prop.getFirstValue() ?? "")

/** A URI value; vCard 3 writers (Apple, Google) escape its colons as text (`https\://…`), which a URI never has. */
const uriValue = (prop: ICAL.Property): string => firstValue(prop).replace(/\\([:,;])/gu, "$1")

/** IMPP, SOCIALPROFILE or X-SOCIALPROFILE → OnlineService: service from its parameters, else from the URI scheme. */
const onlineService = (prop: ICAL.Property, name: string, label: string | undefined): ContactField => {
  const value = prop.type === "text" ? firstValue(prop) : uriValue(prop)
  const isUri = /^[a-z][a-z0-9+.-]*:/iu.test(value) && prop.type !== "text"
  const scheme = isUri ? value.slice(0, value.indexOf(":")) : ""
  const typed = name === "x-socialprofile" ? typesOf(prop).map(serviceNamed).find((s) => s !== undefined) : undefined
  const service = [parameter(prop, "service-type"), parameter(prop, "x-service-type")]
    .map((s) => s === undefined ? undefined : serviceNamed(s))
    .find((s) => s !== undefined) ?? typed ?? serviceNamed(scheme) ?? "other"
  const user = parameter(prop, "username") ?? parameter(prop, "x-user") ?? (isUri ? undefined : text(value))
  return {
    _tag: "OnlineService",
    ...common(prop, label),
    service,
    ...(user === undefined ? {} : { user }),
    ...(isUri ? { uri: value } : {})
  }
}

/** The card's properties by group (`item1`), for a field's Apple label and address country. */
type Grouped = ReadonlyMap<string, { readonly label?: string; readonly country?: string }>

const field = (prop: ICAL.Property, grouped: Grouped): ContactField | undefined => {
  const group = parameter(prop, "group")?.toLowerCase()
  const extras = group === undefined ? undefined : grouped.get(group)
  // Apple's built-in "_$!<HomePage>!$_" names the link's kind, not a label.
  const homePage = prop.name === "url" && extras?.label === "_$!<HomePage>!$_"
  const label = homePage ? undefined : extras?.label
  const name = prop.name
  switch (name) {
    case "email":
      return { _tag: "Email", ...common(prop, label), address: firstValue(prop) }
    case "tel": {
      const number = firstValue(prop).replace(/^tel:/iu, "")
      const kept = typesOf(prop).map((t) => features.get(t)).filter((f) => f !== undefined)
      return { _tag: "Phone", ...common(prop, label), number, ...(kept.length > 0 ? { features: kept } : {}) }
    }
    case "adr": {
      const [box, extended, street, locality, region, postcode, country] = (prop.getFirstValue() as Array<unknown>) ??
        []
      // RFC 6350 deprecates the post office box and extended address; producers still fill them: kept in street.
      const parts = {
        street: [box, extended, street].map(text).filter((p) => p !== undefined),
        locality,
        region,
        postcode,
        country
      }
      const out: Record<string, string> = {}
      for (const [key, value] of Object.entries(parts)) {
        const t = text(value)
        if (t !== undefined) out[key] = t
      }
      const cc = parameter(prop, "cc") ?? extras?.country?.toUpperCase()
      return { _tag: "Address", ...common(prop, label), ...out, ...(cc === undefined ? {} : { countryCode: cc }) }
    }
    case "impp":
    case "socialprofile":
    case "x-socialprofile":
      return onlineService(prop, name, label)
    case "url": {
      const kind = parameter(prop, linkKindParameter) ?? (homePage ? "website" : undefined)
      return {
        _tag: "Link",
        ...common(prop, label),
        uri: uriValue(prop),
        ...(kind === undefined ? {} : { kind })
      } as ContactField
    }
    default:
      return undefined
  }
}

/**
 * ical.js splits structured and list values (N, ADR, ORG, NICKNAME) at a `;` or `,` preceded by a backslash
 * without counting backslashes, so a component ending in an escaped backslash (`N:;;a\\;;`) runs into the next.
 * Each escaped backslash is swapped for a private-use character before parsing and swapped back after, as the one
 * backslash it stands for (in parameters too, which ical.js unescapes the same way and `toVCard` escapes for it).
 */
const placeholder = "\uE000"

const protectBackslashes = (source: string): string | undefined =>
  source.includes(placeholder) ? undefined : source.replace(/\r?\n[ \t]/gu, "").replaceAll("\\\\", placeholder)

const restore = (value: unknown, as: string): unknown =>
  typeof value === "string"
    ? value.replaceAll(placeholder, as)
    : Array.isArray(value)
    ? value.map((v) => restore(v, as))
    : value

const restoreBackslashes = (jcard: Array<unknown>): Array<unknown> => {
  const [name, properties, components] = jcard as [string, Array<Array<unknown>>, unknown]
  const fixed = properties.map(([prop, params, type, ...values]) => [
    prop,
    Object.fromEntries(Object.entries(params as Record<string, unknown>).map(([k, v]) => [k, restore(v, "\\")])),
    type,
    ...values.map((v) => restore(v, "\\"))
  ])
  return [name, fixed, components]
}

/** One vCard (the text of one BEGIN:VCARD … END:VCARD) → what the model holds of it. */
export const readVCard = (source: string): Effect.Effect<VCardRead, InvalidContact> =>
  Effect.gen(function*() {
    const protectedSource = protectBackslashes(source)
    const parsed = yield* Effect.try({
      try: () => ICAL.parse(protectedSource ?? source) as unknown as ReadonlyArray<unknown>,
      catch: (error) =>
        new InvalidContact({ issues: [{ path: [], message: `not a vCard: ${(error as Error).message}` }] })
    })
    const jcard = (Array.isArray(parsed[0]) ? parsed[0] : parsed) as Array<unknown>
    const card = new ICAL.Component(protectedSource === undefined ? jcard : restoreBackslashes(jcard))
    const props = card.getAllProperties()
    const grouped = new Map<string, { label?: string; country?: string }>()
    for (const prop of props) {
      const group = parameter(prop, "group")?.toLowerCase()
      if (group === undefined || (prop.name !== "x-ablabel" && prop.name !== "x-abadr")) continue
      const entry = grouped.get(group) ?? {}
      if (prop.name === "x-ablabel") entry.label = firstValue(prop)
      else entry.country = firstValue(prop)
      grouped.set(group, entry)
    }
    const ignored = new Set<string>()
    const first = (name: string) => props.find((prop) => prop.name === name)
    const value = (name: string) => {
      const prop = first(name)
      return prop === undefined ? undefined : text(prop.getFirstValue())
    }
    const [family, given, middle, prefix, suffix] = (first("n")?.getFirstValue() as Array<unknown> | undefined) ?? []
    const fn = first("fn")
    const nicknames = props.filter((p) => p.name === "nickname").flatMap((p) => p.getValues().map(String))
    if (nicknames.length > 1) ignored.add("NICKNAME after the first")
    const name: Record<string, string | undefined> = {
      prefix: text(prefix),
      given: text(given),
      middle: text(middle),
      family: text(family),
      suffix: text(suffix),
      nickname: nicknames[0] === "" ? undefined : nicknames[0],
      full: fn === undefined || parameter(fn, derivedParameter) !== undefined ? undefined : text(fn.getFirstValue()),
      phoneticGiven: value("x-phonetic-first-name"),
      phoneticMiddle: value("x-phonetic-middle-name"),
      phoneticFamily: value("x-phonetic-last-name")
    }
    const org = (first("org")?.getFirstValue() as Array<unknown> | string | undefined) ?? []
    const units = Array.isArray(org) ? org : [org]
    if (units.length > 2) ignored.add("ORG units after the first")
    const organization: Record<string, string | undefined> = {
      name: text(units[0]),
      department: text(units[1]),
      title: value("title"),
      role: value("role")
    }
    const fields: Array<ContactField> = []
    for (const prop of props) {
      const made = field(prop, grouped)
      if (made !== undefined) fields.push(made)
      else if (!known.has(prop.name)) ignored.add(prop.name.toUpperCase())
    }
    const kind = value("kind")?.toLowerCase() === "org" || value("x-abshowas")?.toUpperCase() === "COMPANY"
      ? "organization"
      : "individual"
    const defined = <A extends Record<string, string | undefined>>(record: A) =>
      Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined))
    const draft = yield* decodeContactDraft({
      kind,
      name: defined(name) as Name,
      organization: defined(organization) as Organization,
      fields
    })
    const stamp = (prop: string) => {
      const raw = value(prop)
      return raw === undefined ? undefined : fromVCardTimestamp(raw)
    }
    return { uid: value("uid"), draft, createdAt: stamp("created"), updatedAt: stamp("rev"), ignored: [...ignored] }
  })

/** One vCard → a Contact; its UID is the contact's id, so a card without one fails with `InvalidContact`. */
export const fromVCard = (source: string): Effect.Effect<Contact, InvalidContact> =>
  Effect.flatMap(readVCard(source), (read) =>
    read.uid === undefined
      ? Effect.fail(new InvalidContact({ issues: [{ path: ["id"], message: "the vCard has no UID" }] }))
      : Effect.succeed({
        id: read.uid as Contact["id"],
        ...read.draft,
        ...(read.createdAt === undefined ? {} : { createdAt: read.createdAt }),
        ...(read.updatedAt === undefined ? {} : { updatedAt: read.updatedAt })
      }))
