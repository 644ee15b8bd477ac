/**
 * What `import` and `copy` share: read the whole source once and print what the target will refuse and lose
 * (before anything is written), then — unless `--dry-run` — read it again and write it through the journal.
 * The source is read twice rather than held, so memory does not grow with its size.
 */
import { type Capabilities, ContactDirectory, type ContactError } from "@contactkit/domain"
import { Effect, Stream } from "effect"
import type { CliFailure } from "./CliFailure.ts"
import { openJournal } from "./Journal.ts"
import { makeLossTally, renderLossReport } from "./LossReport.ts"
import { Output } from "./Output.ts"
import { track } from "./Progress.ts"
import type { RootSettings } from "./Root.ts"
import { writeAll } from "./SafeWrite.ts"
import { finish } from "./Summary.ts"
import type { WritePlan } from "./WritePlan.ts"

export interface TransferSource<R> {
  /** How the source is shown: a vendor choice's label, or the input file. */
  readonly from: string
  /** The source half of the journal's route. */
  readonly journalName: string
  /** Every contact of the source, planned for the target; may be run more than once. */
  readonly plans: (target: Capabilities) => Stream.Stream<WritePlan, ContactError | CliFailure, R>
}

export interface TransferOptions {
  readonly command: "copy" | "import"
  readonly to: string
  readonly dryRun: boolean
  readonly statePath: string
}

export const transfer = <R>(source: TransferSource<R>, options: TransferOptions, settings: RootSettings) =>
  Effect.gen(function*() {
    const target = yield* ContactDirectory
    const output = yield* Output
    const tally = makeLossTally()
    const reading = yield* track(`reading ${source.from}`, undefined, settings.quiet)
    yield* source.plans(target.capabilities).pipe(
      Stream.runForEach((plan) => Effect.andThen(Effect.sync(() => tally.add(plan)), reading.tick)),
      Effect.ensuring(reading.stop)
    )
    const report = tally.report()
    const human = settings.json ? output.stderr : output.stdout
    if (!settings.quiet) {
      for (const text of renderLossReport(report, source.from, options.to)) yield* human.write(`${text}\n`)
    }
    const base = {
      command: options.command,
      from: source.from,
      to: options.to,
      dryRun: options.dryRun,
      report
    }
    if (options.dryRun) return yield* finish({ ...base, state: undefined, outcome: undefined }, settings)
    const journal = yield* openJournal(options.statePath)
    const writing = yield* track(`writing to ${options.to}`, report.contacts, settings.quiet)
    const outcome = yield* writeAll(
      source.plans(target.capabilities),
      journal,
      { source: source.journalName, target: options.to },
      writing
    ).pipe(
      Effect.ensuring(writing.stop),
      Effect.onInterrupt(() =>
        output.stderr.write(
          `Interrupted; every write so far is journaled. Run the same command again with --state ${options.statePath} to finish.\n`
        )
      )
    )
    return yield* finish({ ...base, state: options.statePath, outcome }, settings)
  })
