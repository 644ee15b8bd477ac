/**
 * @contactkit/sync — one-way incremental sync of a source `ContactDirectory` into a target one, as a durable
 * workflow on `effect/workflow` + `effect/cluster`: embedded in one process over SQLite (`Embedded.layer`), or on
 * several runners sharing one Postgres (`Worker.layer`), jobs registered with `Jobs.register`.
 */
export * as ContentHash from "./ContentHash.ts"
export * as Credentials from "./Credentials.ts"
export * as Embedded from "./Embedded.ts"
export * as Jobs from "./Jobs.ts"
export * as JobStore from "./JobStore.ts"
export * as NodeSqliteClient from "./NodeSqliteClient.ts"
export * as RunSummary from "./RunSummary.ts"
export * as SharedRateLimiter from "./SharedRateLimiter.ts"
export * as SyncDirectories from "./SyncDirectories.ts"
export * as SyncJob from "./SyncJob.ts"
export * as SyncPlan from "./SyncPlan.ts"
export * as SyncRun from "./SyncRun.ts"
export * as SyncStore from "./SyncStore.ts"
export * as Worker from "./Worker.ts"
export { config as workerConfig, launch as launchWorker } from "./WorkerMain.ts"
export * as WriteOutcome from "./WriteOutcome.ts"
