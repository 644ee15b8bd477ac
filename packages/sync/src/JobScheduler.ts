/**
 * Starts the runs of registered jobs as they fall due. It is a cluster singleton: exactly one runner runs it at a
 * time, and if that runner dies another takes it over. Starting a run only sends the workflow's execution to the
 * cluster, which places it on the runner owning its shard: that is how jobs spread over runners. The run is sent
 * before it is marked started, so a scheduler that dies in between sends it again — to the same execution id,
 * which the engine deduplicates.
 */
import { Clock, Duration, Effect } from "effect"
import { Singleton } from "effect/cluster"
import { nextRun } from "./Jobs.ts"
import { JobStore } from "./JobStore.ts"
import { SyncRun } from "./SyncRun.ts"

export interface SchedulerOptions {
  /** How often due jobs are looked for. */
  readonly every?: Duration.Input
  /** How many runs one look starts at most. */
  readonly batch?: number
}

const tick = (batch: number) =>
  Effect.gen(function*() {
    const jobs = yield* JobStore
    const now = yield* Clock.currentTimeMillis
    const due = yield* jobs.due(now, batch)
    yield* Effect.forEach(due, (state) =>
      Effect.gen(function*() {
        const run = nextRun(state)
        yield* SyncRun.execute({ job: state.job, run }, { discard: true })
        yield* jobs.started(state.job.jobId, run)
        yield* Effect.logInfo(`started run ${run} of ${state.job.jobId}`)
      }), { discard: true, concurrency: 8 })
  })

export const layer = (options: SchedulerOptions = {}) =>
  Singleton.make(
    "contactkit/sync/JobScheduler",
    tick(options.batch ?? 100).pipe(
      Effect.catchCause((cause) => Effect.logWarning("job scheduler tick failed", cause)),
      Effect.andThen(Effect.sleep(Duration.fromInputUnsafe(options.every ?? "1 second"))),
      Effect.forever
    )
  )
