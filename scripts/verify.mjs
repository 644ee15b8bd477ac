// The README's test line after the install: lint, the typecheck and every test, through turbo, on two cores.
//
// - The packages of `test-groups.mjs` are tested in one vitest process per group (the root tasks `test:modules`
//   and `test:adapters`), not through their own `test` scripts: each vitest start costs 1.5–2.5 s of CPU.
// - Turbo gives tasks no priority and starts them in an order of its own; with a few long tasks among short ones
//   that left a long one (the sync proofs, then the conformance suite, then the consumer test) running alone at the
//   end. So the line is a list of turbo runs, longest first, `slots` at a time: a slot takes the next run when its
//   last one ends. Three slots on two cores, because the long ones spend part of their time waiting (the proofs'
//   rate windows and a killed runner's failover, the conformance suite's real `Retry-After`s, the consumer test's
//   npm install). The order is by measured cost (bench/README.md, "The test line's own time"); a package that is
//   in no run below is tested in the last one. The line fails if any run fails; every run goes to its end.
//
// Runs as the root `verify` script (pnpm puts the workspace's `turbo` on PATH). Extra arguments go to every run
// (`--force` to bypass the cache, `--summarize` for timing summaries).
import { spawn } from "node:child_process"
import { globSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { testGroups } from "./test-groups.mjs"
import { root } from "./workspace-packages.mjs"

const slots = 3
const common = ["--output-logs=errors-only", "--continue", ...process.argv.slice(2)]

/** Packages whose tests have a run of their own, longest first. */
const alone = ["@contactkit/sync", "@contactkit/conformance", "@contactkit/consumer-test", "@contactkit/fuzz"]

const grouped = Object.values(testGroups).flat().flatMap((glob) => globSync(glob, { cwd: root })).map((dir) =>
  JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")).name
)

const runs = [
  ["test", `--filter=${alone[0]}`],
  ["test:modules"],
  ...alone.slice(1).map((name) => ["test", `--filter=${name}`]),
  ["test:adapters"],
  ["typecheck"],
  ["lint", "test", ...[...alone, ...grouped].map((name) => `--filter=!${name}`)]
]

const turbo = (args) =>
  new Promise((resolve) => {
    const child = spawn("turbo", ["run", ...args, ...common], { stdio: "inherit", cwd: root })
    child.on("error", (error) => {
      console.error(`turbo could not start: ${error.message}`)
      resolve(1)
    })
    child.on("exit", (code, signal) => resolve(code ?? (signal === null ? 1 : 128)))
  })

let next = 0
const slot = async () => {
  let worst = 0
  while (next < runs.length) worst = Math.max(worst, await turbo(runs[next++]))
  return worst
}
const codes = await Promise.all(Array.from({ length: slots }, slot))
process.exit(Math.max(...codes))
