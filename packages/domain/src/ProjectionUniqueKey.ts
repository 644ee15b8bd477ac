/**
 * The `uniqueBy` rule's key: what two fields of one kind may not share — the context, the
 * vendor's own type (`typeOf`), or the value itself (e-mails case-insensitively, phones by E.164).
 */
import type { ContactField } from "./ContactField.ts"
import type { Rule } from "./ProjectionWalk.ts"

/** What two fields of one kind may not share under `uniqueBy`. */
export const uniqueKey = (rule: Rule, field: ContactField): string => {
  if (rule.uniqueBy === "context") return field.context ?? ""
  if (rule.uniqueBy === "type") return (rule.typeOf as ((f: ContactField) => string) | undefined)?.(field) ?? ""
  switch (field._tag) {
    case "Email":
      return field.address.toLowerCase()
    case "Phone":
      return field.e164 ?? field.number
    case "Address":
      return JSON.stringify([
        field.street,
        field.locality,
        field.region,
        field.postcode,
        field.country,
        field.countryCode
      ])
    case "OnlineService":
      return JSON.stringify([field.service, field.user, field.uri])
    case "Link":
      return field.uri
  }
}
