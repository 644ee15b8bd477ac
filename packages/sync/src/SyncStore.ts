/**
 * The links of every job (`ck_sync_links`): source id → target id with the content hash last written, and the
 * journal of writes under way. A write begins by recording its idempotency key and the fingerprint of what it
 * sends, and ends by recording the target id and the new hash; a row still carrying a key after a crash is a write
 * whose outcome is unknown, which the next attempt checks at the target before writing again.
 */
import { Context, Effect, Layer, Schedule } from "effect"
import { SqlClient, type SqlError } from "effect/sql"
import type { Link } from "./SyncPlan.ts"

export interface LinkRow extends Link {
  readonly pendingKey: string | null
  readonly pendingHash: string | null
}

/** What `begin` records of a write about to be sent. */
export interface PendingWrite {
  readonly key: string
  readonly hash: string | null
  readonly fingerprint: string | null
}

export class SyncStore extends Context.Service<SyncStore, {
  readonly links: (jobId: string) => Effect.Effect<ReadonlyMap<string, LinkRow>>
  readonly link: (jobId: string, sourceId: string) => Effect.Effect<LinkRow | undefined>
  /** Target ids already linked to some source contact of the job (a recovered create must not claim one). */
  readonly claimed: (jobId: string) => Effect.Effect<ReadonlySet<string>>
  readonly begin: (
    jobId: string,
    sourceId: string,
    write: PendingWrite
  ) => Effect.Effect<void>
  /**
   * `begin` for a source contact with no link yet, in one statement instead of a read and a write: true when
   * there was none and the write is now journaled; false (nothing changed) when a link exists, which the caller
   * then reads and decides on as before.
   */
  readonly beginNew: (jobId: string, sourceId: string, write: PendingWrite) => Effect.Effect<boolean>
  /**
   * `begin` for a settled link to `targetId` whose content hash is not `write.hash`, in one statement: true when
   * the link was exactly that (no write under way) and the write is now journaled; false (nothing changed)
   * otherwise.
   */
  readonly beginOver: (
    jobId: string,
    sourceId: string,
    targetId: string,
    write: PendingWrite & { readonly hash: string }
  ) => Effect.Effect<boolean>
  readonly written: (jobId: string, sourceId: string, targetId: string, hash: string) => Effect.Effect<void>
  /** The write under way certainly did not happen: the link is as it was before it. */
  readonly abandon: (jobId: string, sourceId: string) => Effect.Effect<void>
  /** The target contact is gone: the link goes too. */
  readonly forget: (jobId: string, sourceId: string) => Effect.Effect<void>
}>()("@contactkit/sync/SyncStore") {}

interface Row {
  readonly source_id: string
  readonly target_id: string | null
  readonly content_hash: string | null
  readonly pending_key: string | null
  readonly pending_hash: string | null
  readonly pending_fingerprint: string | null
}

const toLink = (row: Row): LinkRow => ({
  sourceId: row.source_id,
  targetId: row.target_id,
  hash: row.content_hash,
  pendingKey: row.pending_key,
  pendingHash: row.pending_hash,
  pendingFingerprint: row.pending_fingerprint
})

/**
 * A store statement that meets a transient database failure (a lost connection, a lock timeout) tries again a few
 * times; one that still fails is a defect of the activity, which the workflow engine records.
 */
export const durable = <A>(effect: Effect.Effect<A, SqlError.SqlError>): Effect.Effect<A> =>
  effect.pipe(
    Effect.retry({ schedule: Schedule.exponential("100 millis"), times: 5 }),
    Effect.orDie
  )

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const select = sql`SELECT source_id, target_id, content_hash, pending_key, pending_hash, pending_fingerprint
    FROM ck_sync_links`
  return SyncStore.of({
    links: (jobId) =>
      durable(sql<Row>`${select} WHERE job_id = ${jobId}`).pipe(
        Effect.map((rows) => new Map(rows.map((row) => [row.source_id, toLink(row)])))
      ),
    link: (jobId, sourceId) =>
      durable(sql<Row>`${select} WHERE job_id = ${jobId} AND source_id = ${sourceId}`).pipe(
        Effect.map((rows) => rows[0] === undefined ? undefined : toLink(rows[0]))
      ),
    claimed: (jobId) =>
      durable(
        sql<{ readonly target_id: string }>`SELECT target_id FROM ck_sync_links
          WHERE job_id = ${jobId} AND target_id IS NOT NULL`
      ).pipe(Effect.map((rows) => new Set(rows.map((row) => row.target_id)))),
    begin: (jobId, sourceId, write) =>
      durable(sql`INSERT INTO ck_sync_links (job_id, source_id, pending_key, pending_hash, pending_fingerprint)
        VALUES (${jobId}, ${sourceId}, ${write.key}, ${write.hash}, ${write.fingerprint})
        ON CONFLICT (job_id, source_id) DO UPDATE SET pending_key = excluded.pending_key,
          pending_hash = excluded.pending_hash, pending_fingerprint = excluded.pending_fingerprint`).pipe(
        Effect.asVoid
      ),
    beginNew: (jobId, sourceId, write) =>
      durable(sql<{ readonly source_id: string }>`INSERT INTO ck_sync_links
        (job_id, source_id, pending_key, pending_hash, pending_fingerprint)
        VALUES (${jobId}, ${sourceId}, ${write.key}, ${write.hash}, ${write.fingerprint})
        ON CONFLICT (job_id, source_id) DO NOTHING RETURNING source_id`).pipe(Effect.map((rows) => rows.length > 0)),
    beginOver: (jobId, sourceId, targetId, write) =>
      durable(sql<{ readonly source_id: string }>`UPDATE ck_sync_links SET pending_key = ${write.key},
          pending_hash = ${write.hash}, pending_fingerprint = ${write.fingerprint}
        WHERE job_id = ${jobId} AND source_id = ${sourceId} AND target_id = ${targetId} AND pending_key IS NULL
          AND content_hash IS DISTINCT FROM ${write.hash}
        RETURNING source_id`).pipe(Effect.map((rows) => rows.length > 0)),
    written: (jobId, sourceId, targetId, hash) =>
      durable(sql`INSERT INTO ck_sync_links (job_id, source_id, target_id, content_hash)
        VALUES (${jobId}, ${sourceId}, ${targetId}, ${hash})
        ON CONFLICT (job_id, source_id) DO UPDATE SET target_id = excluded.target_id,
          content_hash = excluded.content_hash, pending_key = NULL, pending_hash = NULL,
          pending_fingerprint = NULL`).pipe(Effect.asVoid),
    abandon: (jobId, sourceId) =>
      Effect.gen(function*() {
        yield* durable(sql`UPDATE ck_sync_links SET pending_key = NULL, pending_hash = NULL, pending_fingerprint = NULL
          WHERE job_id = ${jobId} AND source_id = ${sourceId}`)
        // A create that never happened leaves no link behind.
        yield* durable(sql`DELETE FROM ck_sync_links
          WHERE job_id = ${jobId} AND source_id = ${sourceId} AND target_id IS NULL`)
      }),
    forget: (jobId, sourceId) =>
      durable(sql`DELETE FROM ck_sync_links WHERE job_id = ${jobId} AND source_id = ${sourceId}`).pipe(Effect.asVoid)
  })
})

export const layer: Layer.Layer<SyncStore, never, SqlClient.SqlClient> = Layer.effect(SyncStore, make)
