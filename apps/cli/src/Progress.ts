/**
 * Progress of a long command, on standard error: on a terminal an `ora` spinner whose text says how many contacts
 * are done, the rate and — when the total is known (the second pass of a copy or an import) — the time left; off
 * a terminal a plain line every few seconds; nothing under `--quiet`. Time comes from `Clock`.
 */
import { Clock, Effect } from "effect"
import ora from "ora"
import { Output } from "./Output.ts"

export interface Tracker {
  /** One more contact done. */
  readonly tick: Effect.Effect<void>
  /** Clears the spinner (the summary that follows says how it ended). */
  readonly stop: Effect.Effect<void>
}

const plainEveryMillis = 5_000
const terminalEveryMillis = 100

export const describeProgress = (
  what: string,
  done: number,
  total: number | undefined,
  elapsedMillis: number
): string => {
  const rate = elapsedMillis > 0 ? done / (elapsedMillis / 1000) : 0
  const count = total === undefined ? `${done} contacts` : `${done} of ${total} contacts`
  const speed = rate > 0 ? `, ${rate < 10 ? rate.toFixed(1) : Math.round(rate)}/s` : ""
  const left = total !== undefined && rate > 0 && done < total
    ? `, about ${Math.ceil((total - done) / rate)} s left`
    : ""
  return `${what}: ${count}${speed}${left}`
}

const silent: Tracker = { tick: Effect.void, stop: Effect.void }

/** A tracker for `what` (`copying to acme`), or a silent one under `--quiet`. */
export const track = (what: string, total: number | undefined, quiet: boolean): Effect.Effect<Tracker, never, Output> =>
  Effect.gen(function*() {
    if (quiet) return silent
    const output = yield* Output
    const started = yield* Clock.currentTimeMillis
    let done = 0
    let shownAt = started
    const spinner = output.stderr.isTerminal ? ora({ stream: process.stderr, text: `${what}…` }).start() : undefined
    const every = spinner === undefined ? plainEveryMillis : terminalEveryMillis
    return {
      tick: Effect.gen(function*() {
        done += 1
        const at = yield* Clock.currentTimeMillis
        if (at - shownAt < every) return
        shownAt = at
        const text = describeProgress(what, done, total, at - started)
        if (spinner === undefined) yield* output.stderr.write(`${text}\n`)
        else spinner.text = text
      }),
      stop: Effect.sync(() => spinner?.stop())
    }
  })
