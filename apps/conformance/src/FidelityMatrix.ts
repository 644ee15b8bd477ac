/**
 * The field × vendor fidelity matrix, rendered from each vendor's declared Capabilities: for
 * every field kind and for names, what the vendor keeps, rejects and loses. The same table
 * goes into `reports/conformance.md` and, by hand, into `docs/unification.md`.
 */
import { type Capabilities, type FieldKind, fieldKinds, type FieldRule } from "@contactkit/domain"
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"

const list = (values: ReadonlyArray<string>) => values.length === 0 ? "none" : values.join(", ")

const cell = (rule: FieldRule<FieldKind>): string => {
  if (!rule.readable && !rule.writable) return "✗ not held"
  const parts: Array<string> = [rule.writable ? "read/write" : "read only"]
  if (rule.maxCount !== undefined) parts.push(`≤ ${rule.maxCount}`)
  if (rule.maxLength !== undefined) parts.push(`value ≤ ${rule.maxLength} chars`)
  parts.push(`keeps ${list(rule.keeps as ReadonlyArray<string>)}`)
  parts.push(`contexts ${list(rule.contexts)}`)
  parts.push(
    rule.labels._tag === "None"
      ? "no labels"
      : rule.labels._tag === "Free"
      ? `labels ≤ ${rule.labels.maxLength}`
      : `labels ${list(rule.labels.values)}`
  )
  parts.push(rule.preferred ? "preferred kept" : "preferred lost")
  if (rule.preferred && rule.singlePreferred === true) parts.push("exactly one preferred (the first, if none is)")
  if (rule.requiresOneOf !== undefined) parts.push(`needs one of ${list(rule.requiresOneOf as ReadonlyArray<string>)}`)
  if (rule.services !== undefined) parts.push(`services ${list(rule.services)}`)
  if (rule.features !== undefined) parts.push(`features ${list(rule.features)}`)
  if (rule.linkKinds !== undefined) parts.push(`link kinds ${list(rule.linkKinds)}`)
  if (rule.uniqueBy !== undefined) parts.push(`unique by ${rule.uniqueBy}`)
  if (rule.requiresE164) parts.push("E.164 required")
  if (rule.fieldIds) parts.push("own field ids")
  if (rule.note !== undefined) parts.push(rule.note)
  else if (rule.normalize !== undefined) parts.push("vendor flattening (see its Capabilities)")
  return parts.join("; ")
}

export const fidelityMatrix = (vendors: ReadonlyArray<Capabilities>): string => {
  const header = `| | ${vendors.map((c) => c.vendor).join(" | ")} |`
  const rule = `| --- | ${vendors.map(() => "---").join(" | ")} |`
  const row = (label: string, f: (c: Capabilities) => string) => `| ${label} | ${vendors.map(f).join(" | ")} |`
  return [
    header,
    rule,
    row("kinds", (c) => list(c.kinds)),
    row("name", (c) => `${list(c.name)}${c.requiredName ? `; requires ${list(c.requiredName)}` : ""}`),
    row("organization", (c) => list(c.organization)),
    row(
      "text",
      (c) => (c.trimsText === true ? "trimmed: surrounding whitespace lost, blank text dropped" : "kept as sent")
    ),
    ...fieldKinds.map((kind) => row(kind, (c) => cell(c.fields[kind] as FieldRule<FieldKind>))),
    row("update", (c) => c.update),
    row("field operations", (c) => c.fieldOperations),
    row("dedupe on create", (c) => (c.dedupeOnCreate ? "yes" : "no")),
    row("delete", (c) => (c.remove ? "yes" : "no"))
  ].join("\n")
}

/** Writes the field × vendor matrix of a run's implementations where `ReportWriter` reads it. */
export const writeFidelityMatrix = (path: string, vendors: ReadonlyArray<Capabilities>): void => {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${fidelityMatrix(vendors)}\n`)
}
