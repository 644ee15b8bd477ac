/**
 * What a Deskpro Legacy helpdesk can hold, as data (see DeskproLegacyMapping for the table).
 *
 * - Names: the server keeps one `name`, trimmed, runs of spaces collapsed, and splits it at its last space into
 *   `first_name` and `last_name`; given and family are what comes back (`normalizeParts`). A name is required.
 * - Organisation: its name (found or created by name) and the person's position there, kept only with a name.
 * - E-mails: at least one (a person cannot be created without one, nor lose its last), each address once, in
 *   lower case, as the server's own syntax check allows; the primary is the one preferred e-mail.
 * - Contact data: no contexts, one comment (the label, trimmed when the server reads it), one type per phone
 *   (mobile or fax, else a plain phone), no country code on an address, one value per online service, and a
 *   website always with a scheme (`http://` is put in front otherwise).
 */
import type { Capabilities, ContactField, FieldRule, Issue, Name, Normalize, Organization } from "@contactkit/domain"
import { fieldOrder, nameText, phpEmpty, phpTrim, storedName, vendor } from "./DeskproLegacyMapping.ts"

/** The server reads a comment through its `str` cleaner: trimmed, and a blank one is no comment. */
const trimLabel = <F extends ContactField>(field: F): { field: F; losses: Array<Issue> } => {
  if (field.label === undefined) return { field, losses: [] }
  const label = phpTrim(field.label)
  if (label === field.label) return { field, losses: [] }
  const { label: _, ...rest } = field
  const losses = [{ path: ["label"], message: "Deskpro Legacy trims a comment" }]
  return { field: (label === "" ? rest : { ...rest, label }) as F, losses }
}

// `Orb\Validator\StringEmail`: an ASCII local part, and a host name that ends in a letter (or an IPv4 address).
const localPart = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/iu
const hostName =
  /^(?:(?:(?:(?:[a-zA-Z0-9][-a-zA-Z0-9]*)?[a-zA-Z0-9])[.])*(?:[a-zA-Z][-a-zA-Z0-9]*[a-zA-Z0-9]|[a-zA-Z]))$/u
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$/u

export const isDeskproEmail = (address: string): boolean => {
  const at = address.indexOf("@")
  if (at < 1) return false
  const domain = address.slice(at + 1)
  return localPart.test(address.slice(0, at)) && (hostName.test(domain) || ipv4.test(domain))
}

const normalizeEmail: Normalize<"Email"> = (email) => {
  const { field, losses } = trimLabel(email)
  const lower = field.address.toLowerCase()
  const cased = lower === field.address
    ? { field, losses }
    : {
      field: { ...field, address: lower },
      losses: [...losses, { path: ["address"], message: "Deskpro Legacy stores e-mail addresses in lower case" }]
    }
  return isDeskproEmail(lower)
    ? cased
    : {
      ...cased,
      rejected: [{ path: ["address"], message: "is not an e-mail address Deskpro Legacy accepts (ASCII, a host name)" }]
    }
}

const normalizePhone: Normalize<"Phone"> = (phone) => {
  const { field, losses } = trimLabel(phone)
  const { features, ...rest } = field
  if (features === undefined) return { field, losses }
  // One type per number: fax, else mobile.
  const kept = features.includes("fax") ? ["fax" as const] : features.includes("mobile") ? ["mobile" as const] : []
  const dropped = features.length > kept.length
    ? [{ path: ["features"], message: "Deskpro Legacy keeps one type per phone number: fax, else mobile" }]
    : []
  return { field: kept.length === 0 ? rest : { ...rest, features: kept }, losses: [...losses, ...dropped] }
}

const normalizeAddress: Normalize<"Address"> = (address) => {
  const { field, losses } = trimLabel(address)
  const parts = [field.street, field.locality, field.region, field.postcode, field.country]
  // PHP reads "0" as empty: an address of nothing but "0"s fills no column, and the server stores nothing.
  return parts.every(phpEmpty) && parts.some((part) => part !== undefined)
    ? {
      field,
      losses,
      rejected: [{ path: [], message: "Deskpro Legacy stores nothing of an address whose parts are all \"0\"" }]
    }
    : { field, losses }
}

const omit = <F extends object, K extends keyof F>(field: F, key: K): Omit<F, K> => {
  const { [key]: _, ...rest } = field
  return rest
}

const normalizeOnlineService: Normalize<"OnlineService"> = (service) => {
  const { field, losses } = trimLabel(service)
  const profile = field.service === "facebook" || field.service === "linkedin"
  if (profile && field.uri !== undefined && field.user !== undefined) {
    return {
      field: omit(field, "user"),
      losses: [...losses, { path: ["user"], message: "Deskpro Legacy keeps a profile URL, not a user name beside it" }]
    }
  }
  if (!profile || field.uri === undefined) {
    return field.uri === undefined ? { field, losses } : {
      field: omit(field, "uri"),
      losses: [...losses, { path: ["uri"], message: "Deskpro Legacy keeps the user name of this service, not a URI" }]
    }
  }
  return { field, losses }
}

