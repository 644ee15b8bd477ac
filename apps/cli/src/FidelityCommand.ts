/** `contactkit fidelity A B`: what survives a copy from A to B, per part of a contact, from Capabilities alone. */
import { Effect } from "effect"
import { Command } from "effect/cli"
import { capabilitySummary, fidelityLines } from "./CapabilityText.ts"
import { vendorArgument } from "./CommonFlags.ts"
import { exampleSource, exampleTarget } from "./Examples.ts"
import { line } from "./Output.ts"
import { root } from "./Root.ts"

export const fidelityCommand = Command.make(
  "fidelity",
  { from: vendorArgument("from", "the source vendor"), to: vendorArgument("to", "the target vendor") },
  Effect.fn(function*({ from, to }) {
    const settings = yield* root
    const lines = fidelityLines(from.vendor.capabilities, to.vendor.capabilities)
    if (settings.json) {
      return yield* line(JSON.stringify({
        from: from.vendor.name,
        to: to.vendor.name,
        lines,
        target: capabilitySummary(to.vendor.capabilities)
      }))
    }
    for (const text of lines) yield* line(text)
  })
).pipe(
  Command.withDescription(
    "What survives a copy from one vendor to another, per field kind, from the vendors' Capabilities alone " +
      "(no account needed); `copy --dry-run` gives the same per contact"
  ),
  Command.withExamples([{
    command: `contactkit fidelity ${exampleSource} ${exampleTarget}`,
    description: "The table for one pair"
  }])
)
