/**
 * Runner processes for tests and benchmarks: `WorkerMain.ts` started as child processes on one Postgres, with
 * their output kept (the distributed proof reads which runs a killed runner had planned but not finished) and a
 * SIGKILL on demand. Each is stopped (SIGTERM, then SIGKILL after 10 s) when the scope closes.
 */
import { Effect, type Scope } from "effect"
import { type ChildProcess, spawn } from "node:child_process"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { watch } from "./Watchdog.ts"

export interface Runner {
  readonly name: string
  readonly process: ChildProcess
  /** Every line the runner printed so far. */
  readonly output: Array<string>
  readonly kill: Effect.Effect<void>
}

const workerMain = fileURLToPath(new URL("../WorkerMain.ts", import.meta.url))

/** `CK_SYNC_CPU_PROF=<dir>`: each runner writes a V8 CPU profile there when it exits (not when SIGKILLed). */
const profiling = (): ReadonlyArray<string> => {
  const dir = process.env["CK_SYNC_CPU_PROF"]
  return dir === undefined || dir === "" ? [] : ["--cpu-prof", `--cpu-prof-dir=${dir}`]
}

/**
 * Node's compile cache for the runners (`NODE_COMPILE_CACHE`): each runner loads Effect, the cluster and every
 * vendor's adapter from source, and the cache keeps their compiled code between runners and runs (1.27 -> 0.74 s of
 * CPU to load WorkerMain's modules with it warm). Entries are checked against the source they came from, so a
 * changed file is compiled again, never served stale.
 */
const compileCache = join(tmpdir(), "ck-sync-compile-cache")

export const freePort = Effect.callback<number>((resume) => {
  const server = createServer()
  server.listen(0, "127.0.0.1", () => {
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    server.close(() => resume(Effect.succeed(port)))
  })
})

export const startRunner = (
  name: string,
  env: Readonly<Record<string, string>>
): Effect.Effect<Runner, never, Scope.Scope> =>
  Effect.gen(function*() {
    const port = yield* freePort
    return yield* Effect.acquireRelease(
      Effect.sync((): Runner => {
        const child = spawn(process.execPath, [...profiling(), "--conditions=@contactkit/source", workerMain], {
          // Only what the runner needs: its configuration and credential variables, no inherited secrets.
          env: {
            PATH: process.env["PATH"] ?? "",
            NODE_COMPILE_CACHE: compileCache,
            ...env,
            CK_SYNC_RUNNER_PORT: String(port)
          },
          stdio: ["ignore", "pipe", "pipe"]
        })
        // A runner must not outlive the test that started it, even one killed before its finalizers ran.
        if (child.pid !== undefined) watch({ kill: child.pid })
        const output: Array<string> = []
        const collect = (chunk: Buffer) => output.push(...chunk.toString("utf8").split("\n").filter((l) => l !== ""))
        child.stdout?.on("data", collect)
        child.stderr?.on("data", collect)
        return {
          name,
          process: child,
          output,
          kill: Effect.sync(() => void child.kill("SIGKILL"))
        }
      }),
      (runner) =>
        runner.process.exitCode !== null || runner.process.signalCode !== null
          ? Effect.void
          : Effect.callback<void>((resume) => {
            runner.process.once("exit", () => resume(Effect.void))
            runner.process.kill("SIGTERM")
            setTimeout(() => runner.process.kill("SIGKILL"), 10_000).unref()
          })
    )
  })
