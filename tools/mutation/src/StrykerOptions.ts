/**
 * The Stryker options for one run over one package. Stryker runs from the repository root with a
 * sandbox holding only that package (plus the root's shared test and compiler settings), so the
 * package's own `vitest.config.ts` runs unchanged and its workspace dependencies resolve through
 * its own `node_modules`, as they do in the test line.
 */
import type { Target } from "./Targets.ts"

export interface RunOptions {
  readonly target: Target
  /** Root-relative files to mutate; empty means the target's own globs. */
  readonly files: ReadonlyArray<string>
  readonly concurrency: number
  /** Re-test every mutant instead of reusing the incremental report. */
  readonly force: boolean
  /** Names this selection's reports, so a one-file run never overwrites the package's cache. */
  readonly reportName: string
}

export const reportsDir = "tools/mutation/reports"

const globsFrom = (dir: string, globs: ReadonlyArray<string>) =>
  globs.map((g) => (g.startsWith("!") ? `!${dir}/${g.slice(1)}` : `${dir}/${g}`))

/** Ignores every top-level entry, then lets back in the files the package's tests read. */
const sandboxIgnores = (dir: string): ReadonlyArray<string> => {
  const parts = dir.split("/")
  const reopen = parts.flatMap((_, i) => {
    const prefix = parts.slice(0, i + 1).join("/")
    return i === parts.length - 1 ? [`!/${prefix}`] : [`!/${prefix}`, `/${prefix}/*`]
  })
  return ["/*", "!/package.json", "!/tsconfig.base.json", "!/vitest.shared.ts", ...reopen, "**/.vitest-results.json"]
}

export const strykerOptions = (run: RunOptions, vitestRunnerPlugin: string) => ({
  testRunner: "vitest",
  // Under pnpm the runner is not installed beside the core, where Stryker's `@stryker-mutator/*` glob looks.
  plugins: [vitestRunnerPlugin],
  vitest: { configFile: `${run.target.dir}/vitest.config.ts`, dir: run.target.dir },
  // The type checker plugin needs the TypeScript compiler API, which TypeScript 7 (native) has not.
  checkers: [],
  mutate: run.files.length > 0 ? [...run.files] : globsFrom(run.target.dir, run.target.mutate),
  ignorePatterns: [...sandboxIgnores(run.target.dir)],
  coverageAnalysis: "perTest",
  concurrency: run.concurrency,
  incremental: true,
  force: run.force,
  incrementalFile: `${reportsDir}/${run.reportName}.incremental.json`,
  tempDirName: "tools/mutation/.stryker-tmp",
  cleanTempDir: "always",
  reporters: ["json", "progress-append-only"],
  jsonReporter: { fileName: `${reportsDir}/${run.reportName}.json` },
  fileLogLevel: "off",
  logLevel: "warn",
  timeoutMS: 10_000
})
