/**
 * The generic rules of one field: which of its values, label, context, `preferred`, phone
 * features, link kind and E.164 form a vendor keeps, then the vendor's own `normalize`. What is
 * not kept is a loss; what `normalize` refuses is returned for the caller to reject.
 */
import type { Issue } from "./ContactError.ts"
import type { ContactField } from "./ContactField.ts"
import { defaultRegion, toE164 } from "./PhoneNumber.ts"
import { commonKeys, structuralKeys } from "./ProjectionKeys.ts"
import { type Mutable, type Path, quoteList, type Rule, type Walk } from "./ProjectionWalk.ts"

/** The field as the vendor keeps it, and the issues (at domain paths) for which its `normalize` refuses it. */
export const flatten = (
  vendor: string,
  rule: Rule,
  field: ContactField,
  path: Path,
  walk: Walk
): readonly [ContactField, ReadonlyArray<Issue>] => {
  const out: Mutable = { _tag: field._tag }
  const lose = (key: string, message: string) => walk.losses.push({ path: [...path, key], message })
  if (field.id !== undefined && rule.fieldIds) out.id = field.id
  const keeps = rule.keeps as ReadonlyArray<string>
  for (const [key, value] of Object.entries(field)) {
    if (commonKeys.has(key) || key === "e164" || value === undefined) continue
    if (!keeps.includes(key) && !structuralKeys[field._tag].includes(key)) {
      if (Array.isArray(value) && value.length === 0) continue
      lose(key, `${vendor} does not keep ${key}`)
      continue
    }
    if (key === "features" && rule.features !== undefined) {
      const features = value as ReadonlyArray<string>
      const dropped = features.filter((f) => !(rule.features as ReadonlyArray<string>).includes(f))
      if (dropped.length > 0) lose(key, `${vendor} does not keep the phone features ${quoteList(dropped)}`)
      out[key] = features.filter((f) => !dropped.includes(f))
    } else if (key === "kind" && rule.linkKinds !== undefined && !rule.linkKinds.includes(value as never)) {
      lose(key, `${vendor} does not keep the link kind ${JSON.stringify(value)}`)
    } else {
      out[key] = value
    }
  }
  if (field._tag === "Phone") {
    // E.164 is derived from the number on the way back, so only a differing given form is a loss.
    const e164 = keeps.includes("e164") && field.e164 !== undefined ? field.e164 : toE164(field.number, defaultRegion)
    if (e164 !== undefined) out.e164 = e164
    if (field.e164 !== undefined && field.e164 !== e164) {
      lose("e164", `${vendor} derives E.164 from the number itself`)
    }
  }
  if (field.label !== undefined) {
    const labels = rule.labels
    if (labels._tag === "None") lose("label", `${vendor} keeps no labels`)
    else if (labels._tag === "Free") {
      if (field.label.length <= labels.maxLength) out.label = field.label
      else lose("label", `${vendor} keeps labels of at most ${labels.maxLength} characters`)
    } else {
      const canonical = labels.values.find((v) => v.toLowerCase() === field.label?.toLowerCase())
      if (canonical !== undefined) out.label = canonical
      else lose("label", `${vendor} keeps only the labels ${quoteList(labels.values)}`)
    }
  }
  if (field.context !== undefined) {
    if (rule.contexts.includes(field.context)) out.context = field.context
    else lose("context", `${vendor} does not keep the context ${JSON.stringify(field.context)}`)
  }
  // `preferred: false` says no more than leaving it out, so what comes back is `true` or nothing.
  if (field.preferred === true) {
    if (rule.preferred) out.preferred = true
    else lose("preferred", `${vendor} does not keep which field is preferred`)
  }
  const flat = out as ContactField
  if (rule.normalize === undefined) return [flat, []]
  const normalized = (rule.normalize as (f: ContactField) => ReturnType<NonNullable<Rule["normalize"]>>)(flat)
  for (const loss of normalized.losses) walk.losses.push({ path: [...path, ...loss.path], message: loss.message })
  const refused = (normalized.rejected ?? []).map((issue) => ({
    path: [...path, ...issue.path],
    message: issue.message
  }))
  return [normalized.field, refused]
}
