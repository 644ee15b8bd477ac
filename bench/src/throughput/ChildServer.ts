/**
 * A server in a child process for as long as the scope is open: started with a command, ready when a line of its
 * output matches, killed when the scope closes. The throughput benchmark keeps every server it measures (the mock,
 * Prism's mock, a bare `node:http` server) and the load generator in processes of their own, pinned to different
 * cores where `taskset` exists, so that no side shares an event loop or a core with the one loading it.
 */
import { Effect, type Scope } from "effect"
import { spawn, spawnSync } from "node:child_process"

/** The core servers run on; the load generator gets the other one. */
export const serverCore = 0
export const loadCore = 1

const hasTaskset = spawnSync("taskset", ["--version"]).status === 0

/** `command args` pinned to `core` when the machine can pin. */
export const pinned = (core: number, command: string, args: ReadonlyArray<string>) =>
  hasTaskset ? { command: "taskset", args: ["-c", String(core), command, ...args] } : { command, args: [...args] }

export interface ChildServerOptions {
  readonly command: string
  readonly args: ReadonlyArray<string>
  /** Returns the server's URL once a line shows it is listening. */
  readonly ready: (line: string) => string | undefined
  readonly name: string
}

/** A started child server: its URL, and its process id (for its CPU time, see `profile/ProcessCpu.ts`). */
export interface ChildServer {
  readonly url: string
  readonly pid: number
}

export const startChildServer = (options: ChildServerOptions): Effect.Effect<ChildServer, Error, Scope.Scope> =>
  Effect.gen(function*() {
    const child = yield* Effect.acquireRelease(
      Effect.sync(() =>
        spawn(options.command, [...options.args], {
          stdio: ["ignore", "pipe", "pipe"],
          env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" }
        })
      ),
      (child) => Effect.sync(() => child.kill("SIGTERM"))
    )
    return yield* Effect.callback<ChildServer, Error>((resume) => {
      let pending = ""
      let done = false
      const read = (chunk: Buffer) => {
        pending += chunk.toString("utf8")
        const lines = pending.split("\n")
        pending = lines.pop() ?? ""
        for (const line of lines) {
          const url = done ? undefined : options.ready(line)
          if (url !== undefined) {
            done = true
            resume(Effect.succeed({ url, pid: child.pid ?? 0 }))
          }
        }
      }
      child.stdout.on("data", read)
      child.stderr.on("data", read)
      child.once("exit", (code) => {
        if (!done) resume(Effect.fail(new Error(`${options.name} exited with ${code} before it was ready`)))
      })
    }).pipe(
      Effect.timeoutOrElse({
        duration: "30 seconds",
        orElse: () => Effect.fail(new Error(`${options.name} was not ready within 30 seconds`))
      })
    )
  })
