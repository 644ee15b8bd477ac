/**
 * What a vCard (as contactkit writes and reads it) can hold, declared as Capabilities so `project` says exactly
 * what survives `fromVCard(toVCard(c))` — the round-trip property is stated against it — and an import of a card
 * into a vendor is reported by the same rules as any other write.
 *
 * vCard holds every name and organisation part, both kinds, every field kind with its context, label (through
 * the `itemN.X-ABLabel` grouping address-book apps use), preference and phone features. It does not hold the
 * vendors' field ids, nor a separate E.164 form (it is derived from the number again on the way back).
 */
import { type Capabilities, lossless } from "@contactkit/domain"

const withoutIds = <R extends { readonly fieldIds: boolean }>(rule: R): R => ({ ...rule, fieldIds: false })

export const vcardCapabilities: Capabilities = {
  ...lossless,
  vendor: "vCard",
  fields: {
    Email: withoutIds(lossless.fields.Email),
    Phone: {
      ...withoutIds(lossless.fields.Phone),
      keeps: ["number", "features"],
      // TYPE says which features a number has; "none" and "not said" are the same card.
      normalize: (field) => {
        if (field.features === undefined || field.features.length > 0) return { field, losses: [] }
        const { features: _, ...rest } = field
        return { field: rest, losses: [] }
      }
    },
    Address: withoutIds(lossless.fields.Address),
    OnlineService: withoutIds(lossless.fields.OnlineService),
    Link: withoutIds(lossless.fields.Link)
  }
}
