/** `contactkit list VENDOR`: one line per contact (id, name, first e-mail and phone), streamed as the vendor pages. */
import type { Contact } from "@contactkit/domain"
import { Effect, Stream } from "effect"
import { Command } from "effect/cli"
import { vendorArgument } from "./CommonFlags.ts"
import { exampleSource } from "./Examples.ts"
import { openDirectory } from "./OpenDirectory.ts"
import { errorLine, line } from "./Output.ts"
import { track } from "./Progress.ts"
import { root } from "./Root.ts"
import { displayName } from "./WritePlan.ts"

const describe = (contact: Contact) => {
  const email = contact.fields.find((field) => field._tag === "Email")
  const phone = contact.fields.find((field) => field._tag === "Phone")
  return [contact.id, displayName(contact, "(no name)"), email?.address ?? "", phone?.number ?? ""].join("\t")
}

export const listCommand = Command.make(
  "list",
  { vendor: vendorArgument("vendor", "the vendor to list") },
  Effect.fn(function*({ vendor }) {
    const settings = yield* root
    const directory = yield* openDirectory(vendor, settings)
    const progress = yield* track(`listing ${vendor.label}`, undefined, settings.quiet || settings.json)
    const count = yield* directory.list().pipe(
      Stream.runFoldEffect(
        () => 0,
        (n, contact) =>
          Effect.as(
            Effect.andThen(settings.json ? line(JSON.stringify(contact)) : line(describe(contact)), progress.tick),
            n + 1
          )
      ),
      Effect.ensuring(progress.stop)
    )
    if (!settings.quiet && !settings.json) yield* errorLine(`${count} contacts in ${vendor.label}`)
  }, Effect.scoped)
).pipe(
  Command.withDescription(
    "List every contact of a vendor account: id, name, first e-mail and phone, tab-separated (--json: one domain " +
      "contact per line)"
  ),
  Command.withExamples([{
    command: `contactkit list ${exampleSource} --mocks`,
    description: "The local mock's demo contacts"
  }])
)
