/**
 * Running the tools another team would run — npm, node, tsc, vitest — as child processes of the test, with their
 * output kept for the assertions and for the failure message. Nothing here throws: a non-zero exit is a value.
 */
import { Effect } from "effect"
import { execFile, execFileSync } from "node:child_process"
import { realpathSync } from "node:fs"
import { dirname, join } from "node:path"

export interface Ran {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  /** stdout then stderr, as a terminal would show them. */
  readonly output: string
}

export interface RunOptions {
  readonly cwd: string
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly timeoutMs?: number
}

/**
 * The environment a fresh terminal would have: this test's own runner settings (pnpm's, Node's options, vitest's
 * worker variables) are left out, so the consumer's tools see none of the workspace.
 */
export const cleanEnv = (extra: Readonly<Record<string, string | undefined>> = {}): Record<string, string> => {
  const kept = Object.entries(process.env).filter(([name]) =>
    !/^(npm_(?!config_(registry|https?_proxy|proxy|no_proxy|cafile|ca|strict_ssl)$)|PNPM_|pnpm_|NODE_OPTIONS$|NODE_PATH$|NODE_ENV$|VITEST|TURBO_|INIT_CWD$|FORCE_COLOR$)/iu
      .test(name)
  )
  const env: Record<string, string> = {}
  for (const [name, value] of [...kept, ...Object.entries(extra)]) if (value !== undefined) env[name] = value
  env["NO_COLOR"] = "1"
  return env
}

export const run = (file: string, args: ReadonlyArray<string>, options: RunOptions): Effect.Effect<Ran> =>
  Effect.callback<Ran>((resume) => {
    execFile(
      file,
      [...args],
      {
        cwd: options.cwd,
        env: cleanEnv(options.env),
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 16 * 1024 * 1024
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1
        resume(Effect.succeed({ code, stdout, stderr, output: `${stdout}${stderr}` }))
      }
    )
  })

/** Fails with the command's whole output unless it exited 0. */
export const succeeded = (what: string) => (ran: Ran): Effect.Effect<Ran, Error> =>
  ran.code === 0 ? Effect.succeed(ran) : Effect.fail(new Error(`${what} exited ${ran.code}:\n${ran.output}`))

/** npm's own entry point, run on this test's Node (the project's Node 24) rather than the machine's old one. */
export const npmCli = (): string => {
  const npm = execFileSync("sh", ["-c", "command -v npm"], { encoding: "utf8" }).trim()
  if (npm === "") throw new Error("npm is not on PATH: the consumer test installs the packed tarballs with npm")
  const real = realpathSync(npm)
  return real.endsWith(".js") ? real : join(dirname(real), "..", "lib", "node_modules", "npm", "bin", "npm-cli.js")
}

export const npm = (args: ReadonlyArray<string>, options: RunOptions) =>
  run(process.execPath, [
    npmCli(),
    ...args,
    "--no-audit",
    "--no-fund",
    process.env["CK_CONSUMER_NPM_LOGLEVEL"] === undefined
      ? "--loglevel=error"
      : `--loglevel=${process.env["CK_CONSUMER_NPM_LOGLEVEL"]}`
  ], {
    ...options,
    timeoutMs: options.timeoutMs ?? 120_000
  })
