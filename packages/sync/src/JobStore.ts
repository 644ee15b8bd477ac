/**
 * Registered jobs and their runs (`ck_sync_jobs`, `ck_sync_runs`). Registering a job is one row: the scheduler on
 * whichever runner owns it starts its runs; each run's last activity records its summary and when the next run is
 * due. Runs are numbered: run n+1 starts only once run n has finished, and starting an unfinished run again
 * resumes it (its workflow execution id is the job id and the run number).
 */
import { Context, Effect, Layer, Option, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { RunSummary } from "./RunSummary.ts"
import type { SyncJob } from "./SyncJob.ts"
import { durable } from "./SyncStore.ts"

export interface JobState {
  readonly job: SyncJob
  readonly active: boolean
  readonly startedRun: number
  readonly completedRun: number
  readonly nextRunAt: number
}

export class JobStore extends Context.Service<JobStore, {
  /** Registers or replaces a job; its run counters are kept when it exists. */
  readonly register: (job: SyncJob) => Effect.Effect<void>
  readonly deactivate: (jobId: string) => Effect.Effect<void>
  readonly get: (jobId: string) => Effect.Effect<JobState | undefined>
  readonly all: Effect.Effect<ReadonlyArray<JobState>>
  /** Active jobs with no run under way whose next run is due at `now` (epoch ms). */
  readonly due: (now: number, limit: number) => Effect.Effect<ReadonlyArray<JobState>>
  readonly started: (jobId: string, run: number) => Effect.Effect<void>
  /** Records the summary of `run` and when the next is due; a second call for the same run changes nothing. */
  readonly finished: (jobId: string, run: number, summary: RunSummary, nextRunAt: number) => Effect.Effect<void>
  readonly summary: (jobId: string, run: number) => Effect.Effect<Option.Option<RunSummary>>
}>()("@contactkit/sync/JobStore") {}

interface Row {
  readonly job_id: string
  readonly tenant: string
  readonly source_vendor: string
  readonly source_credential: string
  readonly target_vendor: string
  readonly target_credential: string
  readonly interval_ms: number | string | null
  readonly page_size: number | null
  readonly active: number | boolean
  readonly started_run: number
  readonly completed_run: number
  readonly next_run_at: number | string
}

const toState = (row: Row): JobState => ({
  job: {
    jobId: row.job_id,
    tenant: row.tenant,
    source: { vendor: row.source_vendor, credential: row.source_credential },
    target: { vendor: row.target_vendor, credential: row.target_credential },
    ...(row.interval_ms === null ? {} : { intervalMs: Number(row.interval_ms) }),
    ...(row.page_size === null ? {} : { pageSize: Number(row.page_size) })
  },
  active: Boolean(Number(row.active)),
  startedRun: Number(row.started_run),
  completedRun: Number(row.completed_run),
  nextRunAt: Number(row.next_run_at)
})

const summaryJson = Schema.fromJsonString(RunSummary)
const encodeSummary = Schema.encodeSync(summaryJson)
const decodeSummary = Schema.decodeUnknownSync(summaryJson)

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const select = sql`SELECT * FROM ck_sync_jobs`
  return JobStore.of({
    register: (job) =>
      durable(sql`INSERT INTO ck_sync_jobs (job_id, tenant, source_vendor, source_credential, target_vendor,
          target_credential, interval_ms, page_size, active)
        VALUES (${job.jobId}, ${job.tenant}, ${job.source.vendor}, ${job.source.credential}, ${job.target.vendor},
          ${job.target.credential}, ${job.intervalMs ?? null}, ${job.pageSize ?? null}, 1)
        ON CONFLICT (job_id) DO UPDATE SET interval_ms = excluded.interval_ms, page_size = excluded.page_size,
          active = 1`).pipe(Effect.asVoid),
    deactivate: (jobId) => durable(sql`UPDATE ck_sync_jobs SET active = 0 WHERE job_id = ${jobId}`).pipe(Effect.asVoid),
    get: (jobId) =>
      durable(sql<Row>`${select} WHERE job_id = ${jobId}`).pipe(
        Effect.map((rows) => rows[0] === undefined ? undefined : toState(rows[0]))
      ),
    all: durable(sql<Row>`${select} ORDER BY job_id`).pipe(Effect.map((rows) => rows.map(toState))),
    due: (now, limit) =>
      durable(sql<Row>`${select} WHERE active = 1 AND started_run = completed_run AND next_run_at <= ${now}
        ORDER BY next_run_at, job_id LIMIT ${limit}`).pipe(Effect.map((rows) => rows.map(toState))),
    started: (jobId, run) =>
      durable(sql`UPDATE ck_sync_jobs SET started_run = ${run} WHERE job_id = ${jobId} AND started_run < ${run}`)
        .pipe(Effect.asVoid),
    finished: (jobId, run, summary, nextRunAt) =>
      Effect.gen(function*() {
        yield* durable(sql`INSERT INTO ck_sync_runs (job_id, run, finished_at, summary)
          VALUES (${jobId}, ${run}, ${summary.finishedAt}, ${encodeSummary(summary)})
          ON CONFLICT (job_id, run) DO NOTHING`)
        yield* durable(sql`UPDATE ck_sync_jobs SET completed_run = ${run}, next_run_at = ${nextRunAt},
            started_run = CASE WHEN started_run < ${run} THEN ${run} ELSE started_run END
          WHERE job_id = ${jobId} AND completed_run < ${run}`)
      }),
    summary: (jobId, run) =>
      durable(sql<{ readonly summary: string }>`SELECT summary FROM ck_sync_runs
        WHERE job_id = ${jobId} AND run = ${run}`).pipe(
        Effect.map((rows) => Option.map(Option.fromUndefinedOr(rows[0]), (row) => decodeSummary(row.summary)))
      )
  })
})

export const layer: Layer.Layer<JobStore, never, SqlClient.SqlClient> = Layer.effect(JobStore, make)
