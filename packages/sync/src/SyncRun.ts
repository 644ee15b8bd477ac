/**
 * One run of a job as a durable workflow (`effect/workflow`): the plan — the complete source listing compared with
 * the links — is the first activity; the planned writes follow in time-boxed activities of several writes each
 * (`writes from <k>`), every write carrying an idempotency key derived from the execution and its own name; the
 * last activity records the summary. On a cluster the execution lives on the runner that owns its shard; if that
 * runner dies, another replays the workflow: finished activities return their recorded results, and an activity
 * cut short runs again, where the write journal (TargetWrite) settles each write that may have happened at the
 * target before sending anything.
 */
import { ContactError } from "@contactkit/domain"
import { Clock, Context, Effect, Schedule, Schema, Stream } from "effect"
import { Activity, Workflow, WorkflowEngine } from "effect/workflow"
import { JobStore } from "./JobStore.ts"
import { countsOf, failedRun, RunSummary, summarize } from "./RunSummary.ts"
import { SyncDirectories } from "./SyncDirectories.ts"
import { SyncJob } from "./SyncJob.ts"
import { plan, sourceEntry, SyncPlan } from "./SyncPlan.ts"
import { SyncStore } from "./SyncStore.ts"
import { write } from "./TargetWrite.ts"
import { timeBoxed } from "./TimeBoxed.ts"
import { writeKey, writeName } from "./WriteKey.ts"
import { WriteOutcome } from "./WriteOutcome.ts"

/** A run that could not plan: a side that cannot be opened, or a source listing that did not complete. */
export class SyncFailure extends Schema.TaggedError<SyncFailure>()("SyncFailure", {
  jobId: Schema.String,
  detail: Schema.String
}) {
  override get message() {
    return `${this.jobId}: ${this.detail}`
  }
}

export const SyncRun = Workflow.make("contactkit/SyncRun", {
  payload: { job: SyncJob, run: Schema.Number },
  success: RunSummary,
  idempotencyKey: ({ job, run }) => `${job.jobId}#${run}`
})

/** How many writes of one run are in flight at once (each still waits for its credential's rate limit). */
export const WriteConcurrency = Context.Reference<number>("@contactkit/sync/WriteConcurrency", {
  defaultValue: () => 4
})

/**
 * How long one write activity goes on starting writes, and the most it carries. Each activity is a stored request
 * and reply of the cluster and a round of its RPC machinery — with one per write, most of a runner's work per
 * contact — while a short one keeps a shard handover's wait for it short.
 */
const writeBudgetMs = 500
const maxWritesPerActivity = 64

const transient = Schedule.exponential("500 millis").pipe(Schedule.jittered)

const planOf = (job: SyncJob, run: number) =>
  Effect.gen(function*() {
    const directories = yield* SyncDirectories
    const store = yield* SyncStore
    const source = yield* directories.open(job.source)
    const target = yield* directories.open(job.target)
    const links = yield* store.links(job.jobId)
    const listing = yield* source.list(job.pageSize === undefined ? undefined : { pageSize: job.pageSize }).pipe(
      Stream.map((contact) => sourceEntry(contact.id, contact)),
      Stream.runCollect,
      // A listing that fails part way is retried whole: removals may only be decided from a complete one.
      Effect.retry({ schedule: transient, times: 3, while: (error) => error.isRetryable })
    )
    const planned = plan(target.capabilities, listing, links)
    yield* Effect.logInfo(
      `planned run ${run} of ${job.jobId}: ${listing.length} listed, ${planned.operations.length} writes, ` +
        `${planned.unchanged} unchanged, ${planned.refused.length} refused`
    )
    return planned
  }).pipe(
    Effect.scoped,
    Effect.mapError((error) =>
      new SyncFailure({
        jobId: job.jobId,
        detail: error instanceof ContactError ? `listing failed: ${error.message}` : error.message
      })
    )
  )

/**
 * One write activity: the planned writes from `from` on, `concurrency` at a time, for at most `writeBudgetMs`
 * (TimeBoxed), on one opening of the target. Each write keeps its own idempotency key and journal entry, so an
 * activity cut short and run again settles each of its writes — done, not begun, or of unknown outcome at the
 * target — before sending anything. A target that cannot be opened fails every write left: none could be sent.
 */
const writesFrom = (
  job: SyncJob,
  executionId: string,
  operations: SyncPlan["operations"],
  from: number,
  concurrency: number
) =>
  Effect.gen(function*() {
    const target = yield* (yield* SyncDirectories).open(job.target)
    return yield* timeBoxed({
      items: operations,
      from,
      concurrency,
      budgetMs: writeBudgetMs,
      max: maxWritesPerActivity,
      run: (operation) =>
        write({ jobId: job.jobId, target, key: writeKey(executionId, writeName(operation)) }, operation)
    })
  }).pipe(
    Effect.scoped,
    Effect.catchTag("SetupError", (error) =>
      Effect.succeed(
        operations.slice(from).map((operation): WriteOutcome => ({
          _tag: "Failed",
          sourceId: operation.sourceId,
          label: operation.sourceId,
          reason: error.message
        }))
      ))
  )

const finishOf = (
  job: SyncJob,
  run: number,
  result: { readonly plan: SyncPlan; readonly outcomes: ReadonlyArray<WriteOutcome> } | SyncFailure
) =>
  Effect.gen(function*() {
    const finishedAt = yield* Clock.currentTimeMillis
    const header = { jobId: job.jobId, run, finishedAt }
    const summary = result instanceof SyncFailure
      ? failedRun(header, result.detail)
      : summarize(header, result.plan, result.outcomes)
    yield* Effect.logInfo(`finished run ${run} of ${job.jobId}: ${countsOf(summary)}`)
    const next = job.intervalMs === undefined ? Number.MAX_SAFE_INTEGER : finishedAt + job.intervalMs
    yield* (yield* JobStore).finished(job.jobId, run, summary, next)
    return summary
  })

/**
 * The workflow's handler: registers `SyncRun` with the engine of this runner. A run that cannot plan still
 * finishes, with the reason in its summary, so the job's next run comes when it is due.
 */
export const layer = SyncRun.toLayer(Effect.fnUntraced(function*({ job, run }) {
  const planning = yield* Effect.result(
    Activity.make({ name: "plan", success: SyncPlan, error: SyncFailure, execute: planOf(job, run) })
  )
  if (planning._tag === "Failure") {
    return yield* Activity.make({ name: "finish", success: RunSummary, execute: finishOf(job, run, planning.failure) })
  }
  const planned = planning.success
  const concurrency = yield* WriteConcurrency
  const { executionId } = yield* WorkflowEngine.WorkflowInstance
  // Writes in time-boxed activities (TimeBoxed): each activity's recorded length fixes where the next begins and
  // so its name, and a replay meets the same activities in the same order.
  const operations = planned.operations
  const outcomes: Array<WriteOutcome> = []
  while (outcomes.length < operations.length) {
    const from = outcomes.length
    const done = yield* Activity.make({
      name: `writes from ${from}`,
      success: Schema.Array(WriteOutcome),
      execute: writesFrom(job, executionId, operations, from, concurrency)
    })
    if (done.length === 0) return yield* Effect.die(new Error(`writes from ${from} of ${job.jobId} did none`))
    outcomes.push(...done)
  }
  return yield* Activity.make({
    name: "finish",
    success: RunSummary,
    execute: finishOf(job, run, { plan: planned, outcomes })
  })
}))
