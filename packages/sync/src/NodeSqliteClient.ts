/**
 * A `SqlClient` over Node 24's built-in `node:sqlite`: the embedded store of a single-runner sync. Effect 4.1
 * ships the SQL port (`effect/sql`) and the SQLite pieces of a driver (`makeCompilerSqlite`, `makeSqliteAcquirers`,
 * `classifySqliteError`), but no SQLite driver for 4.x: the published `@effect/sql-sqlite-node` and
 * `@effect/sql-pglite` are 4.0 betas that import `effect/unstable/…`, which 4.1 no longer has, so they fail to
 * load. This is the smallest driver over those pieces: one connection shared through a semaphore, statements
 * prepared once and cached, no native addon to build.
 */
import { Context, Effect, Layer, Scope, Semaphore, Stream } from "effect"
import { Reactivity } from "effect/reactivity"
import { SqlClient, SqlConnection, SqlError, Statement } from "effect/sql"
import { DatabaseSync, type StatementSync } from "node:sqlite"

export interface Options {
  /** A file path, or `":memory:"`. */
  readonly filename: string
}

/**
 * `node:sqlite` throws with `code: "ERR_SQLITE_ERROR"` and SQLite's extended result code in `errcode`; effect's
 * classifier reads SQLite's code from `code`, so it is handed that (the original error kept as the cause).
 */
const failure = (cause: unknown, message: string, operation: string) => {
  const errcode = typeof cause === "object" && cause !== null && "errcode" in cause ? cause.errcode : undefined
  const view = typeof errcode === "number" ? { code: errcode, message: String(cause), cause } : cause
  return new SqlError.SqlError({ reason: SqlError.classifySqliteError(view, { message, operation }) })
}

const connectionOf = (db: DatabaseSync): SqlConnection.Connection => {
  const prepared = new Map<string, StatementSync>()
  const prepare = (sql: string) =>
    Effect.try({
      try: () => {
        let statement = prepared.get(sql)
        if (statement === undefined) {
          statement = db.prepare(sql)
          prepared.set(sql, statement)
        }
        return statement
      },
      catch: (cause) => failure(cause, "Failed to prepare statement", "prepare")
    })
  const run = (statement: StatementSync, params: ReadonlyArray<unknown>, arrays: boolean) =>
    Effect.withFiber<ReadonlyArray<any>, SqlError.SqlError>((fiber) =>
      Effect.try({
        try: () => {
          statement.setReadBigInts(Context.get(fiber.context, SqlClient.SafeIntegers))
          statement.setReturnArrays(arrays)
          const values = params as Array<any>
          if (statement.columns().length > 0) return statement.all(...values)
          statement.run(...values)
          return []
        },
        catch: (cause) => failure(cause, "Failed to execute statement", "execute")
      })
    )
  const rows = (sql: string, params: ReadonlyArray<unknown>, arrays: boolean) =>
    Effect.flatMap(prepare(sql), (statement) => run(statement, params, arrays))
  const unprepared = (sql: string, params: ReadonlyArray<unknown>, arrays: boolean) =>
    Effect.flatMap(
      Effect.try({ try: () => db.prepare(sql), catch: (cause) => failure(cause, "Failed to prepare", "prepare") }),
      (statement) => run(statement, params, arrays)
    )
  return {
    execute: (sql, params, transform) =>
      transform ? Effect.map(rows(sql, params, false), transform) : rows(sql, params, false),
    executeRaw: (sql, params) =>
      Effect.flatMap(prepare(sql), (statement) =>
        Effect.try({
          try: () => statement.run(...(params as Array<any>)),
          catch: (cause) => failure(cause, "Failed to execute statement", "execute")
        })),
    executeStream: (sql, params, transform) =>
      Stream.fromIterableEffect(
        transform ? Effect.map(rows(sql, params, false), transform) : rows(sql, params, false)
      ),
    executeValues: (sql, params) => rows(sql, params, true),
    executeValuesUnprepared: (sql, params) => unprepared(sql, params, true),
    executeUnprepared: (sql, params, transform) =>
      transform ? Effect.map(unprepared(sql, params, false), transform) : unprepared(sql, params, false)
  }
}

export const make = (
  options: Options
): Effect.Effect<SqlClient.SqlClient, SqlError.SqlError, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function*() {
    const db = yield* Effect.acquireRelease(
      Effect.try({
        try: () => new DatabaseSync(options.filename),
        catch: (cause) => failure(cause, `Failed to open ${options.filename}`, "open")
      }),
      (db) => Effect.sync(() => db.close())
    )
    // WAL lets a reader see committed rows while a write is under way; NORMAL sync is WAL's usual durability.
    if (options.filename !== ":memory:") db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
    db.exec("PRAGMA busy_timeout = 5000")
    const connection = connectionOf(db)
    const acquirers = SqlClient.makeSqliteAcquirers({
      connection: Effect.succeed(connection),
      semaphore: yield* Semaphore.make(1),
      isTransaction: () => db.isTransaction
    })
    return yield* SqlClient.make({
      ...acquirers,
      compiler: Statement.makeCompilerSqlite(),
      driver: "node:sqlite",
      spanAttributes: [["db.system.name", "sqlite"]]
    })
  })

export const layer = (options: Options): Layer.Layer<SqlClient.SqlClient, SqlError.SqlError> =>
  Layer.effect(SqlClient.SqlClient, make(options)).pipe(Layer.provide(Reactivity.layer))
