/**
 * The fields of a contact as a vendor returns them: each field admitted or rejected in input
 * order (a kind it cannot write, a service it does not know, a broken value rule, a duplicate,
 * one too many), then the counts it requires, one preferred field per kind, and its order.
 */
import type { Capabilities } from "./Capabilities.ts"
import type { ContactField, FieldKind } from "./ContactField.ts"
import { fieldKinds } from "./ContactField.ts"
import { orderFields } from "./ProjectionFieldOrder.ts"
import { flatten } from "./ProjectionFlatten.ts"
import { singlePreferred } from "./ProjectionSinglePreferred.ts"
import { uniqueKey } from "./ProjectionUniqueKey.ts"
import { valueIssues } from "./ProjectionValueIssues.ts"
import { type Kept, type Path, quoteList, reject, type Rule, type Walk } from "./ProjectionWalk.ts"

/** The fields the vendor would return, each with its index among the input's; the rest lost or rejected. */
export const projectFields = (
  capabilities: Capabilities,
  fields: ReadonlyArray<ContactField>,
  walk: Walk
): ReadonlyArray<Kept> => {
  const vendor = capabilities.vendor
  const kept: Array<Kept> = []
  const seen = new Map<string, number>()
  const counts = new Map<FieldKind, number>()
  fields.forEach((field, index) => {
    const path: Path = ["fields", index]
    const rule = capabilities.fields[field._tag] as Rule
    if (!rule.writable) return reject(walk, path, `${vendor} cannot store ${field._tag} fields`, "Unsupported")
    if (field._tag === "OnlineService" && rule.services !== undefined && !rule.services.includes(field.service)) {
      const message = `${vendor} does not support the service ${JSON.stringify(field.service)}` +
        (rule.services.length > 0 ? ` (only ${quoteList(rule.services)})` : "")
      return reject(walk, [...path, "service"], message, "Unsupported")
    }
    const [flat, refused] = flatten(vendor, rule, field, path, walk)
    const issues = [...refused, ...valueIssues(vendor, rule, flat, path)]
    if (issues.length > 0) return issues.forEach((i) => reject(walk, i.path, i.message, "InvalidContact"))
    if (rule.uniqueBy !== undefined) {
      const unique = uniqueKey(rule, flat)
      const key = `${field._tag}\u0000${unique}`
      const first = seen.get(key)
      if (first !== undefined) {
        const message = rule.uniqueBy === "context"
          ? `${vendor} keeps one ${field._tag} per context, and fields[${first}] has the same context`
          : rule.uniqueBy === "type"
          ? `${vendor} keeps one ${field._tag} per type, and fields[${first}] is also of type ${JSON.stringify(unique)}`
          : `${vendor} keeps each ${field._tag} once, and fields[${first}] has the same value`
        return reject(walk, path, message, "Unsupported")
      }
      seen.set(key, index)
    }
    const count = (counts.get(field._tag) ?? 0) + 1
    if (rule.maxCount !== undefined && count > rule.maxCount) {
      return reject(walk, path, `${vendor} keeps at most ${rule.maxCount} ${field._tag} fields`, "Unsupported")
    }
    counts.set(field._tag, count)
    if (!rule.readable) {
      walk.losses.push({ path, message: `${vendor} stores ${field._tag} fields but never returns them` })
      return
    }
    kept.push({ field: flat, origin: index })
  })
  for (const kind of fieldKinds) {
    const min = capabilities.fields[kind].minCount ?? 0
    if ((counts.get(kind) ?? 0) < min) {
      reject(
        walk,
        ["fields"],
        `${vendor} needs at least ${min} ${kind} field${min === 1 ? "" : "s"}`,
        "InvalidContact",
        false
      )
    }
  }
  return orderFields(capabilities, singlePreferred(capabilities, kept, walk))
}
