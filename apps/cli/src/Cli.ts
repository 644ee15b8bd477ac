/**
 * The whole `contactkit` command tree, and running it on a list of arguments to an exit code: 0 when everything
 * asked was done, 1 when something was not (the summary said what), 2 for a wrong command line or configuration.
 * Failures are printed as one message; a credential is never part of one (adapters keep them `Redacted`).
 */
import { ContactError } from "@contactkit/domain"
import { Effect, Logger } from "effect"
import { CliError, Command } from "effect/cli"
import { CliFailure } from "./CliFailure.ts"
import { copyCommand } from "./CopyCommand.ts"
import { envCommand } from "./EnvCommand.ts"
import { exportCommand } from "./ExportCommand.ts"
import { fidelityCommand } from "./FidelityCommand.ts"
import { importCommand } from "./ImportCommand.ts"
import { listCommand } from "./ListCommand.ts"
import { errorLine } from "./Output.ts"
import { root } from "./Root.ts"
import { syncCommand } from "./SyncCommand.ts"
import { vendorsCommand } from "./VendorsCommand.ts"
import { workerCommand } from "./WorkerCommand.ts"

export const version = "0.1.0"

export const contactkit = root.pipe(
  Command.withSubcommands([
    vendorsCommand,
    listCommand,
    exportCommand,
    importCommand,
    copyCommand,
    fidelityCommand,
    envCommand,
    syncCommand,
    workerCommand
  ])
)

/** Runs the CLI on `args` (without the program name) and returns the exit code. */
export const runCli = (args: ReadonlyArray<string>) =>
  Command.runWith(contactkit, { version })(args).pipe(
    Effect.as(0),
    Effect.catch((error) => {
      if (error instanceof CliFailure) return Effect.as(errorLine(`contactkit: ${error.message}`), error.exitCode)
      if (error instanceof ContactError) return Effect.as(errorLine(`contactkit: ${error.message}`), 1)
      // Parse errors and help were already shown by the CLI module.
      if (CliError.isCliError(error)) return Effect.succeed(2)
      return Effect.as(errorLine(`contactkit: ${String(error)}`), 1)
    }),
    // Adapters log what they recover from; standard output is kept for data (`export … | import …`).
    Effect.provideService(Logger.LogToStderr, true)
  )
