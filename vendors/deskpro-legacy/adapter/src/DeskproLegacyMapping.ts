/**
 * Deskpro Legacy person ↔ Contact, as a table. Pure: no Effect, no I/O.
 *
 * | Deskpro Legacy                                   | domain                                                  |
 * | ------------------------------------------------ | ------------------------------------------------------- |
 * | `name` (split by the server at its last space)    | `name.given` = `first_name`, `name.family` = `last_name` |
 * | `organization.name`, `organization_position`     | `organization.name`, `organization.title`               |
 * | e-mail record `{email, comment}`, the primary    | Email `{address, label}`, the primary `preferred`       |
 * | `phone` record, `data.type` phone / mobile / fax | Phone, features none / `mobile` / `fax`                 |
 * | (read: `mobile` and `fax` records too)           |                                                         |
 * | `address` record `address, city, state, zip, country` | Address `street, locality, region, postcode, country` |
 * | `skype`, `twitter` `{username}`                  | OnlineService skype / twitter `{user}`                  |
 * | `facebook`, `linked_in` `{profile_url}`          | OnlineService facebook / linkedin `{uri}`               |
 * | `instant_message` `{service, username}`          | OnlineService of that service `{user}` (others too)     |
 * | `website` `{url}`                                | Link `{uri, kind: website}`                             |
 * | a record's `comment`                             | the field's `label`                                     |
 *
 * Lossy (declared in DeskproLegacyCapabilities): name parts other than given and family; department and role;
 * contexts; `preferred` beyond the one primary e-mail; phone features other than mobile and fax; an address's
 * country code; a URI of an IM, Skype or Twitter handle, a user name beside a Facebook or LinkedIn URL.
 * The server's own type for IM is `instant_message`; the knowledge base's `im` has no handler and is never sent.
 */
import {
  type Contact,
  type ContactField,
  contactIdOf,
  fieldIdOf,
  type FieldKind,
  makePhone,
  type Name,
  type OnlineService,
  type ServiceName,
  services,
  uriPattern
} from "@contactkit/domain"
import type { LegacyDetail, LegacyDetailInput, LegacyEmail, LegacyPerson } from "./DeskproLegacySchema.ts"
import { recordsOf } from "./DeskproLegacySchema.ts"

export const vendor = "deskpro-legacy"

/** PHP's `trim` (the server's `str` cleaner): spaces, tabs, new lines, NUL and vertical tab. */
export const phpTrim = (text: string): string => text.replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/gu, "")

/** Whether PHP reads the text as empty: "" and "0" are. */
export const phpEmpty = (text: string | undefined): boolean => text === undefined || text === "" || text === "0"

/** The one `name` sent for these parts: given and family when there are any, else the full name. */
export const nameText = (name: Name): string => {
  const parts = [name.given, name.family].filter((part) => part !== undefined)
  return parts.length > 0 ? parts.join(" ") : name.full ?? ""
}

/** What `Person::setName` makes of a (trimmed) name: runs of spaces collapsed, split at the last space. */
export const storedName = (text: string): { readonly given?: string; readonly family?: string } => {
  const collapsed = phpTrim(text).replace(/ {2,}/gu, " ")
  if (phpEmpty(collapsed)) return {}
  const cut = collapsed.lastIndexOf(" ")
  if (cut < 0) return { given: collapsed }
  const family = collapsed.slice(cut + 1)
  return family === "" ? { given: collapsed.slice(0, cut) } : { given: collapsed.slice(0, cut), family }
}

/** Field ids: e-mail records and contact-data records are numbered apart, so each id says which it is. */
export const emailFieldId = (id: number) => fieldIdOf(`email:${id}`)
export const detailFieldId = (id: number) => fieldIdOf(`detail:${id}`)
export const parseFieldId = (id: string): { readonly table: "email" | "detail"; readonly id: number } | undefined => {
  const match = /^(email|detail):([1-9]\d{0,15})$/u.exec(id)
  return match === null ? undefined : { table: match[1] as "email" | "detail", id: Number(match[2]) }
}

/** The order fields come back in: e-mails, then contact data grouped by kind, each group in id order. */
export const fieldOrder: ReadonlyArray<FieldKind> = ["Email", "Phone", "Address", "OnlineService", "Link"]
const rank = (field: ContactField) => fieldOrder.indexOf(field._tag)

const optional = <K extends string>(key: K, value: string | undefined) =>
  value === undefined || value === "" ? {} : ({ [key]: value } as { readonly [P in K]: string })

const canonicalService = (service: string): ServiceName => {
  const lower = service.toLowerCase()
  return (services as ReadonlyArray<string>).includes(lower) ? lower as ServiceName : "other"
}

export const toEmail = (email: LegacyEmail, primary: string | null | undefined): ContactField => ({
  _tag: "Email",
  id: emailFieldId(email.id),
  address: email.email,
  ...optional("label", email.comment),
  ...(primary !== undefined && primary !== null && primary.toLowerCase() === email.email.toLowerCase()
    ? { preferred: true }
    : {})
})

const phoneFeatures = (detail: LegacyDetail) => {
  const subtype = detail.type === "mobile" || detail.type === "fax" ? detail.type : detail.contact_type
  return subtype === "mobile"
    ? { features: ["mobile" as const] }
    : subtype === "fax"
    ? { features: ["fax" as const] }
    : {}
}

