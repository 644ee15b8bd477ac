/**
 * What a Deskpro v2 helpdesk can hold of a contact, as data (see DeskproMapping for the table).
 *
 * - Kept: name prefix, given and family name; organization name and position; every email (the primary one is
 *   the one preferred email, and a person with emails always has one); phones with a label; addresses (street,
 *   city, state, zip) with a label; websites; online services Deskpro has a type for, with a label.
 * - Lost: the other name parts (`name` is derived), department and role, every context, phone features, email
 *   labels, `preferred` on anything but emails, an address's country, a link's kind (every link is a website),
 *   and of a service's `user` and `uri` the one Deskpro's single value does not take.
 * - Refused: yim and telegram (no Deskpro type), an address with none of street, city, state and zip, a service
 *   with neither user nor uri, a repeated email, names over 255 characters.
 * - A PUT changes only what it is sent (`update: "patch"`); field operations rewrite the one list they touch.
 *   Contact-data records keep ids (`fieldIds`), new ones each time their list is rewritten; emails and phones
 *   have none and are addressed by index.
 */
import type { Capabilities, Issue, Normalize } from "@contactkit/domain"
import { uriPattern } from "@contactkit/domain"
import { instantMessageServices, typeOfService, urlTypes } from "./DeskproMapping.ts"

const noContext = { contexts: [], preferred: false } as const
const label = { _tag: "Free", maxLength: 255 } as const

const omit = <F extends object, K extends keyof F>(field: F, key: K): Omit<F, K> => {
  const { [key]: _, ...rest } = field
  return rest
}

/** One string per record: `url` types keep the URI over the user name, the others the user name over the URI. */
const normalizeService: Normalize<"OnlineService"> = (field) => {
  const losses: Array<Issue> = []
  const prefersUri = urlTypes.has(typeOfService(field.service) ?? "")
  let kept = field
  if (field.user !== undefined && field.uri !== undefined) {
    const dropped = prefersUri ? "user" : "uri"
    kept = omit(field, dropped) as typeof field
    losses.push({ path: [dropped], message: `deskpro keeps one value per ${field.service} record` })
  }
  if (kept.user !== undefined && uriPattern.test(kept.user)) {
    losses.push({
      path: ["user"],
      message: "deskpro keeps one string: a user name shaped like a URI reads back as uri"
    })
    kept = { ...omit(kept, "user"), uri: kept.user } as typeof field
  }
  return { field: kept, losses }
}

export const capabilities: Capabilities = {
  vendor: "deskpro",
  kinds: ["individual"],
  name: ["prefix", "given", "family"],
  nameMaxLength: 255,
  organization: ["name", "title"],
  fields: {
    Email: {
      readable: true,
      writable: true,
      keeps: ["address"],
      requires: ["address"],
      contexts: [],
      labels: { _tag: "None" },
      preferred: true,
      singlePreferred: true,
      fieldIds: false,
      uniqueBy: "value",
      note: "primary_email ↔ preferred (always one when there are emails); no labels; unique in the helpdesk"
    },
    Phone: {
      readable: true,
      writable: true,
      ...noContext,
      keeps: ["number", "e164"],
      requires: ["number"],
      labels: label,
      features: [],
      fieldIds: false,
      note: "number as entered with a label; the extension is kept in remote"
    },
    Address: {
      readable: true,
      writable: true,
      ...noContext,
      keeps: ["street", "locality", "region", "postcode"],
      requiresOneOf: ["street", "locality", "region", "postcode"],
      labels: label,
      fieldIds: true,
      note: "contact_data.address {address, city, state, zip}; no country"
    },
    OnlineService: {
      readable: true,
      writable: true,
      ...noContext,
      keeps: ["service", "user", "uri"],
      requires: ["service"],
      requiresOneOf: ["user", "uri"],
      services: ["twitter", ...instantMessageServices, "linkedin", "facebook", "apple", "trustpilot", "instagram"],
      labels: label,
      fieldIds: true,
      normalize: normalizeService,
      note:
        "instant_message (whatsapp…other), twitter, linked_in, facebook, apple, trust_pilot, instagram: one value each"
    },
    Link: {
      readable: true,
      writable: true,
      ...noContext,
      keeps: ["uri", "kind"],
      requires: ["uri"],
      linkKinds: ["website"],
      labels: label,
      fieldIds: true,
      normalize: (field) => ({ field: { ...field, kind: "website" }, losses: [] }),
      note: "contact_data.website: every link is a website"
    }
  },
  fieldOrder: ["Email", "Phone", "Address", "Link", "OnlineService"],
  // Deskpro keeps each contact-data type apart: instant messages, then each service type in the KB's order.
  serviceOrder: [instantMessageServices, ["twitter"], ["linkedin"], ["facebook"], ["apple"], ["trustpilot"], [
    "instagram"
  ]],
  update: "patch",
  dedupeOnCreate: false,
  remove: true,
  fieldOperations: "readModifyWrite"
}
