/**
 * What a Monica v4 account can hold, as data. Every field is one `data` string of at most 255
 * characters with a list of labels (see MonicaMapping for the table), so all kinds share the same
 * label, context and `preferred` rules; the normalisers below say the flattenings the generic
 * rules cannot.
 *
 * - Address: not supported. Monica v4 keeps addresses as their own resource tied to places
 *   (`/api/addresses`), not as contact fields; they stay readable in `remote`.
 * - Link and OnlineService types the account lacks (a default account has no Website type) are
 *   created on first use, as Monica's own settings page would (see MonicaFieldTypes).
 * - Names: Monica returns first, last and nickname; `middle_name` is written but never returned.
 * - Organisation: company and job title (`PUT /api/contacts/{id}/work`).
 */
import type { Capabilities, ContactField, FieldRule, Issue, Normalize } from "@contactkit/domain"
import { services, unsupportedField } from "@contactkit/domain"
import { keptFeatures, looksLikeUri, standardLabels } from "./MonicaMapping.ts"

export const maxValueLength = 255

const collides = (label: string) => (standardLabels as ReadonlyArray<string>).includes(label.toLowerCase())

/** A custom label spelled like a standard one ("Home") would be stored as that standard label. */
const dropCollidingLabel = <F extends ContactField>(field: F): { field: F; losses: Array<Issue> } => {
  if (field.label === undefined || !collides(field.label)) return { field, losses: [] }
  const { label: _, ...rest } = field
  return {
    field: rest as F,
    losses: [{ path: ["label"], message: `Monica reads the label "${field.label}" as its own standard label` }]
  }
}

const normalizeEmail: Normalize<"Email"> = dropCollidingLabel

const normalizePhone: Normalize<"Phone"> = (phone) => {
  const { field, losses } = dropCollidingLabel(phone)
  if (field.features === undefined) return { field, losses }
  const features = keptFeatures.filter((f) => field.features?.includes(f))
  const { features: _, ...rest } = field
  return { field: features.length > 0 ? { ...rest, features } : rest, losses }
}

const normalizeOnlineService: Normalize<"OnlineService"> = (service) => {
  // For `other`, the label names the Monica field type, so it is kept whatever it says.
  const { field, losses } = service.service === "other"
    ? { field: { ...service, label: service.label ?? "Other" }, losses: [] as Array<Issue> }
    : dropCollidingLabel(service)
  // Monica keeps one string per field: the user name when there is one, else the URI.
  const kept = field.user !== undefined && field.uri !== undefined
    ? {
      field: omit(field, "uri"),
      losses: [...losses, { path: ["uri"], message: "Monica keeps one value per field: the user name is kept" }]
    }
    : { field, losses }
  // Read back, a value shaped like a URI is a URI.
  const user = kept.field.user
  if (user !== undefined && looksLikeUri(user)) {
    return {
      field: { ...omit(kept.field, "user"), uri: user },
      losses: [...kept.losses, {
        path: ["user"],
        message: "Monica keeps one string: a user name shaped like a URI reads back as uri"
      }]
    }
  }
  return kept
}

const omit = <F extends object, K extends keyof F>(field: F, key: K): Omit<F, K> => {
  const { [key]: _, ...rest } = field
  return rest
}

const normalizeLink: Normalize<"Link"> = (link) => {
  const { field, losses } = dropCollidingLabel(link)
  return { field: field.kind === undefined ? { ...field, kind: "website" } : field, losses }
}

const common = {
  readable: true,
  writable: true,
  maxLength: maxValueLength,
  contexts: ["home", "work", "other"],
  labels: { _tag: "Free", maxLength: maxValueLength },
  preferred: true,
  fieldIds: true
} as const

const email: FieldRule<"Email"> = {
  ...common,
  keeps: ["address"],
  requires: ["address"],
  normalize: normalizeEmail,
  note: "labels home/work/other ↔ context, main ↔ preferred; a custom label spelled like a standard one is lost"
}
const phone: FieldRule<"Phone"> = {
  ...common,
  keeps: ["number", "e164", "features"],
  requires: ["number"],
  features: keptFeatures,
  normalize: normalizePhone,
  note: "labels cell/fax/pager ↔ features mobile/fax/pager, home/work/other ↔ context, main ↔ preferred"
}
const onlineService: FieldRule<"OnlineService"> = {
  ...common,
  keeps: ["service", "user", "uri"],
  requires: ["service"],
  services,
  normalize: normalizeOnlineService,
  note:
    "one value per field (the user name wins over a URI); `other` is an account's custom field type, named by the label"
}
const link: FieldRule<"Link"> = {
  ...common,
  keeps: ["uri", "kind"],
  requires: ["uri"],
  linkKinds: ["website", "blog"],
  note: "the Website or Blog field type (created in the account when missing)",
  normalize: normalizeLink
}

export const capabilities: Capabilities = {
  vendor: "monica",
  kinds: ["individual"],
  name: ["given", "family", "nickname"],
  requiredName: ["given"],
  nameMaxLength: 255,
  // Monica runs Laravel's TrimStrings and ConvertEmptyStringsToNull on every request.
  trimsText: true,
  organization: ["name", "title"],
  fields: {
    Email: email,
    Phone: phone,
    Address: unsupportedField<"Address">(),
    OnlineService: onlineService,
    Link: link
  },
  update: "replace",
  dedupeOnCreate: false,
  remove: true,
  fieldOperations: "native"
}