const profile = (service: ServiceName, url: string | undefined): OnlineService =>
  url === undefined || url === ""
    ? { _tag: "OnlineService", service }
    : uriPattern.test(url)
    ? { _tag: "OnlineService", service, uri: url }
    : { _tag: "OnlineService", service, user: url }

/** One contact-data record as a field; undefined for a type the domain has no field for, or an empty value. */
export const toDetailField = (detail: LegacyDetail): ContactField | undefined => {
  const common = { id: detailFieldId(detail.id), ...optional("label", detail.comment) }
  switch (detail.contact_type) {
    case "phone":
    case "mobile":
    case "fax": {
      const code = detail.country_calling_code ?? ""
      const number = code === "" ? detail.number ?? "" : `+${code} ${detail.number ?? ""}`
      return number === "" ? undefined : makePhone(number, { ...common, ...phoneFeatures(detail) })
    }
    case "address":
      return {
        _tag: "Address",
        ...common,
        ...optional("street", detail.address),
        ...optional("locality", detail.city),
        ...optional("region", detail.state),
        ...optional("postcode", detail.zip),
        ...optional("country", detail.country)
      }
    case "instant_message":
      return {
        _tag: "OnlineService",
        ...common,
        service: canonicalService(detail.service ?? ""),
        ...optional("user", detail.username)
      }
    case "skype":
    case "twitter":
      return { _tag: "OnlineService", ...common, service: detail.contact_type, ...optional("user", detail.username) }
    case "facebook":
      return { ...profile("facebook", detail.profile_url), ...common }
    case "linked_in":
      return { ...profile("linkedin", detail.profile_url), ...common }
    case "website":
      return detail.url !== undefined && uriPattern.test(detail.url)
        ? { _tag: "Link", ...common, uri: detail.url, kind: "website" }
        : undefined
    default:
      return undefined
  }
}

/** A person's fields: e-mails, then contact data grouped by kind; within each, in id order. */
export const toFields = (person: LegacyPerson): ReadonlyArray<ContactField> => {
  const emails = (person.emails ?? []).map((email) => toEmail(email, person.primary_email))
  const details = recordsOf(person.contact_data).flatMap((detail) => toDetailField(detail) ?? [])
  return [
    ...emails,
    ...details.map((field, i) => [field, i] as const).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j)
      .map(([field]) => field)
  ]
}

/** `"2024-03-01 09:00:00"` (UTC) → ISO 8601. */
const isoTime = (text: string | undefined) =>
  text !== undefined && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/u.test(text) ? `${text.replace(" ", "T")}Z` : undefined

export const toContact = (person: LegacyPerson, raw: unknown): Contact => {
  const createdAt = isoTime(person.date_created)
  const organizationName = person.organization?.name
  return {
    id: contactIdOf(String(person.id)),
    kind: "individual",
    name: {
      ...optional("given", person.first_name ?? undefined),
      ...optional("family", person.last_name ?? undefined)
    },
    organization: {
      ...optional("name", organizationName),
      ...(organizationName === undefined || organizationName === ""
        ? {}
        : optional("title", person.organization_position))
    },
    fields: toFields(person),
    ...(createdAt === undefined ? {} : { createdAt }),
    remote: { vendor, record: raw }
  }
}

/** Handles the server stores under their own type only when PHP reads them as non-empty ("0" is empty). */
const handle = (type: "skype" | "twitter", user: string | undefined, comment: string): LegacyDetailInput =>
  phpEmpty(user)
    ? { type: "instant_message", comment, data: { service: type, username: user ?? "" } }
    : { type, comment, data: { username: user ?? "" } }

const defined = (data: Readonly<Record<string, string | undefined>>): Readonly<Record<string, string>> =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as Record<string, string>

/** A field (as projected for this vendor) as the contact-data record the server takes; e-mails are not records. */
export const toDetailInput = (field: Exclude<ContactField, { readonly _tag: "Email" }>): LegacyDetailInput => {
  const comment = field.label ?? ""
  switch (field._tag) {
    case "Phone": {
      const type = field.features?.includes("fax") ? "fax" : field.features?.includes("mobile") ? "mobile" : "phone"
      return { type: "phone", comment, data: { number: field.number, type } }
    }
    case "Address":
      return {
        type: "address",
        comment,
        data: defined({
          address: field.street,
          city: field.locality,
          state: field.region,
          zip: field.postcode,
          country: field.country
        })
      }
    case "OnlineService":
      switch (field.service) {
        case "skype":
        case "twitter":
          return handle(field.service, field.user, comment)
        case "facebook":
        case "linkedin":
          return field.uri !== undefined
            ? {
              type: field.service === "facebook" ? "facebook" : "linked_in",
              comment,
              data: { profile_url: field.uri }
            }
            : { type: "instant_message", comment, data: { service: field.service, username: field.user ?? "" } }
        default:
          return { type: "instant_message", comment, data: { service: field.service, username: field.user ?? "" } }
      }
    case "Link":
      return { type: "website", comment, data: { url: field.uri } }
  }
}
