/**
 * `Schema.is(ContactField)` written by hand: adapters ask it of every field of every contact they read (which
 * records the domain can hold), and the schema's walk was the largest single cost of mapping a listed contact.
 * It answers exactly what the schema answers — a property test holds the two to the same answer over generated
 * fields, valid and broken — so any change to `ContactField.ts` must be made here too (that test fails until it is).
 */
import {
  type ContactField,
  countryCodePattern,
  emailAddressPattern,
  maxValueLength,
  services,
  uriPattern
} from "./ContactField.ts"
import { e164Pattern } from "./PhoneNumber.ts"

type Fields = Readonly<Record<string, unknown>>

const contexts: ReadonlySet<unknown> = new Set(["home", "work", "other"])
const features: ReadonlySet<unknown> = new Set(["voice", "mobile", "fax", "pager", "text"])
const linkKinds: ReadonlySet<unknown> = new Set(["website", "blog", "profile", "other"])
const serviceNames: ReadonlySet<unknown> = new Set(services)

/** A key that is absent passes; a key that is present (even as `undefined`) must hold what `ok` takes. */
const optional = (record: Fields, key: string, ok: (value: unknown) => boolean) => !(key in record) || ok(record[key])

const text = (max: number) => (value: unknown) => typeof value === "string" && value.length > 0 && value.length <= max
const anyText = text(Infinity)
const text32 = text(32)
const text64 = text(64)
const text255 = text(255)
const longText = text(maxValueLength)
const matching = (pattern: RegExp, max = Infinity) => (value: unknown) =>
  typeof value === "string" && value.length <= max && pattern.test(value)
const member = (set: ReadonlySet<unknown>) => (value: unknown) => set.has(value)

const isUri = matching(uriPattern, 2048)
const isEmailAddress = matching(emailAddressPattern, 254)
const isE164 = matching(e164Pattern)
const isCountryCode = matching(countryCodePattern)

const isContext = member(contexts)
const isLinkKind = member(linkKinds)
const isBoolean = (value: unknown) => typeof value === "boolean"
const isFeatures = (value: unknown) => Array.isArray(value) && value.every((feature) => features.has(feature))

/** The keys every field may carry: its vendor id, label, context and preference. */
const common = (field: Fields) =>
  optional(field, "id", anyText) &&
  optional(field, "label", text255) &&
  optional(field, "context", isContext) &&
  optional(field, "preferred", isBoolean)

const byTag: Readonly<Record<string, (field: Fields) => boolean>> = {
  Email: (field) => isEmailAddress(field["address"]),
  Phone: (field) =>
    text64(field["number"]) && optional(field, "e164", isE164) && optional(field, "features", isFeatures),
  Address: (field) =>
    optional(field, "street", longText) &&
    optional(field, "locality", text255) &&
    optional(field, "region", text255) &&
    optional(field, "postcode", text32) &&
    optional(field, "country", text255) &&
    optional(field, "countryCode", isCountryCode),
  OnlineService: (field) =>
    serviceNames.has(field["service"]) && optional(field, "user", text255) && optional(field, "uri", isUri),
  Link: (field) => isUri(field["uri"]) && optional(field, "kind", isLinkKind)
}

/** Whether `value` is a `ContactField` as the schema defines it; extra keys are allowed, as the schema allows them. */
export const isContactField = (value: unknown): value is ContactField => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false
  const field = value as Fields
  const tag = field["_tag"]
  const rest = typeof tag === "string" && Object.hasOwn(byTag, tag) ? byTag[tag] : undefined
  return rest !== undefined && rest(field) && common(field)
}
