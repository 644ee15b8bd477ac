/**
 * Contact → Deskpro person input (`POST /people`, `PUT /people/{id}`). Pure: no Effect, no I/O.
 *
 * A PUT changes only the properties it is sent, so an update sends only the parts it changes (`Scope`): names,
 * organization, and of the fields only the lists of the kinds touched (`emails` + `primary_email`,
 * `phone_numbers`, `contact_data`), each whole — Deskpro replaces a list it is sent. What the domain does not
 * model is sent back as read: a phone's `extension` (matched by number), twitter's `display_feed` and
 * instagram's `instagram_id` (matched by record id), and every email, phone or record the domain could not read.
 *
 * The `Layout` says where each sent value came from in the draft, so a 400's error tree can name domain paths.
 *
 * Lossy, write side: `name.middle/suffix/nickname/full/phonetic*`, `organization.department/role`, contexts,
 * phone features, e-mail labels and every `preferred` but the primary e-mail's (see DeskproCapabilities).
 */
import type { ContactDraft, ContactField, FieldKind } from "@contactkit/domain"
import {
  emailsOf,
  type ReadRecord,
  recordsOf,
  toEmails,
  toField,
  toPhone,
  typeOfField,
  typeRank,
  urlTypes
} from "./DeskproMapping.ts"
import type { DeskproContactDataInput, DeskproPerson, DeskproPersonInput, DeskproPhoneInput } from "./DeskproSchema.ts"

/** Which parts of the person a write sends. */
export interface Scope {
  readonly name: boolean
  readonly organization: boolean
  readonly emails: boolean
  readonly phones: boolean
  readonly contactData: boolean
}

export const everything: Scope = { name: true, organization: true, emails: true, phones: true, contactData: true }
export const nothing: Scope = { name: false, organization: false, emails: false, phones: false, contactData: false }

/** The list a field operation on this kind rewrites. */
export const scopeOfKind = (kind: FieldKind): Scope =>
  kind === "Email" ? { ...nothing, emails: true } : kind === "Phone" ? { ...nothing, phones: true } : {
    ...nothing,
    contactData: true
  }

/** A contact-data record sent: the draft field it came from, and which domain key its one value came from. */
export interface RecordOrigin {
  readonly index: number
  readonly valueKey: "user" | "uri" | undefined
}

/** For each value sent in a list, the index of the draft field it came from. */
export interface Layout {
  readonly primary: number | undefined
  readonly emails: ReadonlyArray<number>
  readonly phones: ReadonlyArray<number>
  readonly records: Readonly<Record<string, ReadonlyArray<RecordOrigin>>>
}

/** The person as last read: what is carried back. */
export interface Current {
  readonly wire: DeskproPerson
  readonly raw: unknown
}

const withDefined = <A extends Record<string, unknown>>(value: A) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof A]: Exclude<A[K], undefined>
  }

const indexed = <K extends FieldKind>(draft: ContactDraft, kind: K) =>
  draft.fields.flatMap((field, index) =>
    field._tag === kind ? [{ field: field as Extract<ContactField, { readonly _tag: K }>, index }] : []
  )

/** The one string a record keeps, and the domain key it came from: a URL type prefers `uri`, the rest `user`. */
const oneValue = (field: Extract<ContactField, { readonly _tag: "OnlineService" }>, type: string) => {
  const order = urlTypes.has(type) ? (["uri", "user"] as const) : (["user", "uri"] as const)
  const key = order.find((k) => field[k] !== undefined)
  return { key, value: key === undefined ? "" : field[key]! }
}

/** A draft field → the record Deskpro keeps, carrying what only Deskpro has from the record it replaces. */
const toRecord = (field: ContactField, type: string, replaces: ReadRecord | undefined) => {
  const comment = field.label === undefined ? {} : { comment: field.label }
  switch (field._tag) {
    case "Address":
      return {
        record: withDefined({
          address: field.street,
          city: field.locality,
          state: field.region,
          zip: field.postcode,
          ...comment
        }) as DeskproContactDataInput,
        valueKey: undefined
      }
    case "Link":
      return { record: { url: field.uri, ...comment }, valueKey: "uri" as const }
    case "OnlineService": {
      const { key, value } = oneValue(field, type)
      const carried = replaces?.type === type
        ? withDefined({
          display_feed: type === "twitter" && typeof replaces.wire.display_feed === "boolean"
            ? replaces.wire.display_feed
            : undefined,
          instagram_id: type === "instagram" && replaces.wire.instagram_id ? replaces.wire.instagram_id : undefined
        })
        : {}
      const valueOf = urlTypes.has(type) ? { url: value } : { username: value }
      const service = type === "instant_message" ? { service: field.service } : {}
      return { record: { ...service, ...valueOf, ...carried, ...comment }, valueKey: key }
    }
    case "Email":
    case "Phone":
      return { record: {}, valueKey: undefined }
  }
}

