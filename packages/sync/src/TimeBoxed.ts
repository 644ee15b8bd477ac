/**
 * A stretch of a list's items run a few at a time for at most a fixed time: the body of one write activity
 * (SyncRun). Items are taken in order, `concurrency` at a time; once `budgetMs` has passed since the stretch began
 * no further item is started (the first always is), nor more than `max` in all, and every item started is waited
 * for. So what it returns is always the outcomes of `items[from]`, `items[from + 1]`, … — a run of consecutive
 * items, at least one when any is left — and the caller goes on from `from + outcomes.length`.
 *
 * Why a time box and not a count: the engine runs an activity uninterruptibly, so a runner handing its shards over
 * waits for the activities under way. A fixed count of rate-limited writes can take seconds on a loaded machine
 * (activities of 25 overran the shard-lock deadline), while a time box keeps every activity about as short as a
 * wave of single writes, whatever the pace, and still carries many writes when they are quick. (The note left by
 * the revert of the batches of 25 also named waves of four as failing on a loaded machine; the distributed proof
 * passed 21 times with this box, at load up to 7.7 — bench/README.md, "Eighth pass". Should it fail with duplicate
 * creates or writes failed settling, suspect this first.)
 */
import { Clock, Effect } from "effect"

export interface TimeBox<A, B, E, R> {
  readonly items: ReadonlyArray<A>
  readonly from: number
  readonly concurrency: number
  /** No item is started once this many milliseconds have passed since the first was. */
  readonly budgetMs: number
  /** The most items in one stretch. */
  readonly max: number
  readonly run: (item: A, index: number) => Effect.Effect<B, E, R>
}

export const timeBoxed = <A, B, E, R>(box: TimeBox<A, B, E, R>): Effect.Effect<Array<B>, E, R> =>
  Effect.gen(function*() {
    const end = Math.min(box.items.length, box.from + Math.max(1, box.max))
    if (box.from >= end) return []
    const began = yield* Clock.currentTimeMillis
    const outcomes: Array<B> = []
    let next = box.from
    const worker = Effect.gen(function*() {
      while (next < end) {
        if (next > box.from && (yield* Clock.currentTimeMillis) - began >= box.budgetMs) return
        const index = next++
        outcomes[index - box.from] = yield* box.run(box.items[index]!, index)
      }
    })
    const workers = Math.max(1, Math.min(box.concurrency, end - box.from))
    yield* Effect.all(Array.from({ length: workers }, () => worker), { concurrency: "unbounded", discard: true })
    return outcomes
  })
