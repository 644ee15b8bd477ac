/**
 * What Phone.com can hold: the name and organisation columns of ContactFull, at most 2 emails
 * and 5 phones, addresses, no labels, no online services or links; PUT replaces the whole
 * contact, so updates and field operations are read-modify-write.
 *
 * Phone.com keeps one `type` per phone where the domain has a context and features; the
 * `normalize` hooks flatten a field to what that single `type` can say (see PhonecomMapping).
 */
import { type Capabilities, type Issue, unsupportedField } from "@contactkit/domain"
import { fromPhoneType, toAddressType, toPhoneType } from "./PhonecomMapping.ts"

export const capabilities: Capabilities = {
  vendor: "phonecom",
  kinds: ["individual"],
  name: [
    "prefix",
    "given",
    "middle",
    "family",
    "suffix",
    "nickname",
    "phoneticGiven",
    "phoneticMiddle",
    "phoneticFamily"
  ],
  organization: ["name", "department", "title"],
  fields: {
    Email: {
      readable: true,
      writable: true,
      maxCount: 2,
      keeps: ["address"],
      requires: ["address"],
      contexts: [],
      labels: { _tag: "None" },
      // `primary` ↔ preferred; `alternate` reads back as not preferred, so `false` is the same as absent.
      preferred: true,
      fieldIds: false,
      note: "type primary ↔ preferred, every other e-mail is alternate",
      normalize: (field) => {
        if (field.preferred === true || field.preferred === undefined) return { field, losses: [] }
        const { preferred: _, ...rest } = field
        return { field: rest, losses: [] }
      }
    },
    Phone: {
      readable: true,
      writable: true,
      maxCount: 5,
      keeps: ["number", "e164", "features"],
      requires: ["number"],
      contexts: ["home", "work"],
      labels: { _tag: "None" },
      preferred: false,
      fieldIds: false,
      features: ["mobile", "fax", "pager"],
      note: "one type per number — home, business (work), mobile, fax, pager — which context and features give way to",
      normalize: (field) => {
        const { context: _c, features: _f, ...rest } = field
        const flat = { ...rest, ...fromPhoneType(toPhoneType(field)) }
        const losses: Array<Issue> = []
        if (field.context !== undefined && field.context !== flat.context) {
          losses.push({ path: ["context"], message: "phonecom keeps one phone type: the context gives way to it" })
        }
        const kept = flat.features ?? []
        if ((field.features ?? []).some((f) => !kept.includes(f))) {
          losses.push({ path: ["features"], message: "phonecom keeps one phone type: mobile, fax or pager" })
        }
        return { field: flat, losses }
      }
    },
    Address: {
      readable: true,
      writable: true,
      keeps: ["street", "locality", "region", "postcode", "country"],
      contexts: ["home", "work"],
      labels: { _tag: "None" },
      preferred: false,
      fieldIds: false,
      // Every address has a type (default home), so one without a context reads back as home.
      note: "type home or business (work); no context reads back as home",
      normalize: (field) => ({
        field: { ...field, context: toAddressType(field) === "business" ? "work" : "home" },
        losses: []
      })
    },
    OnlineService: unsupportedField(),
    Link: unsupportedField()
  },
  fieldOrder: ["Email", "Phone", "Address"],
  update: "replace",
  dedupeOnCreate: false,
  remove: true,
  fieldOperations: "readModifyWrite"
}