/** A record as read, as Deskpro takes it back: without the `id` and `contact_type` it assigns. */
const asWritten = (raw: unknown): DeskproContactDataInput => {
  const { contact_type: _t, id: _i, ...rest } = (raw ?? {}) as Record<string, string | boolean>
  return rest
}

const contactDataInput = (draft: ContactDraft, current: Current | undefined) => {
  const read = current === undefined ? [] : recordsOf(current.wire, current.raw)
  const byId = new Map(read.flatMap((r) => (r.wire.id === undefined ? [] : [[String(r.wire.id), r] as const])))
  const lists = new Map<string, Array<DeskproContactDataInput>>()
  const origins = new Map<string, Array<RecordOrigin>>()
  const push = (type: string, record: DeskproContactDataInput, origin?: RecordOrigin) => {
    lists.set(type, [...(lists.get(type) ?? []), record])
    if (origin !== undefined) origins.set(type, [...(origins.get(type) ?? []), origin])
  }
  draft.fields.forEach((field, index) => {
    const type = typeOfField(field)
    if (type === undefined) return
    const { record, valueKey } = toRecord(field, type, field.id === undefined ? undefined : byId.get(field.id))
    push(type, record, { index, valueKey })
  })
  for (const record of read) if (toField(record) === undefined) push(record.type, asWritten(record.raw))
  const types = [...lists.keys()].sort((a, b) => typeRank(a) - typeRank(b))
  return {
    contact_data: Object.fromEntries(types.map((type) => [type, lists.get(type)!])),
    records: Object.fromEntries(types.map((type) => [type, origins.get(type) ?? []]))
  }
}

const phonesInput = (draft: ContactDraft, current: Current | undefined) => {
  const read = current?.wire.phone_numbers ?? []
  const used = new Set<number>()
  const phones = indexed(draft, "Phone").map(({ field }): DeskproPhoneInput => {
    const match = read.findIndex((p, i) => !used.has(i) && p.number === field.number && toPhone(p) !== undefined)
    if (match !== -1) used.add(match)
    const extension = match === -1 ? undefined : read[match]!.extension
    return withDefined({ number: field.number, label: field.label, extension: extension || undefined })
  })
  const unreadable = read.filter((p) => toPhone(p) === undefined).map((p) =>
    withDefined({
      number: p.number,
      label: p.label ?? undefined,
      extension: p.extension ?? undefined
    })
  )
  return [...phones, ...unreadable]
}

const emailsInput = (draft: ContactDraft, current: Current | undefined) => {
  const emails = indexed(draft, "Email")
  const primary = emails.find(({ field }) => field.preferred === true) ?? emails[0]
  const readable = current === undefined ? [] : toEmails(current.wire)
  const unreadable = current === undefined ? [] : emailsOf(current.wire).filter((_, i) => readable[i] === undefined)
  return {
    primary,
    emails: [...emails.map(({ field }) => field.address), ...unreadable],
    layout: emails.map(({ index }) => index)
  }
}

/**
 * The input for `draft`: `create` sends what the draft has; an update sends the parts in `scope`, each whole
 * (an absent name part as "", no organization as `null`, no primary email as `null`).
 */
export const toPersonInput = (
  draft: ContactDraft,
  mode: "create" | "update",
  scope: Scope = everything,
  current?: Current
): { readonly input: DeskproPersonInput; readonly layout: Layout } => {
  const create = mode === "create"
  const blank = (value: string | undefined) => (create ? value : value ?? "")
  const emails = emailsInput(draft, current)
  const phones = phonesInput(draft, current)
  const data = contactDataInput(draft, current)
  const input: DeskproPersonInput = withDefined({
    ...(scope.name
      ? {
        title_prefix: blank(draft.name.prefix),
        first_name: blank(draft.name.given),
        last_name: blank(draft.name.family)
      }
      : {}),
    ...(scope.organization
      ? {
        organization: create ? draft.organization.name : draft.organization.name ?? null,
        organization_position: blank(draft.organization.title)
      }
      : {}),
    ...(scope.emails && (!create || emails.emails.length > 0)
      ? { primary_email: emails.primary?.field.address ?? null, emails: emails.emails }
      : {}),
    ...(scope.phones && (!create || phones.length > 0) ? { phone_numbers: phones } : {}),
    ...(scope.contactData && (!create || Object.keys(data.contact_data).length > 0)
      ? { contact_data: data.contact_data }
      : {})
  })
  return {
    input,
    layout: {
      primary: emails.primary?.index,
      emails: emails.layout,
      phones: indexed(draft, "Phone").map((p) => p.index),
      records: data.records
    }
  }
}
