/**
 * `contactkit export VENDOR --format F [--out FILE]`: every contact of an account as JSContact, NDJSON or vCard,
 * to standard output or a file, streamed page by page (a slow reader holds the listing back; nothing piles up).
 */
import { Effect, Option, Stream } from "effect"
import { Command, Flag } from "effect/cli"
import { createWriteStream } from "node:fs"
import { vendorArgument } from "./CommonFlags.ts"
import { exampleSource } from "./Examples.ts"
import { exportFormats, formatWriter } from "./ExportFormat.ts"
import { openDirectory } from "./OpenDirectory.ts"
import { errorLine, Output, type Sink, writableSink } from "./Output.ts"
import { track } from "./Progress.ts"
import { root } from "./Root.ts"

/** A file to write to, closed (and flushed) when the command's scope ends. */
const fileSink = (path: string) =>
  Effect.acquireRelease(
    Effect.sync(() => createWriteStream(path)),
    (stream) => Effect.callback<void>((resume) => void stream.end(() => resume(Effect.void)))
  ).pipe(Effect.map((stream): Sink => writableSink(stream)))

export const exportCommand = Command.make(
  "export",
  {
    vendor: vendorArgument("vendor", "the vendor to export"),
    format: Flag.Literals("format", exportFormats).pipe(
      Flag.withDescription("jscontact: a JSON array of RFC 9553 Cards; ndjson: one Card a line; vcard: vCard 4"),
      Flag.withDefault("jscontact")
    ),
    out: Flag.String("out").pipe(
      Flag.withMetavar("FILE"),
      Flag.withDescription("Write to this file instead of standard output"),
      Flag.optional
    )
  },
  Effect.fn(function*({ format, out, vendor }) {
    const settings = yield* root
    const output = yield* Output
    const directory = yield* openDirectory(vendor, settings)
    const sink = Option.isSome(out) ? yield* fileSink(out.value) : output.stdout
    const writer = formatWriter(format)
    const progress = yield* track(`exporting ${vendor.label}`, undefined, settings.quiet)
    yield* sink.write(writer.begin)
    const count = yield* directory.list().pipe(
      Stream.runFoldEffect(
        () => 0,
        (n, contact) => Effect.as(Effect.andThen(sink.write(writer.item(contact, n)), progress.tick), n + 1)
      ),
      Effect.ensuring(progress.stop)
    )
    yield* sink.write(writer.end(count))
    if (!settings.quiet) {
      yield* errorLine(
        `Exported ${count} contacts from ${vendor.label}${Option.isSome(out) ? ` to ${out.value}` : ""}.`
      )
    }
  }, Effect.scoped)
).pipe(
  Command.withDescription("Export every contact of a vendor account as JSContact, NDJSON or vCard 4"),
  Command.withExamples([
    { command: `contactkit export ${exampleSource} --format vcard --out contacts.vcf`, description: "A vCard file" },
    { command: `contactkit export ${exampleSource} --format ndjson | head`, description: "The first cards, one a line" }
  ])
)
