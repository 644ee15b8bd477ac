/**
 * Progress of a long command, on standard error: on a terminal an `ora` spinner whose text says how many contacts
 * are done, the rate and — when the total is known (the second pass of a copy or an import) — the time left; off
 * a terminal a plain line every few seconds when the text has changed; nothing under `--quiet`. Time comes from
 * `Clock`. The rate is that of the last few seconds and the text is refreshed on a timer, not on each contact, so
 * while the adapter waits (a vendor's rate limit) the rate falls, then the text says "waiting".
 */
import { Clock, Effect, Fiber } from "effect"
import ora from "ora"
import { Output } from "./Output.ts"
import { makeSlidingWindow } from "./SlidingWindow.ts"

export interface Tracker {
  /** One more contact done. */
  readonly tick: Effect.Effect<void>
  /** Clears the spinner (the summary that follows says how it ended). */
  readonly stop: Effect.Effect<void>
}

const plainEveryMillis = 5_000
const terminalEveryMillis = 100
/** The rate is measured over this much of the recent past. */
export const rateWindowMillis = 10_000

/**
 * The progress text. The rate is `recent` contacts over the last `overMillis` (by default every contact done, over
 * the whole run); with a total, the time left is at that rate. Nothing done in a measured time reads "waiting".
 */
export const describeProgress = (
  what: string,
  done: number,
  total: number | undefined,
  overMillis: number,
  recent: number = done
): string => {
  const rate = overMillis > 0 ? recent / (overMillis / 1000) : 0
  const count = total === undefined ? `${done} contacts` : `${done} of ${total} contacts`
  const speed = rate > 0
    ? `, ${rate < 10 ? rate.toFixed(1) : Math.round(rate)}/s`
    : overMillis > 0
    ? ", waiting"
    : ""
  const left = total !== undefined && rate > 0 && done < total
    ? `, about ${Math.ceil((total - done) / rate)} s left`
    : ""
  return `${what}: ${count}${speed}${left}`
}

const silent: Tracker = { tick: Effect.void, stop: Effect.void }

/**
 * A tracker for `what` (`copying to acme`), or a silent one under `--quiet`. Its timer is a child of the calling
 * fiber, so it ends with the command even when `stop` is never reached.
 */
export const track = (what: string, total: number | undefined, quiet: boolean): Effect.Effect<Tracker, never, Output> =>
  Effect.gen(function*() {
    if (quiet) return silent
    const output = yield* Output
    const started = yield* Clock.currentTimeMillis
    const window = makeSlidingWindow(rateWindowMillis, started)
    let done = 0
    let shown = ""
    const spinner = output.stderr.isTerminal ? ora({ stream: process.stderr, text: `${what}…` }).start() : undefined
    const show = Effect.gen(function*() {
      const recent = window.recent(yield* Clock.currentTimeMillis)
      const text = describeProgress(what, done, total, recent.millis, recent.count)
      if (spinner !== undefined) spinner.text = text
      else if (text !== shown) yield* output.stderr.write(`${text}\n`)
      shown = text
    })
    const every = spinner === undefined ? plainEveryMillis : terminalEveryMillis
    const timer = yield* Effect.forkChild(Effect.forever(Effect.andThen(Effect.sleep(every), show)))
    return {
      tick: Effect.map(Clock.currentTimeMillis, (at) => {
        done += 1
        window.record(at)
      }),
      stop: Effect.andThen(Fiber.interrupt(timer), Effect.sync(() => spinner?.stop()))
    }
  })
