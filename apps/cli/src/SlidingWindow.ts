/**
 * How many contacts were done lately: the completions of the last few seconds, so that a rate read from them falls
 * while nothing completes (an adapter waiting out a vendor's rate limit) instead of showing the last rate for ever.
 * Times are `Clock` milliseconds, recorded in order.
 */

export interface Recent {
  /** Completions in the window ending at the time asked about. */
  readonly count: number
  /** How long that window is: `windowMillis`, or less while the run is younger than that. */
  readonly millis: number
}

export interface SlidingWindow {
  /** One completion at `at`. */
  readonly record: (at: number) => void
  /** The completions in the window ending at `now` (after `now - windowMillis`, up to `now`). */
  readonly recent: (now: number) => Recent
}

/** Old entries are dropped from the front in place, and the array is compacted once most of it is dropped. */
const compactAfter = 1_024

export const makeSlidingWindow = (windowMillis: number, startedAt: number): SlidingWindow => {
  const times: Array<number> = []
  let first = 0
  return {
    record: (at) => void times.push(at),
    recent: (now) => {
      while (first < times.length && times[first]! <= now - windowMillis) first += 1
      if (first > compactAfter && first * 2 > times.length) {
        times.splice(0, first)
        first = 0
      }
      return { count: times.length - first, millis: Math.min(windowMillis, now - startedAt) }
    }
  }
}
