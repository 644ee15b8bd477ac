/**
 * A runner's share of one credential's time, as the shared limiter (SharedRateLimiter) hands it out: a window of
 * `count` slots' length reserved in the database, in which this runner's requests may start at any time, each at
 * least a spacing after the one before and none later than a spacing before the window's end. Windows of all
 * runners are disjoint, so two requests anywhere are a spacing apart, and a window holds at most `count` of them.
 *
 * A window's requests float (a request starts when it comes, not at a fixed slot), so a runner taking more slowly
 * than the limit still starts several requests in one window before it asks the database again. How big the next
 * window is follows demand: it doubles while no other runner reserves between this runner's windows (time reserved
 * and not used then costs nobody anything); once another's window comes between, it holds one slot per request
 * waiting, so a runner does not hold capacity others wait for.
 */

export interface RateWindow {
  /** Local time (this process's clock, ms) the window starts at. */
  readonly from: number
  /** Local time it ends at: no request starts later than a spacing before it. */
  readonly to: number
  /** Slots the window was reserved for. */
  readonly count: number
  /** Start of the latest request from it, or -Infinity. */
  readonly last: number
  /** Where it ends on the database's clock (the clock all runners reserve by). */
  readonly end: number
  /** Whether another runner's window lay between this one and the last, or the time it was reserved at. */
  readonly contended: boolean
}

/** No window yet: the first reservation asks for one slot (or one per request waiting). */
export const none: RateWindow = { from: 0, to: 0, count: 0, last: -Infinity, end: -Infinity, contended: false }

/** When a request coming at `now` starts from this window, or undefined if the window cannot hold it. */
export const startOf = (window: RateWindow, now: number, spacing: number): number | undefined => {
  const at = Math.max(now, window.from, window.last + spacing)
  return at + spacing <= window.to + 1e-9 ? at : undefined
}

/** The window after a request started from it at `at`. */
export const started = (window: RateWindow, at: number): RateWindow => ({ ...window, last: at })

/**
 * Slots for the next window, when `demand` requests wait: while no other runner's window came between this one's
 * and the last, twice the last one's (time reserved that no request uses costs nobody else anything); once one did,
 * one for each request waiting, no more, so a runner does not hold capacity others wait for. Never fewer than the
 * requests waiting, never more than `max`.
 */
export const nextCount = (window: RateWindow, demand: number, max: number): number => {
  const size = window.count === 0 || window.contended ? 1 : window.count * 2
  return Math.max(1, Math.min(max, Math.max(size, demand)))
}

/**
 * The window of `count` slots starting at `from` (local), as the database answered (`wait` ms until it starts, `end`
 * on its own clock), after `previous`: contended when it starts more than half a spacing after both the time the
 * database answered and the previous window's end — another runner's window lies between. Both are read on the
 * database's clock, so a slow answer does not look like contention.
 */
export const reserved = (
  previous: RateWindow,
  answer: { readonly wait: number; readonly end: number },
  from: number,
  count: number,
  spacing: number
): RateWindow => ({
  from,
  to: from + count * spacing,
  count,
  last: -Infinity,
  end: answer.end,
  contended: Math.min(answer.wait, answer.end - count * spacing - previous.end) > spacing / 2
})
