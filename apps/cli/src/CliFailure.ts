/**
 * The one error a command ends with when it cannot do what was asked: a message for the person at the terminal
 * (never a stack trace, never a credential) and the process exit code. A run that wrote some contacts but not all
 * is reported by its summary first, then ends with this error and exit code 1.
 */
import { Schema } from "effect"

export class CliFailure extends Schema.TaggedError<CliFailure>()("CliFailure", {
  message: Schema.String,
  /** 1: something was not done; 2: the command line or the configuration is wrong. */
  exitCode: Schema.Literals([1, 2])
}) {}

export const usageError = (message: string) => new CliFailure({ message, exitCode: 2 })
export const runError = (message: string) => new CliFailure({ message, exitCode: 1 })
