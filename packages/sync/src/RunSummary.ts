/**
 * What one run did: how many contacts it created, updated, removed and left unchanged, every contact the target
 * refused with the reasons, every write that failed, what the target could not hold of each contact written
 * (`project`'s losses), and how many writes of unknown outcome were settled by checking at the target.
 */
import { Schema } from "effect"
import { ContactIssues, type SyncPlan } from "./SyncPlan.ts"
import type { WriteOutcome } from "./WriteOutcome.ts"

export const RunSummary = Schema.Struct({
  jobId: Schema.String,
  run: Schema.Number,
  created: Schema.Number,
  updated: Schema.Number,
  removed: Schema.Number,
  unchanged: Schema.Number,
  /** Created contacts the target merged into one it already held (a vendor that deduplicates on create). */
  merged: Schema.Number,
  /** Writes whose outcome was unknown (a crash, a lost answer) and was read off the target instead of repeated. */
  checkedAtTarget: Schema.Number,
  refused: Schema.Array(ContactIssues),
  failed: Schema.Array(ContactIssues),
  losses: Schema.Array(ContactIssues),
  /** Why the run wrote nothing: a side that could not be opened, or a source listing that did not complete. */
  failure: Schema.optionalKey(Schema.String),
  /** Epoch milliseconds. */
  finishedAt: Schema.Number
})
export type RunSummary = typeof RunSummary.Type

export interface Header {
  readonly jobId: string
  readonly run: number
  readonly finishedAt: number
}

/** The summary of a run that could not plan. */
export const failedRun = (header: Header, failure: string): RunSummary => ({
  ...header,
  created: 0,
  updated: 0,
  removed: 0,
  unchanged: 0,
  merged: 0,
  checkedAtTarget: 0,
  refused: [],
  failed: [],
  losses: [],
  failure
})

export const summarize = (
  header: Header,
  plan: SyncPlan,
  outcomes: ReadonlyArray<WriteOutcome>
): RunSummary => {
  const count = (tag: WriteOutcome["_tag"]) => outcomes.filter((outcome) => outcome._tag === tag).length
  const refused = [...plan.refused]
  const failed: Array<ContactIssues> = []
  for (const outcome of outcomes) {
    if (outcome._tag === "Refused") {
      refused.push({ sourceId: outcome.sourceId, label: outcome.label, issues: outcome.issues })
    }
    if (outcome._tag === "Failed") {
      failed.push({ sourceId: outcome.sourceId, label: outcome.label, issues: [outcome.reason] })
    }
  }
  // Losses are reported for the contacts that were written; a refused write lost everything, said above.
  const written = new Set(
    outcomes.filter((outcome) => outcome._tag === "Created" || outcome._tag === "Updated").map((o) => o.sourceId)
  )
  return {
    ...header,
    created: count("Created"),
    updated: count("Updated"),
    removed: count("Removed"),
    unchanged: plan.unchanged,
    merged: outcomes.filter((outcome) => outcome._tag === "Created" && outcome.merged).length,
    checkedAtTarget: outcomes.filter((outcome) => "checked" in outcome && outcome.checked).length,
    refused,
    failed,
    losses: plan.losses.filter((entry) => written.has(entry.sourceId))
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

/** The counts in one line: `12 created, 0 updated, …`. */
export const countsOf = (summary: RunSummary): string =>
  summary.failure !== undefined
    ? `wrote nothing: ${summary.failure}`
    : `${summary.created} created, ${summary.updated} updated, ${summary.removed} removed, ` +
      `${summary.unchanged} unchanged, ${summary.refused.length} refused, ${summary.failed.length} failed`

/** The summary as lines for a person: counts first, then each refusal, failure and loss. */
export const formatSummary = (summary: RunSummary, maxListed = 10): ReadonlyArray<string> => {
  const lines = [`run ${summary.run}: ${countsOf(summary)}`]
  if (summary.failure !== undefined) return lines
  if (summary.merged > 0) lines.push(`  ${plural(summary.merged, "created contact")} merged into existing ones`)
  if (summary.checkedAtTarget > 0) {
    lines.push(`  ${plural(summary.checkedAtTarget, "write")} of unknown outcome settled by reading the target`)
  }
  const list = (title: string, entries: ReadonlyArray<ContactIssues>) => {
    if (entries.length === 0) return
    lines.push(`  ${title}:`)
    for (const entry of entries.slice(0, maxListed)) lines.push(`    ${entry.label}: ${entry.issues.join("; ")}`)
    if (entries.length > maxListed) lines.push(`    … ${entries.length - maxListed} more`)
  }
  list("refused", summary.refused)
  list("failed", summary.failed)
  list("not everything kept", summary.losses)
  return lines
}
