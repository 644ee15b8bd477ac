/**
 * How a write command ends: the counts and failures in words (standard output, or standard error under `--json`)
 * and, under `--json`, one JSON object on standard output for scripts. The exit code says whether everything the
 * target can take was written.
 */
import { Effect } from "effect"
import { runError } from "./CliFailure.ts"
import type { LossReport } from "./LossReport.ts"
import { Output } from "./Output.ts"
import type { RootSettings } from "./Root.ts"
import type { WriteOutcome } from "./SafeWrite.ts"

export interface TransferSummary {
  readonly command: "copy" | "import"
  readonly from: string
  readonly to: string
  readonly dryRun: boolean
  readonly state: string | undefined
  readonly report: LossReport
  readonly outcome: WriteOutcome | undefined
}

export const summaryLines = (summary: TransferSummary): ReadonlyArray<string> => {
  const { outcome } = summary
  if (outcome === undefined) return [`Dry run: nothing was written to ${summary.to}.`]
  const lines = [
    `Wrote ${outcome.created} new contacts to ${summary.to}` +
    (outcome.merged > 0 ? `, ${outcome.merged} merged into contacts it had` : "") +
    `; ${outcome.alreadyWritten} were written by an earlier run` +
    (outcome.foundAtTarget > 0 ? `, ${outcome.foundAtTarget} found stored after an unknown outcome` : "") +
    (outcome.refused > 0 ? `; ${outcome.refused} refused (see above)` : "") +
    `.`
  ]
  if (outcome.failures.length > 0) {
    lines.push(`${outcome.failures.length} could not be written:`)
    for (const failure of outcome.failures) lines.push(`  ${failure.contact} (${failure.key}): ${failure.reason}`)
    lines.push(`Run the same command again with the same state file (${summary.state}) to finish.`)
  }
  return lines
}

/** Prints the summary; fails (exit code 1) when something the target can take was not written. */
export const finish = (summary: TransferSummary, settings: RootSettings) =>
  Effect.gen(function*() {
    const output = yield* Output
    const human = settings.json ? output.stderr : output.stdout
    const failed = summary.outcome?.failures.length ?? 0
    if (!settings.quiet || failed > 0) {
      for (const text of summaryLines(summary)) yield* human.write(`${text}\n`)
    }
    if (settings.json) yield* output.stdout.write(`${JSON.stringify(summary)}\n`)
    if (failed > 0) return yield* runError(`${failed} contacts were not written to ${summary.to}`)
  })
