/**
 * The state file: a SQLite journal (Node's built-in `node:sqlite`) of every write `import` and `copy` make, kept
 * before and after each one, holding the source-id → target-id map. A run stopped anywhere — Ctrl-C, a crash, an
 * outage — leaves each contact in one of four states, and the next run with the same file knows what to do:
 *
 * - `written`: done; never written again.
 * - `pending`: the write was started and its end never recorded; the target is checked before writing again.
 * - `uncertain`: the vendor failed in a way that may have stored it (`mayHaveSucceeded`); checked the same way.
 * - `failed`: the vendor refused or could not be reached without storing it; written again.
 *
 * Only ids, fingerprints, vendor labels and reasons are stored: never a credential, never a contact's content.
 */
import { Clock, DateTime, Effect, type Scope } from "effect"
import { DatabaseSync } from "node:sqlite"
import { type CliFailure, usageError } from "./CliFailure.ts"

export type WriteState = "pending" | "written" | "uncertain" | "failed"

export interface JournalEntry {
  readonly sourceKey: string
  readonly state: WriteState
  readonly fingerprint: string
  readonly targetId: string | null
  readonly attempts: number
  readonly reason: string | null
}

/** Which pair of accounts a journal entry belongs to: one state file can serve several copies. */
export interface Route {
  readonly source: string
  readonly target: string
}

export interface Journal {
  readonly path: string
  readonly get: (route: Route, sourceKey: string) => Effect.Effect<JournalEntry | undefined>
  /** Entries a previous run left open (`pending`, `uncertain`). */
  readonly open: (route: Route) => Effect.Effect<ReadonlyArray<JournalEntry>>
  /** Whether some contact of this route is already mapped to this target id. */
  readonly claims: (route: Route, targetId: string) => Effect.Effect<boolean>
  readonly begin: (route: Route, sourceKey: string, fingerprint: string) => Effect.Effect<void>
  readonly written: (route: Route, sourceKey: string, targetId: string) => Effect.Effect<void>
  readonly failed: (
    route: Route,
    sourceKey: string,
    state: "uncertain" | "failed",
    reason: string
  ) => Effect.Effect<void>
}

const schema = `
CREATE TABLE IF NOT EXISTS writes (
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  source_key TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'written', 'uncertain', 'failed')),
  fingerprint TEXT NOT NULL,
  target_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  reason TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (source, target, source_key)
);
CREATE INDEX IF NOT EXISTS writes_by_target_id ON writes (target, target_id);
`

const now = Effect.map(Clock.currentTimeMillis, (millis) => DateTime.formatIso(DateTime.makeUnsafe(millis)))

const toEntry = (row: Record<string, unknown>): JournalEntry => ({
  sourceKey: String(row.source_key),
  state: row.state as WriteState,
  fingerprint: String(row.fingerprint),
  targetId: row.target_id === null ? null : String(row.target_id),
  attempts: Number(row.attempts),
  reason: row.reason === null ? null : String(row.reason)
})

/** Opens (or creates) the state file; closed when the scope ends. */
export const openJournal = (path: string): Effect.Effect<Journal, CliFailure, Scope.Scope> =>
  Effect.gen(function*() {
    const db = yield* Effect.acquireRelease(
      Effect.try({
        try: () => {
          const db = new DatabaseSync(path)
          // WAL keeps the file consistent if the process dies mid-write; each statement is its own transaction.
          db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
          db.exec(schema)
          return db
        },
        catch: (error) => usageError(`cannot open the state file ${path}: ${(error as Error).message}`)
      }),
      (db) => Effect.sync(() => db.close())
    )
    const select = db.prepare("SELECT * FROM writes WHERE source = ? AND target = ? AND source_key = ?")
    const selectOpen = db.prepare(
      "SELECT * FROM writes WHERE source = ? AND target = ? AND state IN ('pending', 'uncertain') ORDER BY source_key"
    )
    const selectClaim = db.prepare("SELECT 1 FROM writes WHERE source = ? AND target = ? AND target_id = ? LIMIT 1")
    const upsertBegin = db.prepare(`
      INSERT INTO writes (source, target, source_key, state, fingerprint, attempts, updated_at)
      VALUES (?, ?, ?, 'pending', ?, 1, ?)
      ON CONFLICT (source, target, source_key) DO UPDATE SET
        state = 'pending', fingerprint = excluded.fingerprint, attempts = attempts + 1, reason = NULL,
        updated_at = excluded.updated_at`)
    const updateWritten = db.prepare(`
      INSERT INTO writes (source, target, source_key, state, fingerprint, target_id, updated_at)
      VALUES (?, ?, ?, 'written', '', ?, ?)
      ON CONFLICT (source, target, source_key) DO UPDATE SET
        state = 'written', target_id = excluded.target_id, reason = NULL, updated_at = excluded.updated_at`)
    const updateFailed = db.prepare(
      "UPDATE writes SET state = ?, reason = ?, updated_at = ? WHERE source = ? AND target = ? AND source_key = ?"
    )
    return {
      path,
      get: (route, key) =>
        Effect.sync(() => {
          const row = select.get(route.source, route.target, key)
          return row === undefined ? undefined : toEntry(row)
        }),
      open: (route) => Effect.sync(() => selectOpen.all(route.source, route.target).map(toEntry)),
      claims: (route, targetId) =>
        Effect.sync(() => selectClaim.get(route.source, route.target, targetId) !== undefined),
      begin: (route, key, fingerprint) =>
        Effect.flatMap(
          now,
          (at) => Effect.sync(() => void upsertBegin.run(route.source, route.target, key, fingerprint, at))
        ),
      written: (route, key, targetId) =>
        Effect.flatMap(
          now,
          (at) => Effect.sync(() => void updateWritten.run(route.source, route.target, key, targetId, at))
        ),
      failed: (route, key, state, reason) =>
        Effect.flatMap(
          now,
          (at) => Effect.sync(() => void updateFailed.run(state, reason, at, route.source, route.target, key))
        )
    } satisfies Journal
  })
