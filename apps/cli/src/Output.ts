/**
 * Where the CLI writes: standard output for data (contacts, reports, the `--json` summary) and standard error for
 * progress and diagnostics, so `contactkit export … | contactkit import …` pipes only contacts. Writes wait for the
 * stream to drain, so a slow reader holds back the listing instead of filling memory.
 */
import { Context, Effect, Layer } from "effect"
import type { Writable } from "node:stream"

export interface Sink {
  readonly write: (text: string) => Effect.Effect<void>
  /** Whether a person is watching (a terminal), which decides how progress is shown. */
  readonly isTerminal: boolean
}

export class Output extends Context.Service<Output, {
  readonly stdout: Sink
  readonly stderr: Sink
}>()("@contactkit/cli/Output") {}

/** Writes to a Node stream, waiting for `drain` when its buffer is full (bounded memory on slow pipes). */
export const writableSink = (stream: Writable & { readonly isTTY?: boolean }): Sink => ({
  isTerminal: stream.isTTY === true,
  write: (text) =>
    Effect.callback<void>((resume) => {
      if (stream.write(text)) resume(Effect.void)
      else stream.once("drain", () => resume(Effect.void))
    })
})

export const layerProcess: Layer.Layer<Output> = Layer.sync(
  Output,
  () => Output.of({ stdout: writableSink(process.stdout), stderr: writableSink(process.stderr) })
)

/** What a test reads back: everything written to each stream, in order. */
export interface Captured {
  readonly stdout: Array<string>
  readonly stderr: Array<string>
}

export const layerCapture = (captured: Captured): Layer.Layer<Output> =>
  Layer.succeed(
    Output,
    Output.of({
      stdout: { isTerminal: false, write: (text) => Effect.sync(() => void captured.stdout.push(text)) },
      stderr: { isTerminal: false, write: (text) => Effect.sync(() => void captured.stderr.push(text)) }
    })
  )

/** One line of data on standard output. */
export const line = (text: string) => Output.use((output) => output.stdout.write(`${text}\n`))

/** One line of diagnostics on standard error. */
export const errorLine = (text: string) => Output.use((output) => output.stderr.write(`${text}\n`))
