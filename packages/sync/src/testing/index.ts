/**
 * @contactkit/sync/testing — a throw-away Postgres and runner processes, for tests, benchmarks and trying the
 * distributed mode on one machine.
 */
export * as RunnerProcess from "./RunnerProcess.ts"
export * as ThrowawayPostgres from "./ThrowawayPostgres.ts"
