/**
 * Capabilities in words: the one-line summary `contactkit vendors` prints, and the per-part table of what
 * survives a copy from one vendor to another (`contactkit fidelity`), both from Capabilities alone.
 */
import {
  type Capabilities,
  type FieldKind,
  fieldKinds,
  type FieldRule,
  type LabelRule,
  nameComponents,
  organizationComponents
} from "@contactkit/domain"

type Rule = FieldRule<FieldKind>
const rule = (capabilities: Capabilities, kind: FieldKind) => capabilities.fields[kind] as Rule

const labelText = (labels: LabelRule) =>
  labels._tag === "None"
    ? "no labels"
    : labels._tag === "Free"
    ? `labels ≤ ${labels.maxLength}`
    : `labels ${labels.values.join("/")}`

export const capabilitySummary = (c: Capabilities): string => {
  const held = fieldKinds.filter((kind) => rule(c, kind).writable)
  const notHeld = fieldKinds.filter((kind) => !rule(c, kind).writable)
  const fields = held.map((kind) => {
    const max = rule(c, kind).maxCount
    return max === undefined ? kind : `${kind} ≤ ${max}`
  })
  const labels = [...new Set(held.map((kind) => labelText(rule(c, kind).labels)))]
  const lostName = nameComponents.filter((part) => !c.name.includes(part))
  return [
    fields.join(", ") + (notHeld.length > 0 ? ` (no ${notHeld.join(", ")})` : ""),
    labels.join(" or "),
    c.kinds.length === 1 ? `${c.kinds[0]} contacts only` : "individuals and organizations",
    lostName.length > 0 ? `no name ${lostName.join(", ")}` : "every name part",
    c.update === "replace" ? "updates replace the whole contact" : "updates patch",
    ...(c.dedupeOnCreate ? ["merges duplicates on create"] : []),
    ...(c.remove ? [] : ["no delete"])
  ].join("; ")
}

const minus = <A>(a: ReadonlyArray<A>, b: ReadonlyArray<A>) => a.filter((x) => !b.includes(x))
const list = <A>(values: ReadonlyArray<A>) => values.join(", ")

/** What of one field kind survives `from` → `to`; each entry a short clause. */
const fieldFidelity = (from: Capabilities, to: Capabilities, kind: FieldKind): string => {
  const a = rule(from, kind)
  const b = rule(to, kind)
  if (!a.readable) return `${from.vendor} has none to give`
  if (!b.writable) return `lost: ${to.vendor} cannot store ${kind} fields`
  if (!b.readable) return `lost: ${to.vendor} stores them but never returns them`
  const clauses: Array<string> = []
  const keys = a.keeps as ReadonlyArray<string>
  const kept = keys.filter((key) => (b.keeps as ReadonlyArray<string>).includes(key))
  clauses.push(`kept: ${list(kept) || "the value"}`)
  const lost: Array<string> = minus(keys, kept)
  if (a.maxCount !== b.maxCount && b.maxCount !== undefined && (a.maxCount ?? Infinity) > b.maxCount) {
    lost.push(`every one after the first ${b.maxCount}`)
  }
  const contexts = minus(a.contexts, b.contexts)
  if (contexts.length > 0) lost.push(`context ${list(contexts)}`)
  if (a.labels._tag !== "None") {
    if (b.labels._tag === "None") lost.push("labels")
    else if (b.labels._tag === "Enum") lost.push(`labels other than ${b.labels.values.join("/")}`)
    else if (a.labels._tag === "Free" && a.labels.maxLength > b.labels.maxLength) {
      lost.push(`labels longer than ${b.labels.maxLength}`)
    }
  }
  if (a.preferred && !b.preferred) lost.push("which one is preferred")
  const features = minus(a.features ?? [], b.features ?? [])
  if (kind === "Phone" && features.length > 0) lost.push(`features ${list(features)}`)
  const linkKinds = minus(a.linkKinds ?? [], b.linkKinds ?? a.linkKinds ?? [])
  if (linkKinds.length > 0) lost.push(`link kinds ${list(linkKinds)}`)
  if (b.services !== undefined) {
    const refused = a.services === undefined ? ["any other"] : minus(a.services, b.services)
    if (refused.length > 0) lost.push(`services ${list(refused)} (refused; only ${list(b.services)})`)
  }
  if (b.maxLength !== undefined && (a.maxLength ?? Infinity) > b.maxLength) {
    lost.push(`values over ${b.maxLength} chars (refused)`)
  }
  if (b.requiresE164 === true && a.requiresE164 !== true) lost.push("numbers without an E.164 form (refused)")
  if (b.uniqueBy !== undefined && a.uniqueBy !== b.uniqueBy) {
    lost.push(`a second one with the same ${b.uniqueBy} (refused)`)
  }
  clauses.push(lost.length > 0 ? `lost: ${list(lost)}` : "nothing lost")
  if (b.note !== undefined) clauses.push(`(${to.vendor}: ${b.note})`)
  return clauses.join("; ")
}

/** One line per part of a contact: the kind, name, organisation, then each field kind. */
export const fidelityLines = (from: Capabilities, to: Capabilities): ReadonlyArray<string> => {
  const parts = (all: ReadonlyArray<string>, a: ReadonlyArray<string>, b: ReadonlyArray<string>) => {
    const kept = a.filter((x) => b.includes(x))
    const lost = minus(a, b)
    return `kept: ${list(kept) || "nothing"}; ${lost.length > 0 ? `lost: ${list(lost)}` : "nothing lost"}` +
      (all.length > a.length ? ` (${from.vendor} has no ${list(minus(all, a))})` : "")
  }
  const kinds = minus(from.kinds, to.kinds)
  const rows: Array<[string, string]> = [
    ["kind", kinds.length === 0 ? "kept" : `${list(kinds)} stored as ${to.kinds[0]}`],
    ["name", parts(nameComponents, from.name, to.name)],
    ["organization", parts(organizationComponents, from.organization, to.organization)],
    ...fieldKinds.map((kind): [string, string] => [kind, fieldFidelity(from, to, kind)])
  ]
  const width = Math.max(...rows.map(([part]) => part.length))
  return [
    `${from.vendor} → ${to.vendor}, from Capabilities alone:`,
    ...rows.map(([p, t]) => `  ${p.padEnd(width)}  ${t}`)
  ]
}
