/** `contactkit vendors`: every registered vendor, the variables it reads, and what it can hold in one line. */
import { vendors } from "@contactkit/registry"
import { Effect } from "effect"
import { Command } from "effect/cli"
import { capabilitySummary } from "./CapabilityText.ts"
import { line } from "./Output.ts"
import { root } from "./Root.ts"

export const vendorsCommand = Command.make(
  "vendors",
  {},
  Effect.fn(function*() {
    const settings = yield* root
    if (settings.json) {
      const described = vendors.map((vendor) => ({
        name: vendor.name,
        displayName: vendor.displayName,
        variables: vendor.env.map(({ description, name, secret }) => ({ name, description, secret: secret === true })),
        capabilities: capabilitySummary(vendor.capabilities)
      }))
      return yield* line(JSON.stringify(described))
    }
    for (const vendor of vendors) {
      yield* line(`${vendor.name} (${vendor.displayName})`)
      yield* line(`  holds: ${capabilitySummary(vendor.capabilities)}`)
      for (const variable of vendor.env) {
        yield* line(`  ${variable.name}${variable.secret === true ? " (secret)" : ""}: ${variable.description}`)
      }
    }
  })
).pipe(
  Command.withDescription(
    "List the vendors contactkit speaks, the environment variables each reads, and what it holds"
  ),
  Command.withExamples([{ command: "contactkit vendors", description: "Every vendor" }])
)
