/**
 * `contactkit copy --from A --to B`: every contact of one account into another (two vendors, or two profiles of
 * one), with what B will refuse and lose reported for the whole of A before the first write, then written through
 * the journal so a rerun neither duplicates nor loses.
 */
import { ContactDirectory } from "@contactkit/domain"
import { Effect, Stream } from "effect"
import { Command } from "effect/cli"
import { dryRunFlag, stateFlag, vendorFlag } from "./CommonFlags.ts"
import { exampleSource, exampleTarget } from "./Examples.ts"
import { openDirectory } from "./OpenDirectory.ts"
import { root } from "./Root.ts"
import { transfer } from "./Transfer.ts"
import { planWrite, sourceDraft } from "./WritePlan.ts"

export const copyCommand = Command.make(
  "copy",
  {
    from: vendorFlag("from", "the vendor to read"),
    to: vendorFlag("to", "the vendor to write"),
    dryRun: dryRunFlag,
    state: stateFlag
  },
  Effect.fn(function*({ dryRun, from, state, to }) {
    const settings = yield* root
    const source = yield* openDirectory(from, settings)
    const target = yield* openDirectory(to, settings)
    yield* transfer(
      {
        from: from.label,
        journalName: from.label,
        plans: (capabilities) =>
          source.list().pipe(Stream.map((contact) => planWrite(capabilities, contact.id, sourceDraft(contact))))
      },
      { command: "copy", to: to.label, dryRun, statePath: state },
      settings
    ).pipe(Effect.provideService(ContactDirectory, target))
  }, Effect.scoped)
).pipe(
  Command.withDescription(
    "Copy every contact of one vendor account to another. Prints what the target will refuse and lose, field by " +
      "field, before the first write; journals each write in the state file so an interrupted copy can be run again."
  ),
  Command.withExamples([
    {
      command: `contactkit copy --from ${exampleSource} --to ${exampleTarget} --dry-run`,
      description: "Only the loss report"
    },
    { command: `contactkit copy --from ${exampleSource} --to ${exampleTarget}`, description: "Report, then copy" },
    {
      command: `contactkit copy --from ${exampleTarget} --to ${exampleTarget}@second --state second.sqlite`,
      description: "Between two accounts of one vendor (variables SECOND_<VARIABLE> for the profile)"
    }
  ])
)