const normalizeLink: Normalize<"Link"> = (link) => {
  const { field, losses } = trimLabel(link)
  const withKind = field.kind === undefined ? { ...field, kind: "website" as const } : field
  // The website handler puts http:// in front of anything without `scheme://` (mailto:, tel:…).
  return /^(.*?):\/\//u.test(withKind.uri) ? { field: withKind, losses } : {
    field: { ...withKind, uri: `http://${withKind.uri}` },
    losses: [...losses, { path: ["uri"], message: "Deskpro Legacy puts http:// in front of a URL without scheme://" }]
  }
}

const common = {
  readable: true,
  writable: true,
  contexts: [],
  labels: { _tag: "Free", maxLength: 255 },
  preferred: false,
  fieldIds: true
} as const

const email: FieldRule<"Email"> = {
  ...common,
  keeps: ["address"],
  requires: ["address"],
  maxLength: 255,
  minCount: 1,
  uniqueBy: "value",
  preferred: true,
  singlePreferred: true,
  normalize: normalizeEmail,
  note: "e-mail records of their own, at least one, lower case; the primary ↔ preferred; comment ↔ label"
}
const phone: FieldRule<"Phone"> = {
  ...common,
  keeps: ["number", "e164", "features"],
  requires: ["number"],
  features: ["mobile", "fax"],
  normalize: normalizePhone,
  note: "a `phone` record whose data.type is phone, mobile or fax; comment ↔ label"
}
const address: FieldRule<"Address"> = {
  ...common,
  keeps: ["street", "locality", "region", "postcode", "country"],
  requiresOneOf: ["street", "locality", "region", "postcode", "country"],
  normalize: normalizeAddress,
  note: "an `address` record (address, city, state, zip, country); no country code"
}
const onlineService: FieldRule<"OnlineService"> = {
  ...common,
  keeps: ["service", "user", "uri"],
  requires: ["service"],
  normalize: normalizeOnlineService,
  note: "skype and twitter handles, facebook and linked_in profile URLs, any other service as instant_message"
}
const link: FieldRule<"Link"> = {
  ...common,
  keeps: ["uri", "kind"],
  requires: ["uri"],
  linkKinds: ["website"],
  normalize: normalizeLink,
  note: "a `website` record; http:// put in front of a URL without a scheme"
}

const trimmedPart = (value: string | undefined) => {
  const text = value === undefined ? "" : phpTrim(value)
  return text === "" ? undefined : text
}

/** The name and organisation as the server gives them back (see the header). */
const normalizeParts = (parts: { readonly name: Name; readonly organization: Organization }) => {
  const { family, full, given, ...others } = parts.name
  const stored = storedName(nameText(parts.name))
  const losses: Array<Issue> = []
  if (full !== undefined) {
    const message = given === undefined && family === undefined
      ? "Deskpro Legacy splits the name at its last space into given and family"
      : "Deskpro Legacy keeps given and family, not a full name beside them"
    losses.push({ path: ["name", "full"], message })
  }
  for (const [key, before] of [["given", given], ["family", family]] as const) {
    if (before !== undefined && before !== stored[key]) {
      losses.push({ path: ["name", key], message: "Deskpro Legacy stores one name and splits it at its last space" })
    }
  }
  const organizationName = trimmedPart(parts.organization.name)
  const title = trimmedPart(parts.organization.title)
  const organization: Organization = {
    ...omit(omit(parts.organization, "name"), "title"),
    ...(organizationName === undefined ? {} : { name: organizationName }),
    ...(organizationName === undefined || title === undefined ? {} : { title })
  }
  if (parts.organization.name !== undefined && parts.organization.name !== organizationName) {
    losses.push({ path: ["organization", "name"], message: "Deskpro Legacy trims the organization's name" })
  }
  if (parts.organization.title !== undefined && parts.organization.title !== organization.title) {
    losses.push({
      path: ["organization", "title"],
      message: "Deskpro Legacy keeps a position only at an organization, trimmed"
    })
  }
  return { name: { ...others, ...stored }, organization, losses }
}

export const capabilities: Capabilities = {
  vendor,
  kinds: ["individual"],
  name: ["given", "family"],
  requiredName: ["given"],
  normalizeParts,
  organization: ["name", "title"],
  fields: { Email: email, Phone: phone, Address: address, OnlineService: onlineService, Link: link },
  fieldOrder,
  update: "patch",
  dedupeOnCreate: false,
  remove: true,
  fieldOperations: "native"
}
