/**
 * The `node:sqlite` SqlClient does what the cluster's SQL storage asks of a driver: parameters, RETURNING, a
 * transaction that rolls back on failure and commits on success, and the sqlite dialect (which the storage
 * switches its SQL on).
 */
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import * as NodeSqliteClient from "../src/NodeSqliteClient.ts"

layer(NodeSqliteClient.layer({ filename: ":memory:" }))("NodeSqliteClient", (it) => {
  it.effect("runs statements with parameters, RETURNING and transactions", () =>
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      assert.strictEqual(sql.onDialectOrElse({ sqlite: () => "sqlite", orElse: () => "other" }), "sqlite")
      yield* sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)`
      const inserted = yield* sql<{ readonly id: number }>`INSERT INTO t (name) VALUES (${"ada"}) RETURNING id`
      assert.deepStrictEqual(inserted, [{ id: 1 }])
      const failed = yield* Effect.flip(
        sql.withTransaction(Effect.andThen(sql`INSERT INTO t (name) VALUES (${"grace"})`, Effect.fail("stop")))
      )
      assert.strictEqual(failed, "stop")
      yield* sql.withTransaction(sql`INSERT INTO t (name) VALUES (${"alan"})`)
      const rows = yield* sql<{ readonly name: string }>`SELECT name FROM t ORDER BY id`
      assert.deepStrictEqual(rows.map((row) => row.name), ["ada", "alan"])
      // SQLite's own result codes classified as effect's reasons: a unique index, a primary key.
      const unique = yield* Effect.flip(sql`INSERT INTO t (name) VALUES (${"ada"})`)
      assert.strictEqual(unique.reason._tag, "UniqueViolation")
      const primaryKey = yield* Effect.flip(sql`INSERT INTO t (id, name) VALUES (${1}, ${"again"})`)
      assert.strictEqual(primaryKey.reason._tag, "ConstraintError")
    }))
})
