/**
 * What NGP VAN (NGP API v2 contacts) can hold, as the adapter writes it: individuals with first, middle, last name,
 * suffix and nickname (first and last name required — NGP's identification criterion for an INDIVIDUAL), employer
 * and occupation; emails, phones and addresses with **one field per NGP type**; one Facebook profile; no labels,
 * preferred flags or links. Creating deduplicates (a match answers "merged"); contacts cannot be deleted; updates
 * patch, and field operations read, change and write the whole contact.
 *
 * Each NGP type stands for a domain context (and a phone's features), so the `normalize` hooks flatten a field to
 * what its type can say and `typeOf` names the type, which is what "one per type" is about (NgpvanMapping).
 */
import { type Capabilities, type Issue, type Phone, unsupportedField } from "@contactkit/domain"
import { addressType, emailType, facebookUrl, fromAddressType, fromPhoneType, phoneType } from "./NgpvanMapping.ts"

/** NGP's text limit as the mock holds it (NGP publishes none). */
const maxText = 255

export const capabilities: Capabilities = {
  vendor: "ngpvan",
  kinds: ["individual"],
  name: ["given", "middle", "family", "suffix", "nickname"],
  requiredName: ["given", "family"],
  organization: ["name", "title"],
  fields: {
    Email: {
      readable: true,
      writable: true,
      maxLength: maxText,
      keeps: ["address"],
      requires: ["address"],
      contexts: ["home", "work"],
      labels: { _tag: "None" },
      preferred: false,
      fieldIds: false,
      uniqueBy: "type",
      typeOf: emailType,
      note: "one per type: MAIN (no context), PERSONAL (home), WORK (work)"
    },
    Phone: {
      readable: true,
      writable: true,
      maxLength: 64,
      keeps: ["number", "e164", "features"],
      requires: ["number"],
      requiresE164: true,
      contexts: ["home", "work"],
      labels: { _tag: "None" },
      preferred: false,
      fieldIds: false,
      features: ["mobile", "fax"],
      uniqueBy: "type",
      typeOf: phoneType,
      note: "one per type: HOME, WORK, MOBILE, FAX, MAIN — context and features give way to the type",
      normalize: (field) => {
        const { context: _c, features: _f, ...rest } = field
        const flat: Phone = { ...rest, ...fromPhoneType(phoneType(field)) }
        const losses: Array<Issue> = []
        if (field.context !== undefined && field.context !== flat.context) {
          losses.push({ path: ["context"], message: "ngpvan keeps one phone type: the context gives way to it" })
        }
        if ((field.features ?? []).some((f) => !(flat.features ?? []).includes(f))) {
          losses.push({ path: ["features"], message: "ngpvan keeps one phone type: mobile or fax" })
        }
        return { field: flat, losses }
      }
    },
    Address: {
      readable: true,
      writable: true,
      maxLength: maxText,
      keeps: ["street", "locality", "region", "postcode", "countryCode"],
      contexts: ["home", "work"],
      labels: { _tag: "None" },
      preferred: false,
      fieldIds: false,
      uniqueBy: "type",
      typeOf: addressType,
      // Every address has a type, so one without a context reads back as HOME.
      note: "one per type: HOME (home, or no context), WORK (work); up to three street lines",
      normalize: (field) => ({ field: { ...field, ...fromAddressType(addressType(field)) }, losses: [] })
    },
    OnlineService: {
      readable: true,
      writable: true,
      maxCount: 1,
      maxLength: maxText,
      keeps: ["service", "user", "uri"],
      requires: ["uri"],
      contexts: [],
      labels: { _tag: "None" },
      preferred: false,
      fieldIds: false,
      services: ["facebook"],
      note: "facebookProfileUrl: a handle becomes https://www.facebook.com/<handle>",
      normalize: (field) => {
        const uri = facebookUrl(field)
        const { user: _u, uri: _uri, ...rest } = field
        const losses: ReadonlyArray<Issue> = field.user === undefined
          ? []
          : [{ path: ["user"], message: "ngpvan keeps the profile URL, not the handle" }]
        return { field: uri === undefined ? rest : { ...rest, uri }, losses }
      }
    },
    Link: unsupportedField()
  },
  fieldOrder: ["Email", "Phone", "Address", "OnlineService"],
  update: "patch",
  dedupeOnCreate: true,
  remove: false,
  fieldOperations: "readModifyWrite"
}
