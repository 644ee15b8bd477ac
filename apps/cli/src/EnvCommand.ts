/**
 * `contactkit env`: an env file with every registered vendor's variables, for `--env-file` — blank to fill in, or
 * with `--mocks` set for the local mock servers and their (public, demo-only) credentials.
 */
import { vendors } from "@contactkit/registry"
import { Effect } from "effect"
import { Command } from "effect/cli"
import { line } from "./Output.ts"
import { root } from "./Root.ts"
import { Environment, mockVariables, portVariable } from "./VendorConfiguration.ts"

export const envCommand = Command.make(
  "env",
  {},
  Effect.fn(function*() {
    const settings = yield* root
    const environment = yield* Environment
    yield* line(
      settings.mocks
        ? "# Every vendor at its local mock server (`pnpm start`), with the mocks' demo credentials."
        : "# Every vendor's variables; fill in the accounts to use. Profiles: prefix a name, WORK_<VARIABLE>."
    )
    for (const vendor of vendors) {
      const mocks = mockVariables(vendor, environment.variables)
      yield* line(`\n# ${vendor.displayName} (${vendor.name})`)
      for (const variable of vendor.env) {
        yield* line(`# ${variable.description}${variable.secret === true ? " (secret)" : ""}`)
        yield* line(`${variable.name}=${settings.mocks ? mocks[variable.name] : ""}`)
      }
      if (settings.mocks) {
        // The mock server's own variable: `pnpm start` serves this vendor there, and the URL above follows it.
        const port = portVariable(vendor)
        yield* line(`# the ${vendor.name} mock server's port (the start command reads it)`)
        yield* line(`${port}=${environment.variables[port] ?? vendor.mock.defaultPort}`)
      }
    }
  })
).pipe(
  Command.withDescription("Print an env file with every vendor's variables (--mocks: set for the local mock servers)"),
  Command.withExamples([
    { command: "contactkit env --mocks > mocks.env", description: "An env file for the mock servers" },
    { command: "contactkit env > .env", description: "A template to fill in" }
  ])
)
