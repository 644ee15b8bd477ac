/**
 * The `singlePreferred` rule: a vendor with one primary field per kind returns exactly one of
 * them as preferred, so the first field marked preferred keeps it, else the first field gets it.
 */
import type { Capabilities } from "./Capabilities.ts"
import type { ContactField, FieldKind } from "./ContactField.ts"
import type { Kept, Rule, Walk } from "./ProjectionWalk.ts"

/** `singlePreferred` kinds: the first field marked preferred keeps it, else the first field gets it. */
export const singlePreferred = (capabilities: Capabilities, kept: ReadonlyArray<Kept>, walk: Walk): Array<Kept> => {
  const out = [...kept]
  for (const kind of Object.keys(capabilities.fields) as Array<FieldKind>) {
    const rule = capabilities.fields[kind] as Rule
    if (rule.singlePreferred !== true || !rule.preferred) continue
    const indexes = out.flatMap((k, i) => (k.field._tag === kind ? [i] : []))
    const winner = indexes.find((i) => out[i]!.field.preferred === true) ?? indexes[0]
    for (const i of indexes) {
      const { field, origin } = out[i]!
      if (i === winner) out[i] = { field: { ...field, preferred: true }, origin }
      else if (field.preferred === true) {
        const { preferred: _, ...rest } = field
        out[i] = { field: rest as ContactField, origin }
        const message = `${capabilities.vendor} keeps one preferred ${kind}`
        walk.losses.push({ path: ["fields", origin, "preferred"], message })
      }
    }
  }
  return out
}
