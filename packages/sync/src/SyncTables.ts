/**
 * The sync's own tables, beside the cluster's in the same database (SQLite embedded, Postgres distributed), created
 * through effect's `Migrator` so runners starting together migrate once (on Postgres it locks the migrations
 * table). They hold ids, content hashes, credential *references* and run summaries — never a credential, never a
 * contact's content.
 *
 * - `ck_sync_jobs`: the registered jobs: tenant, source and target (vendor + credential reference), interval, and
 *   how far their runs have got.
 * - `ck_sync_links`: per job, source id → target id with the content hash last written; a write under way carries
 *   its idempotency key and the fingerprint the target will be searched for if its outcome is lost.
 * - `ck_sync_runs`: one summary per finished run.
 * - `ck_sync_rate`: the shared rate limiter's next free slot per credential (see SharedRateLimiter).
 */
import { Effect } from "effect"
import { Migrator, SqlClient } from "effect/sql"

const createTables = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql`CREATE TABLE ck_sync_jobs (
    job_id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL,
    source_vendor TEXT NOT NULL,
    source_credential TEXT NOT NULL,
    target_vendor TEXT NOT NULL,
    target_credential TEXT NOT NULL,
    interval_ms BIGINT,
    page_size INTEGER,
    active INTEGER NOT NULL DEFAULT 1,
    started_run INTEGER NOT NULL DEFAULT 0,
    completed_run INTEGER NOT NULL DEFAULT 0,
    next_run_at BIGINT NOT NULL DEFAULT 0
  )`
  yield* sql`CREATE TABLE ck_sync_links (
    job_id TEXT NOT NULL,
    source_id TEXT NOT NULL,
    target_id TEXT,
    content_hash TEXT,
    pending_key TEXT,
    pending_hash TEXT,
    pending_fingerprint TEXT,
    PRIMARY KEY (job_id, source_id)
  )`
  yield* sql`CREATE TABLE ck_sync_runs (
    job_id TEXT NOT NULL,
    run INTEGER NOT NULL,
    finished_at BIGINT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (job_id, run)
  )`
  yield* sql`CREATE TABLE ck_sync_rate (
    rate_key TEXT PRIMARY KEY,
    next_at DOUBLE PRECISION NOT NULL
  )`
})

/** Creates the tables once per database; a no-op when they exist. */
export const migrate = Migrator.make({})({
  loader: Migrator.fromRecord({ "0001_sync_tables": createTables }),
  table: "ck_sync_migrations"
})
