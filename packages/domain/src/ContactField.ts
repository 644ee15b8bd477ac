/**
 * Contact fields: the ways to reach a contact, as a tagged union shaped after JSContact
 * (RFC 9553) `emails`, `phones`, `addresses`, `onlineServices` and `links`.
 *
 * Every field may carry the vendor's own field `id`, a `label` (the vendor's label text, kept
 * as written), a `context` (home / work / other) and `preferred`.
 */
import { Schema } from "effect"
import { FieldId } from "./ContactId.ts"
import { defaultRegion, e164Pattern, type Region, toE164 } from "./PhoneNumber.ts"

/** The longest value any field may carry in the domain; vendors may allow less (Capabilities). */
export const maxValueLength = 1000

const NonEmptyText = (max: number) => Schema.String.pipe(Schema.check(Schema.isNonEmpty(), Schema.isMaxLength(max)))

export const FieldContext = Schema.Literals(["home", "work", "other"])
export type FieldContext = typeof FieldContext.Type

const common = {
  id: Schema.optionalKey(FieldId),
  label: Schema.optionalKey(NonEmptyText(255)),
  context: Schema.optionalKey(FieldContext),
  preferred: Schema.optionalKey(Schema.Boolean)
}

/** What `EmailAddress` takes (at most 254 characters long): a local part, `@`, a domain with a dot. */
export const emailAddressPattern = /^[^@\s"(),:;<>[\\\]]+@[^@\s"(),:;<>[\\\]]+\.[^@\s"(),:;<>[\\\].]{2,}$/u

export const EmailAddress = Schema.String.pipe(
  Schema.check(
    Schema.isMaxLength(254),
    Schema.isPattern(emailAddressPattern, { message: "must be an e-mail address" })
  )
)

export const Email = Schema.TaggedStruct("Email", {
  ...common,
  address: EmailAddress
})
export type Email = typeof Email.Type

export const PhoneFeature = Schema.Literals(["voice", "mobile", "fax", "pager", "text"])
export type PhoneFeature = typeof PhoneFeature.Type

export const E164 = Schema.String.pipe(
  Schema.check(Schema.isPattern(e164Pattern, { message: "must be an E.164 number such as +12025550123" }))
)

export const Phone = Schema.TaggedStruct("Phone", {
  ...common,
  /** The number as entered, kept verbatim. */
  number: NonEmptyText(64),
  /** Derived with libphonenumber-js; absent when the number does not parse. */
  e164: Schema.optionalKey(E164),
  features: Schema.optionalKey(Schema.Array(PhoneFeature))
})
export type Phone = typeof Phone.Type

/** What `Address.countryCode` takes: ISO 3166-1 alpha-2. */
export const countryCodePattern = /^[A-Z]{2}$/u

export const Address = Schema.TaggedStruct("Address", {
  ...common,
  street: Schema.optionalKey(NonEmptyText(maxValueLength)),
  locality: Schema.optionalKey(NonEmptyText(255)),
  region: Schema.optionalKey(NonEmptyText(255)),
  postcode: Schema.optionalKey(NonEmptyText(32)),
  country: Schema.optionalKey(NonEmptyText(255)),
  countryCode: Schema.optionalKey(
    Schema.String.pipe(
      Schema.check(Schema.isPattern(countryCodePattern, { message: "must be an ISO 3166-1 alpha-2 code" }))
    )
  )
})
export type Address = typeof Address.Type

/** Canonical lower-case names of online services (JSContact `service`). */
export const services = [
  "whatsapp",
  "skype",
  "aim",
  "msn",
  "icq",
  "gtalk",
  "yim",
  "twitter",
  "instagram",
  "apple",
  "trustpilot",
  "telegram",
  "facebook",
  "linkedin",
  "other"
] as const
export const ServiceName = Schema.Literals(services)
export type ServiceName = typeof ServiceName.Type

/** An absolute URI: a scheme, a colon, then no whitespace. Adapters use it to tell a URI from a handle. */
export const uriPattern = /^[a-z][a-z0-9+.-]*:[^\s]+$/iu

export const Uri = Schema.String.pipe(
  Schema.check(
    Schema.isMaxLength(2048),
    Schema.isPattern(uriPattern, { message: "must be an absolute URI such as https://example.com" })
  )
)

export const OnlineService = Schema.TaggedStruct("OnlineService", {
  ...common,
  service: ServiceName,
  /** The handle or user name on that service. */
  user: Schema.optionalKey(NonEmptyText(255)),
  uri: Schema.optionalKey(Uri)
})
export type OnlineService = typeof OnlineService.Type

export const LinkKind = Schema.Literals(["website", "blog", "profile", "other"])
export type LinkKind = typeof LinkKind.Type

export const Link = Schema.TaggedStruct("Link", {
  ...common,
  uri: Uri,
  kind: Schema.optionalKey(LinkKind)
})
export type Link = typeof Link.Type

export const ContactField = Schema.Union([Email, Phone, Address, OnlineService, Link])
export type ContactField = typeof ContactField.Type

export type FieldKind = ContactField["_tag"]
export const fieldKinds: ReadonlyArray<FieldKind> = ["Email", "Phone", "Address", "OnlineService", "Link"]

/** The field without its vendor id: what is sent when the vendor assigns ids itself. */
export const withoutId = <F extends ContactField>(field: F): F => {
  const { id: _, ...rest } = field
  return rest as F
}

/** A phone field with E.164 derived from the number as entered. */
export const makePhone = (
  number: string,
  options: Omit<Phone, "_tag" | "number" | "e164"> & { readonly region?: Region } = {}
): Phone => {
  const { region = defaultRegion, ...rest } = options
  const e164 = toE164(number, region)
  return e164 === undefined ? { _tag: "Phone", ...rest, number } : { _tag: "Phone", ...rest, number, e164 }
}

/** Fills in `e164` on phones that lack it (a decoded draft, a vendor record). */
export const withE164 = (field: ContactField, region: Region = defaultRegion): ContactField => {
  if (field._tag !== "Phone" || field.e164 !== undefined) return field
  const e164 = toE164(field.number, region)
  return e164 === undefined ? field : { ...field, e164 }
}
