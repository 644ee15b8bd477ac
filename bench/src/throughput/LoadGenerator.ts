/**
 * Runs one load point — a request, a number of connections, a duration — through `loadWorker.ts` in a child process
 * pinned to the load core, and reads back what it measured.
 */
import { Effect } from "effect"
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { loadCore, pinned } from "./ChildServer.ts"

export interface LoadSpec {
  readonly url: string
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  readonly connections: number
  readonly seconds: number
}

export interface LoadResult {
  readonly requestsPerSecond: number
  readonly bytesPerSecond: number
  readonly total: number
  readonly non2xx: number
  readonly errors: number
}

const worker = fileURLToPath(new URL("./loadWorker.ts", import.meta.url))

export const runLoad = (spec: LoadSpec): Effect.Effect<LoadResult, Error> =>
  Effect.callback<LoadResult, Error>((resume) => {
    const { args, command } = pinned(loadCore, process.execPath, [worker, JSON.stringify(spec)])
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] })
    let output = ""
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")))
    child.once("exit", () => {
      const line = output.trim().split("\n").pop() ?? ""
      const parsed = (line.startsWith("{") ? JSON.parse(line) : { error: `no result: ${output}` }) as
        | LoadResult
        | { readonly error: string }
      resume("error" in parsed ? Effect.fail(new Error(parsed.error)) : Effect.succeed(parsed))
    })
    return Effect.sync(() => child.kill("SIGTERM"))
  })
