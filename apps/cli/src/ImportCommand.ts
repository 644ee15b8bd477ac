/**
 * `contactkit import VENDOR --in FILE`: contacts from a JSContact, NDJSON or vCard file (or standard input) into a
 * vendor account. Every card is checked against the target's Capabilities first and what would be refused and lost
 * is printed field by field — vCard properties contactkit does not model among the losses — then, unless
 * `--dry-run`, the cards are written through the journal.
 */
import { ContactDirectory } from "@contactkit/domain"
import { Effect, Option, Stream } from "effect"
import { Command, Flag } from "effect/cli"
import { resolve } from "node:path"
import { runError } from "./CliFailure.ts"
import { dryRunFlag, stateFlag, vendorArgument } from "./CommonFlags.ts"
import { detectFormat, inputFormats, readInput, spoolStdin } from "./ContactInput.ts"
import { exampleSource, exampleTarget } from "./Examples.ts"
import { openDirectory } from "./OpenDirectory.ts"
import { errorLine } from "./Output.ts"
import { root } from "./Root.ts"
import { transfer } from "./Transfer.ts"
import { planWrite } from "./WritePlan.ts"

export const importCommand = Command.make(
  "import",
  {
    vendor: vendorArgument("vendor", "the vendor to write to"),
    input: Flag.String("in").pipe(
      Flag.withMetavar("FILE"),
      Flag.withDescription("The file to read; - or leaving it out reads standard input"),
      Flag.withDefault("-")
    ),
    format: Flag.Literals("format", inputFormats).pipe(
      Flag.withDescription(
        "jscontact (a Card or an array), ndjson (a Card a line) or vcard (3 or 4, many cards); " +
          "by default from the file's extension or first character"
      ),
      Flag.optional
    ),
    dryRun: dryRunFlag,
    state: stateFlag
  },
  Effect.fn(function*({ dryRun, format, input, state, vendor }) {
    const settings = yield* root
    const path = input === "-" ? yield* spoolStdin : resolve(input)
    const chosen = Option.getOrElse(format, () => detectFormat(path))
    const target = yield* openDirectory(vendor, settings)
    const unreadable = new Set<string>()
    yield* transfer(
      {
        from: input === "-" ? `standard input (${chosen})` : `${input} (${chosen})`,
        journalName: "import",
        plans: (capabilities) =>
          readInput(path, chosen).pipe(
            Stream.mapEffect((item) => {
              if (item._tag === "Card") {
                const plan = planWrite(capabilities, item.card.key, item.card.draft)
                return Effect.succeed([{ ...plan, losses: [...item.card.ignored, ...plan.losses] }])
              }
              // Both passes meet it; it is reported once.
              if (unreadable.has(item.unreadable.at)) return Effect.succeed([])
              unreadable.add(item.unreadable.at)
              return Effect.as(errorLine(`skipped ${item.unreadable.at}: ${item.unreadable.reason}`), [])
            }),
            Stream.flatMap(Stream.fromIterable)
          )
      },
      { command: "import", to: vendor.label, dryRun, statePath: state },
      settings
    ).pipe(Effect.provideService(ContactDirectory, target))
    if (unreadable.size > 0) {
      return yield* runError(`${unreadable.size} cards in the input could not be read (see above)`)
    }
  }, Effect.scoped)
).pipe(
  Command.withDescription(
    "Import contacts from a JSContact, NDJSON or vCard file into a vendor account; prints what the target will " +
      "refuse and lose before writing, and journals each write"
  ),
  Command.withExamples([
    { command: `contactkit import ${exampleTarget} --in contacts.vcf --dry-run`, description: "Only the report" },
    {
      command: `contactkit export ${exampleSource} --format vcard | contactkit import ${exampleTarget} --format vcard`,
      description: "Move an address book through vCard"
    }
  ])
)
