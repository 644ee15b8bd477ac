/**
 * The `fieldOrder` and `serviceOrder` rules: a vendor that stores fields in typed arrays returns
 * them grouped by kind, and its online services grouped within their kind.
 */
import type { Capabilities } from "./Capabilities.ts"
import type { Kept } from "./ProjectionWalk.ts"

/** The kept fields in the order the vendor returns them; the input's order when it declares none. */
export const orderFields = (capabilities: Capabilities, kept: ReadonlyArray<Kept>): ReadonlyArray<Kept> => {
  const order = capabilities.fieldOrder
  if (order === undefined) return kept
  const groups = capabilities.serviceOrder ?? []
  // Each kind owns a band of ranks, one per service group plus one for whatever is in no group.
  const band = groups.length + 1
  const rank = ({ field }: Kept) => {
    const kind = order.includes(field._tag) ? order.indexOf(field._tag) : order.length
    const group = field._tag === "OnlineService" ? groups.findIndex((services) => services.includes(field.service)) : -1
    return kind * band + (group === -1 ? groups.length : group)
  }
  // Array.prototype.sort is stable, so fields keep the input's order within a group.
  return [...kept].sort((a, b) => rank(a) - rank(b))
}
