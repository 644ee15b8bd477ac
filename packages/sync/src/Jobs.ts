/**
 * The jobs API: register a job for the runners to keep in step (distributed mode: one row, the scheduler does the
 * rest), or run one now and wait for its summary (embedded mode). Running a job whose last run was cut short
 * resumes that run rather than starting another, so an interrupted `contactkit sync` finishes what it began.
 */
import { Effect } from "effect"
import type { WorkflowEngine } from "effect/workflow"
import { JobStore } from "./JobStore.ts"
import type { RunSummary } from "./RunSummary.ts"
import type { SyncJob } from "./SyncJob.ts"
import { SyncRun } from "./SyncRun.ts"

/** Registers (or updates) a job; its first run is due at once. */
export const register = (job: SyncJob): Effect.Effect<void, never, JobStore> =>
  Effect.gen(function*() {
    yield* (yield* JobStore).register(job)
  })

/** The run a job would do next: the unfinished one, else the one after the last finished. */
export const nextRun = (state: { readonly startedRun: number; readonly completedRun: number }): number =>
  state.startedRun > state.completedRun ? state.startedRun : state.completedRun + 1

/** Registers the job and runs it now in this process, waiting for the summary. */
export const runNow = (
  job: SyncJob
): Effect.Effect<RunSummary, never, JobStore | WorkflowEngine.WorkflowEngine> =>
  Effect.gen(function*() {
    const jobs = yield* JobStore
    yield* jobs.register(job)
    const state = yield* jobs.get(job.jobId)
    const run = nextRun(state ?? { startedRun: 0, completedRun: 0 })
    yield* jobs.started(job.jobId, run)
    return yield* SyncRun.execute({ job, run })
  })
