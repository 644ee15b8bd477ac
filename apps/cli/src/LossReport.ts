/**
 * The report printed before the first write: for a whole source, which contacts the target will not take and
 * what it will lose, field by field — grouped by kind of loss with a count and a few names, so it stays short
 * (and bounded in memory) for a hundred thousand contacts.
 */
import type { ContactDraft, Issue } from "@contactkit/domain"
import type { WritePlan } from "./WritePlan.ts"

const examplesKept = 3
const refusalsKept = 50

export interface LossGroup {
  /** The part of a contact, in words: `Email label`, `name nickname`, `Phone`. */
  readonly part: string
  readonly message: string
  readonly contacts: number
  readonly examples: ReadonlyArray<string>
}

export interface Refusal {
  readonly contact: string
  readonly issues: ReadonlyArray<string>
}

export interface LossReport {
  readonly contacts: number
  /** Contacts that change on the way. */
  readonly lossy: number
  readonly losses: ReadonlyArray<LossGroup>
  readonly refused: number
  /** The first refusals, each with its reasons. */
  readonly refusals: ReadonlyArray<Refusal>
}

/** `["fields", 2, "label"]` of a contact → `Email label`: the field kind instead of its position. */
export const partOf = (draft: ContactDraft, path: ReadonlyArray<string | number>): string => {
  const [head, index, ...rest] = path
  if (head === "fields" && typeof index === "number") {
    const kind = draft.fields[index]?._tag ?? "field"
    return [kind, ...rest].join(" ")
  }
  return path.join(" ")
}

const issueText = (draft: ContactDraft, issue: Issue) => `${partOf(draft, issue.path)}: ${issue.message}`

export interface LossTally {
  readonly add: (plan: WritePlan) => void
  readonly report: () => LossReport
}

export const makeLossTally = (): LossTally => {
  const groups = new Map<string, { part: string; message: string; contacts: number; examples: Array<string> }>()
  const refusals: Array<Refusal> = []
  let contacts = 0
  let lossy = 0
  let refused = 0
  return {
    add: (plan) => {
      contacts += 1
      if (plan.refusal.length > 0) {
        refused += 1
        if (refusals.length < refusalsKept) {
          refusals.push({ contact: plan.label, issues: plan.refusal.map((issue) => issueText(plan.draft, issue)) })
        }
        return
      }
      if (plan.losses.length > 0) lossy += 1
      // One contact counts once per kind of loss, however many of its fields it hits.
      const seen = new Set<string>()
      for (const loss of plan.losses) {
        const part = partOf(plan.source, loss.path)
        const key = `${part}\u0000${loss.message}`
        if (seen.has(key)) continue
        seen.add(key)
        const group = groups.get(key) ?? { part, message: loss.message, contacts: 0, examples: [] }
        group.contacts += 1
        if (group.examples.length < examplesKept) group.examples.push(plan.label)
        groups.set(key, group)
      }
    },
    report: () => ({
      contacts,
      lossy,
      losses: [...groups.values()].sort((a, b) => b.contacts - a.contacts || (a.part < b.part ? -1 : 1)),
      refused,
      refusals
    })
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

/** The report as text lines, headed by what goes where. */
export const renderLossReport = (report: LossReport, from: string, to: string): ReadonlyArray<string> => {
  const lines = [`${from} → ${to}: ${plural(report.contacts, "contact")} read.`]
  if (report.refused === 0) lines.push(`  ${to} takes every one of them.`)
  else {
    lines.push(`  ${to} will refuse ${plural(report.refused, "contact")}:`)
    for (const refusal of report.refusals) lines.push(`    ${refusal.contact}: ${refusal.issues.join("; ")}`)
    if (report.refused > report.refusals.length) lines.push(`    … and ${report.refused - report.refusals.length} more`)
  }
  if (report.losses.length === 0) lines.push(`  Nothing is lost on the way.`)
  else {
    lines.push(`  ${to} will not hold everything of ${plural(report.lossy, "contact")}:`)
    for (const group of report.losses) {
      const more = group.contacts > group.examples.length ? `, … ${group.contacts - group.examples.length} more` : ""
      lines.push(
        `    ${group.part}: ${group.message} — ${plural(group.contacts, "contact")} (${
          group.examples.join(", ")
        }${more})`
      )
    }
  }
  return lines
}
