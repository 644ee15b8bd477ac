/**
 * Timing for the benchmarks: warm up, run a task several times, keep the median.
 *
 * Benchmarks sit outside the house rule that time comes from `Clock`: they measure the real machine, and
 * `performance.now()` is its monotonic, sub-millisecond timer. Nothing here asserts on a time; it only reports.
 */
import { Effect } from "effect"
import { collectGarbage } from "./Gc.ts"

export interface Timing {
  /** The median of the measured runs, in milliseconds of wall time. */
  readonly medianMs: number
  readonly runsMs: ReadonlyArray<number>
  /**
   * The median CPU time this process spent per run (user + system), in milliseconds. Wall time of a listing also
   * contains the mock server's work in its own process; this is the client's share alone.
   */
  readonly cpuMedianMs: number
}

export interface RunOptions {
  /** Runs thrown away first, so the JIT, connection pools and caches are warm. */
  readonly warmup: number
  readonly runs: number
}

export const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? sorted[middle] ?? Number.NaN
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2
}

/** How long one run of `task` takes, in milliseconds of wall time and of this process's CPU time. */
export const timeOnce = <A, E, R>(
  task: Effect.Effect<A, E, R>
): Effect.Effect<{ readonly ms: number; readonly cpuMs: number }, E, R> =>
  Effect.gen(function*() {
    const cpu = process.cpuUsage()
    const start = performance.now()
    yield* task
    const ms = performance.now() - start
    const used = process.cpuUsage(cpu)
    return { ms, cpuMs: (used.user + used.system) / 1000 }
  })

/** The order two sides run in on round `round`: `a b`, then `b a`, and so on, so neither always goes first. */
export const turnOrder = <S>(round: number, a: S, b: S): readonly [S, S] => (round % 2 === 0 ? [a, b] : [b, a])

/** `warmup` untimed runs, then `runs` timed ones, one after the other. */
export const timeRuns = <A, E, R>(task: Effect.Effect<A, E, R>, options: RunOptions): Effect.Effect<Timing, E, R> =>
  Effect.gen(function*() {
    for (let i = 0; i < options.warmup; i++) yield* task
    const runsMs: Array<number> = []
    const cpuMs: Array<number> = []
    for (let i = 0; i < options.runs; i++) {
      const run = yield* timeOnce(task)
      runsMs.push(run.ms)
      cpuMs.push(run.cpuMs)
    }
    return { medianMs: median(runsMs), runsMs, cpuMedianMs: median(cpuMs) }
  })

/**
 * Two tasks timed side by side: `warmup` untimed rounds, then `runs` rounds of one run each, the order swapping every
 * round (a b, b a, a b, …). Each side's median is taken over its own runs; drift in the machine hits both alike.
 * A full collection runs before every timed run, outside its timing: otherwise one side pays for collecting the
 * garbage the other left (the raw side of a listing read as costing more CPU than the adapter it was compared with).
 */
export const timeAlternating = <A, B, E, R>(
  a: Effect.Effect<A, E, R>,
  b: Effect.Effect<B, E, R>,
  options: RunOptions
): Effect.Effect<readonly [Timing, Timing], E, R> =>
  Effect.gen(function*() {
    for (let i = 0; i < options.warmup; i++) {
      yield* a
      yield* b
    }
    const runs = {
      a: { ms: [] as Array<number>, cpu: [] as Array<number> },
      b: { ms: [] as Array<number>, cpu: [] as Array<number> }
    }
    for (let i = 0; i < options.runs; i++) {
      for (const side of turnOrder(i, "a" as const, "b" as const)) {
        collectGarbage()
        const run = yield* timeOnce<unknown, E, R>(side === "a" ? a : b)
        runs[side].ms.push(run.ms)
        runs[side].cpu.push(run.cpuMs)
      }
    }
    const timing = (side: { ms: Array<number>; cpu: Array<number> }): Timing => ({
      medianMs: median(side.ms),
      runsMs: side.ms,
      cpuMedianMs: median(side.cpu)
    })
    return [timing(runs.a), timing(runs.b)] as const
  })

/** Items per second when `count` items took `ms` milliseconds. */
export const perSecond = (count: number, ms: number): number => (count * 1000) / ms

/**
 * Runs a synchronous `body` over every item of `items` as one timed pass, `warmup` + `runs` times; returns the
 * median pass. For hot paths measured per item without Effect's own overhead in the loop.
 */
export const timeSyncPasses = <A>(
  items: ReadonlyArray<A>,
  body: (item: A) => unknown,
  options: RunOptions
): Effect.Effect<Timing> =>
  timeRuns(
    Effect.sync(() => {
      // Results are counted, so the loop's work is observable and cannot be optimised away.
      let produced = 0
      for (const item of items) if (body(item) !== undefined) produced++
      return produced
    }),
    options
  )
