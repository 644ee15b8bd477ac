/**
 * The `contactkit` command itself and the flags every subcommand shares: where configuration comes from
 * (`--env-file`, `--mocks`) and how much is printed (`--quiet`, `--json`). Subcommands read them with `yield* root`.
 */
import { Command, Flag } from "effect/cli"

export const rootFlags = {
  envFile: Flag.String("env-file").pipe(
    Flag.withDescription("Read the vendors' variables from this file too (KEY=value lines); the environment wins"),
    Flag.optional
  ),
  mocks: Flag.Boolean("mocks").pipe(
    Flag.withDescription(
      "Point every vendor at its local mock server (`pnpm start`) with the mock's demo credentials; CK_<VENDOR>_PORT moves one"
    ),
    Flag.withDefault(false)
  ),
  quiet: Flag.Boolean("quiet").pipe(
    Flag.withAlias("q"),
    Flag.withDescription("No progress and no report on standard error; only data and failures"),
    Flag.withDefault(false)
  ),
  json: Flag.Boolean("json").pipe(
    Flag.withDescription("End with a machine-readable summary on standard output (one JSON object)"),
    Flag.withDefault(false)
  )
}

export const root = Command.make("contactkit").pipe(
  Command.withSharedFlags(rootFlags),
  Command.withDescription(
    "Move contacts between vendors: list, export, import and copy through one vendor-neutral model, " +
      "with what the target cannot hold reported before anything is written."
  )
)

export type RootSettings = Command.Command.Config.Infer<typeof rootFlags>
