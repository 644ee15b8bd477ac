/**
 * The vendor-neutral contact, shaped after a JSContact (RFC 9553) Card: a kind, name
 * components, one organisation, contact fields, and the vendor's own record kept as read.
 */
import { Schema } from "effect"
import { ContactField } from "./ContactField.ts"
import { ContactId } from "./ContactId.ts"

const Part = Schema.String.pipe(Schema.check(Schema.isNonEmpty(), Schema.isMaxLength(255)))

export const ContactKind = Schema.Literals(["individual", "organization"])
export type ContactKind = typeof ContactKind.Type

/** Name components (RFC 9553 §2.2.1.2); `full` is the display name as the vendor shows it. */
export const Name = Schema.Struct({
  prefix: Schema.optionalKey(Part),
  given: Schema.optionalKey(Part),
  middle: Schema.optionalKey(Part),
  family: Schema.optionalKey(Part),
  suffix: Schema.optionalKey(Part),
  nickname: Schema.optionalKey(Part),
  full: Schema.optionalKey(Part),
  phoneticGiven: Schema.optionalKey(Part),
  phoneticMiddle: Schema.optionalKey(Part),
  phoneticFamily: Schema.optionalKey(Part)
})
export type Name = typeof Name.Type
export type NameComponent = keyof Name
export const nameComponents: ReadonlyArray<NameComponent> = [
  "prefix",
  "given",
  "middle",
  "family",
  "suffix",
  "nickname",
  "full",
  "phoneticGiven",
  "phoneticMiddle",
  "phoneticFamily"
]

/** The one organisation a contact belongs to, with the contact's title and role there. */
export const Organization = Schema.Struct({
  name: Schema.optionalKey(Part),
  department: Schema.optionalKey(Part),
  title: Schema.optionalKey(Part),
  role: Schema.optionalKey(Part)
})
export type Organization = typeof Organization.Type
export type OrganizationComponent = keyof Organization
export const organizationComponents: ReadonlyArray<OrganizationComponent> = ["name", "department", "title", "role"]

/** The vendor's own record exactly as read: read-only, never written to another vendor. */
export const Remote = Schema.Struct({
  vendor: Schema.String,
  record: Schema.Unknown
})
export type Remote = typeof Remote.Type

export const Timestamp = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/u, {
    message: "must be an ISO 8601 UTC timestamp"
  }))
)

const body = {
  kind: ContactKind,
  name: Name,
  organization: Organization,
  fields: Schema.Array(ContactField)
}

export const Contact = Schema.Struct({
  id: ContactId,
  ...body,
  createdAt: Schema.optionalKey(Timestamp),
  updatedAt: Schema.optionalKey(Timestamp),
  remote: Schema.optionalKey(Remote)
})
export type Contact = typeof Contact.Type

/** What a caller sends to create a contact. Field ids, if present, are ignored. */
export const ContactDraft = Schema.Struct(body)
export type ContactDraft = typeof ContactDraft.Type

const Clearable = Schema.NullOr(Part)

/**
 * A partial update. How each part is patched:
 * - a key that is absent leaves that part untouched;
 * - `kind`: replaced when present;
 * - `name` and `organization`: patched component by component — a string sets that
 *   component, `null` clears it, an absent component is untouched;
 * - `fields`: when present, the whole list is replaced (use `fields.add/update/remove` to
 *   change one field and leave the others alone).
 */
export const ContactPatch = Schema.Struct({
  kind: Schema.optionalKey(ContactKind),
  name: Schema.optionalKey(Schema.Struct({
    prefix: Schema.optionalKey(Clearable),
    given: Schema.optionalKey(Clearable),
    middle: Schema.optionalKey(Clearable),
    family: Schema.optionalKey(Clearable),
    suffix: Schema.optionalKey(Clearable),
    nickname: Schema.optionalKey(Clearable),
    full: Schema.optionalKey(Clearable),
    phoneticGiven: Schema.optionalKey(Clearable),
    phoneticMiddle: Schema.optionalKey(Clearable),
    phoneticFamily: Schema.optionalKey(Clearable)
  })),
  organization: Schema.optionalKey(Schema.Struct({
    name: Schema.optionalKey(Clearable),
    department: Schema.optionalKey(Clearable),
    title: Schema.optionalKey(Clearable),
    role: Schema.optionalKey(Clearable)
  })),
  fields: Schema.optionalKey(Schema.Array(ContactField))
})
export type ContactPatch = typeof ContactPatch.Type

/** The draft a contact would be created from: what `create` should round-trip. */
export const toDraft = (contact: Contact | ContactDraft): ContactDraft => ({
  kind: contact.kind,
  name: contact.name,
  organization: contact.organization,
  fields: contact.fields
})
