/**
 * Contact → vCard 4 (RFC 6350) text, through ical.js, which does the escaping and line folding. The table of
 * what goes where is in `docs/unification.md` ("vCard"); in short:
 *
 * - `id` → UID, `kind` → KIND, name → N / FN / NICKNAME and Apple's X-PHONETIC-*-NAME, organisation → ORG / TITLE
 *   / ROLE, `updatedAt` → REV, `createdAt` → CREATED (RFC 9554).
 * - Email → EMAIL, Phone → TEL (VALUE=text, features as TYPE), Address → ADR (+ CC, RFC 8605), OnlineService →
 *   IMPP or SOCIALPROFILE (SERVICE-TYPE, USERNAME: RFC 9554), Link → URL.
 * - Every field: context → TYPE, preferred → PREF=1, label → the `itemN.X-ABLabel` group address books use.
 *
 * FN is required by vCard 4; a contact without a display name gets one made from its name parts, marked
 * `X-CONTACTKIT-DERIVED=TRUE` so reading it back does not invent a `full` name. Lossy: field ids, E.164 (derived
 * again on the way back) and sub-second timestamps — exactly what `vcardCapabilities` declares.
 */
import type { Contact, ContactField, Name } from "@contactkit/domain"
import ICAL from "ical.js"
import { messaging, serviceTypeOf } from "./VCardServices.ts"

/** Phone features → TEL TYPE values (RFC 6350 §6.4.1; `cell` for mobile). */
export const featureType = { voice: "voice", mobile: "cell", fax: "fax", pager: "pager", text: "text" } as const

export const derivedParameter = "x-contactkit-derived"
export const linkKindParameter = "x-contactkit-kind"

/** `2024-01-02T03:04:05.678Z` → `20240102T030405Z` (vCard timestamps have no fractions of a second). */
export const toVCardTimestamp = (iso: string): string => iso.replace(/\.\d+Z$/u, "Z").replaceAll(/[-:]/gu, "")

/** The same instant as ical.js takes a timestamp value (jCard's extended form); it writes the basic form. */
const jcardTimestamp = (iso: string): string => iso.replace(/\.\d+Z$/u, "Z")

const derivedFullName = (contact: Contact): string => {
  const name: Name = contact.name
  const parts = [name.prefix, name.given, name.middle, name.family, name.suffix].filter((p) => p !== undefined)
  if (parts.length > 0) return parts.join(" ")
  const email = contact.fields.find((field) => field._tag === "Email")
  return contact.organization.name ?? email?.address ?? ""
}

/** A property of the card; `type` overrides the property's default value type (set before the value, or it is lost). */
const property = (
  name: string,
  value: string | ReadonlyArray<string>,
  parameters: Record<string, unknown> = {},
  type?: "text" | "uri"
) => {
  const prop = new ICAL.Property(name, new ICAL.Component("vcard"))
  if (type !== undefined) prop.resetType(type)
  prop.setValue(value as string)
  for (const [key, parameter] of Object.entries(parameters)) {
    // ical.js unescapes `\\`, `\n` and `\,` in parameter values it reads, though it writes them as they are.
    const escaped = typeof parameter === "string" ? parameter.replaceAll("\\", "\\\\") : parameter
    if (escaped !== undefined) prop.setParameter(key, escaped as string)
  }
  return prop
}

/** The field's property, without its group (added by the caller when it has a label). */
const fieldProperty = (field: ContactField): ICAL.Property => {
  const types: Array<string> = field.context === undefined ? [] : [field.context]
  const pref = field.preferred === true ? "1" : undefined
  const typed = (extra: ReadonlyArray<string> = []) => {
    const all = [...types, ...extra]
    return all.length === 0 ? undefined : all.length === 1 ? all[0] : all
  }
  switch (field._tag) {
    case "Email":
      return property("email", field.address, { type: typed(), pref })
    case "Phone":
      return property("tel", field.number, {
        type: typed((field.features ?? []).map((f) => featureType[f])),
        pref
      }, "text")
    case "Address":
      return property(
        "adr",
        [
          "",
          "",
          field.street ?? "",
          field.locality ?? "",
          field.region ?? "",
          field.postcode ?? "",
          field.country ?? ""
        ],
        { type: typed(), pref, cc: field.countryCode }
      )
    case "OnlineService": {
      const parameters = { "service-type": serviceTypeOf[field.service], username: undefined as string | undefined }
      if (field.uri === undefined) {
        return property("socialprofile", field.user ?? "", { ...parameters, type: typed(), pref }, "text")
      }
      const name = messaging.has(field.service) ? "impp" : "socialprofile"
      return property(name, field.uri, { ...parameters, username: field.user, type: typed(), pref }, "uri")
    }
    case "Link":
      return property("url", field.uri, { type: typed(), pref, [linkKindParameter]: field.kind })
  }
}

/** One contact as a vCard 4 (CRLF line ends, folded at 75 octets). */
export const toVCard = (contact: Contact): string => {
  const card = new ICAL.Component(["vcard", [], []])
  // Extension properties are typed `text` so ical.js escapes them (and writes VALUE=TEXT, so it unescapes them).
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined) card.addProperty(property(name, value, {}, name.startsWith("x-") ? "text" : undefined))
  }
  add("version", "4.0")
  add("uid", contact.id)
  add("kind", contact.kind === "organization" ? "org" : "individual")
  const { name, organization } = contact
  card.addProperty(
    name.full === undefined
      ? property("fn", derivedFullName(contact), { [derivedParameter]: "TRUE" })
      : property("fn", name.full)
  )
  const n = [name.family, name.given, name.middle, name.prefix, name.suffix]
  if (n.some((part) => part !== undefined)) card.addProperty(property("n", n.map((part) => part ?? "")))
  add("nickname", name.nickname)
  add("x-phonetic-first-name", name.phoneticGiven)
  add("x-phonetic-middle-name", name.phoneticMiddle)
  add("x-phonetic-last-name", name.phoneticFamily)
  if (organization.name !== undefined || organization.department !== undefined) {
    const units = organization.department === undefined ? [] : [organization.department]
    card.addProperty(property("org", [organization.name ?? "", ...units]))
  }
  add("title", organization.title)
  add("role", organization.role)
  let group = 0
  for (const field of contact.fields) {
    const prop = fieldProperty(field)
    if (field.label !== undefined) {
      group += 1
      prop.setParameter("group", `item${group}`)
      const label = property("x-ablabel", field.label, {}, "text")
      label.setParameter("group", `item${group}`)
      card.addProperty(prop)
      card.addProperty(label)
    } else card.addProperty(prop)
  }
  if (contact.createdAt !== undefined) {
    card.addProperty(property("created", toVCardTimestamp(contact.createdAt), {}, "text"))
  }
  if (contact.updatedAt !== undefined) add("rev", jcardTimestamp(contact.updatedAt))
  return `${card.toString()}\r\n`
}
