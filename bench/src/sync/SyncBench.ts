/**
 * Benchmark — contacts synced per second on the same work (`SyncWork.ts`) by:
 * - a plain loop over the port in this process (list the source, `create` each projected contact, four writes in
 *   flight per tenant, every tenant at once): no engine, no journal, no database — the baseline;
 * - the embedded sync in this process (single-runner cluster over SQLite);
 * - 1, 2 and 3 runner processes on one Postgres (fresh database each round), timed from registering the jobs until
 *   every run has finished, runners started and holding their shards beforehand.
 * Printed as contacts/s, the scaling ratios against one runner, and the engine's overhead as the plain loop's
 * rate over the engine's. Targets are emptied before each round; no rate limits (the engine is what is measured).
 */
import { project, toDraft } from "@contactkit/domain"
import { Credentials, Embedded, Jobs, JobStore, Worker } from "@contactkit/sync"
import { RunnerProcess, ThrowawayPostgres } from "@contactkit/sync/testing"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { Console, Context, Effect, FileSystem, Layer, Redacted, References, Stream } from "effect"
import { SqlClient } from "effect/sql"
import { join } from "node:path"
import { formatRate, formatRatio, table } from "../Report.ts"
import { directoryAt, prepare, type SyncWork } from "./SyncWork.ts"

export interface SyncRound {
  readonly mode: string
  readonly runners: number | undefined
  readonly contacts: number
  readonly seconds: number
}

const timed = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const start = performance.now()
    yield* effect
    return (performance.now() - start) / 1000
  })

const plainLoop = (work: SyncWork) =>
  Effect.forEach(work.jobs, (_job, i) =>
    Effect.gen(function*() {
      const source = yield* directoryAt(work.sources[Math.floor(i / 4)]!)
      const target = yield* directoryAt(work.targets[i]!)
      const contacts = Array.from(yield* Stream.runCollect(source.list()))
      yield* Effect.forEach(
        contacts,
        (contact) => target.create(toDraft(project(target.capabilities, toDraft(contact)).contact)),
        { concurrency: 4, discard: true }
      )
    }), { concurrency: "unbounded", discard: true }).pipe(Effect.scoped)

/** The embedded engine over a state file in a folder of its own, removed after the round. */
const embedded = (work: SyncWork) =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const filename = join(yield* fs.makeTempDirectoryScoped({ prefix: "ck-sync-bench-" }), "sync.sqlite")
    yield* Effect.forEach(work.jobs, Jobs.runNow, { concurrency: "unbounded", discard: true }).pipe(
      Effect.provide(Embedded.layer({ filename }, Credentials.layerFromVariables(work.variables)))
    )
  }).pipe(
    Effect.scoped,
    Effect.provide(NodeFileSystem.layer),
    // The runs log what they plan and finish; the benchmark prints only its figures.
    Effect.provideService(References.MinimumLogLevel, "Warn")
  )

/** One round on `count` runner processes over a fresh database of `postgres`. */
const cluster = (work: SyncWork, postgres: ThrowawayPostgres.RunningPostgres, count: number) =>
  Effect.gen(function*() {
    const admin = yield* Layer.build(Worker.layerDatabase(postgres.url))
    const name = `sync_bench_${count}`
    yield* Context.get(admin, SqlClient.SqlClient).unsafe(`CREATE DATABASE ${name}`)
    const url = Redacted.make(`postgres://postgres@127.0.0.1:${postgres.port}/${name}`)
    const client = yield* Layer.build(Worker.layerClient(url))
    const sql = Context.get(client, SqlClient.SqlClient)
    const jobs = Context.get(client, JobStore.JobStore)
    const env = { ...work.variables, CK_SYNC_DATABASE_URL: Redacted.value(url), CK_SYNC_FAILOVER: "6 seconds" }
    yield* Effect.forEach(Array.from({ length: count }, (_, i) => `r${i}`), (n) => RunnerProcess.startRunner(n, env))
    yield* waitFor(
      Effect.map(
        sql<{ readonly n: number }>`SELECT count(DISTINCT pid)::int AS n FROM pg_locks
          WHERE locktype = 'advisory' AND granted
            AND database = (SELECT oid FROM pg_database WHERE datname = ${name})`.pipe(Effect.orDie),
        (rows) => (rows[0]?.n ?? 0) >= count
      )
    )
    return yield* timed(
      Effect.andThen(
        Effect.forEach(work.jobs, Jobs.register, { discard: true }).pipe(
          Effect.provideService(JobStore.JobStore, jobs)
        ),
        waitFor(Effect.map(jobs.all, (all) => all.every((state) => state.completedRun >= 1)))
      )
    )
  }).pipe(Effect.scoped)

const waitFor = (check: Effect.Effect<boolean>) =>
  Effect.gen(function*() {
    const deadline = performance.now() + 600_000
    while (!(yield* check)) {
      if (performance.now() > deadline) return yield* Effect.die(new Error("sync benchmark round timed out"))
      yield* Effect.sleep("200 millis")
    }
  })

export const benchSync = (tenants: number, contacts: number) =>
  Effect.gen(function*() {
    const work = yield* prepare(tenants, contacts)
    const postgres = yield* ThrowawayPostgres.start
    const total = tenants * contacts
    const rounds: Array<SyncRound> = []
    const round = (mode: string, runners: number | undefined, run: Effect.Effect<number, unknown>) =>
      Effect.gen(function*() {
        yield* work.reset
        const seconds = yield* run
        rounds.push({ mode, runners, contacts: total, seconds })
        yield* Console.log(`  ${mode}${runners === undefined ? "" : ` × ${runners}`}: ${seconds.toFixed(1)} s`)
      })
    yield* round("plain loop", undefined, timed(plainLoop(work)))
    yield* round("embedded (SQLite)", undefined, timed(embedded(work)))
    for (const count of [1, 2, 3]) yield* round("runners (Postgres)", count, cluster(work, postgres, count))
    return rounds
  }).pipe(Effect.scoped)

export const renderSync = (rounds: ReadonlyArray<SyncRound>): string => {
  const rate = (r: SyncRound) => r.contacts / r.seconds
  const plain = rounds.find((r) => r.mode === "plain loop")
  const one = rounds.find((r) => r.runners === 1)
  return table(
    ["mode", "runners", "contacts", "seconds", "contacts/s", "vs 1 runner", "plain loop ÷ this"],
    rounds.map((r) => [
      r.mode,
      r.runners === undefined ? "" : String(r.runners),
      r.contacts.toLocaleString("en-US"),
      r.seconds.toFixed(1),
      formatRate(rate(r)),
      r.runners === undefined || one === undefined ? "" : formatRatio(rate(r) / rate(one)),
      plain === undefined || r === plain ? "" : formatRatio(rate(plain) / rate(r))
    ])
  )
}
