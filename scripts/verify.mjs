// The README's test line after the install: lint, the typecheck and every test, through turbo, on two cores.
//
// - The packages of `test-groups.mjs` are tested in one vitest process, one project per group (the root task
//   `test:groups`), not through their own `test` scripts: each vitest start costs 1.5–2.5 s of CPU.
// - Turbo gives tasks no priority and starts them in an order of its own; with a few long tasks among short ones
//   that left a long one (the sync proofs, then the conformance suite, then the consumer test) running alone at the
//   end. So the line is a list of turbo runs, longest first, `slots` at a time: a slot takes the next run when its
//   last one ends. Four slots on two cores: the four long runs (the sync proofs, the test groups, the consumer
//   test, the conformance suite with the fuzzing) start together and end within seconds of each other, where three
//   slots left the fourth to run after the first that ended, with one core idle part of the time (the line's wall
//   93.7–101.5 s at 172–181 s of CPU with three, 93.2–97.4 s at 183–191 s with four: wall about CPU / 2 + 1 s).
//   The order is by measured cost (bench/README.md, "The test line's own time"); a package that is in no run below
//   is tested in the last one. The line fails if any run fails; every run goes to its end.
//
// Runs as the root `verify` script (pnpm puts the workspace's `turbo` on PATH). Extra arguments go to every run
// (`--force` to bypass the cache, `--summarize` for timing summaries). Each run prints one line, `passed` or
// `FAILED` with its time; a failed run prints turbo's output first, with the log of every task that failed.
import { spawn } from "node:child_process"
import { globSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { testGroups } from "./test-groups.mjs"
import { root } from "./workspace-packages.mjs"

const slots = 4
const common = ["--output-logs=errors-only", "--continue", ...process.argv.slice(2)]

/** Packages whose tests have a run of their own, longest first. */
const alone = ["@contactkit/sync", "@contactkit/conformance", "@contactkit/consumer-test"]

/** Packages whose test files another package's run includes: the spec fuzzing runs in the conformance suite's. */
const inside = ["@contactkit/fuzz"]

const grouped = Object.values(testGroups).flat().flatMap((glob) => globSync(glob, { cwd: root })).map((dir) =>
  JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")).name
)

/** Each run: what it is called in the output, and turbo's arguments. */
const runs = [
  ["sync tests", ["test", `--filter=${alone[0]}`]],
  ["module and adapter tests (test-groups.mjs)", ["test:groups"]],
  ...alone.slice(1).map((name) => [`${name.replace("@contactkit/", "")} tests`, ["test", `--filter=${name}`]]),
  ["typecheck", ["typecheck"]],
  ["lint and every other package's tests", [
    "lint",
    "test",
    ...[...alone, ...inside, ...grouped].map((name) => `--filter=!${name}`)
  ]]
]

/** One turbo run; its output is printed whole only when it fails, else one line with its time. */
const turbo = ([label, args]) =>
  new Promise((resolve) => {
    const started = performance.now()
    const output = []
    const child = spawn("turbo", ["run", ...args, ...common], { cwd: root, stdio: ["ignore", "pipe", "pipe"] })
    child.stdout.on("data", (chunk) => output.push(chunk))
    child.stderr.on("data", (chunk) => output.push(chunk))
    let reported = false
    const done = (code, reason) => {
      if (reported) return
      reported = true
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      if (code !== 0) process.stdout.write(Buffer.concat(output))
      console.log(`${code === 0 ? "passed" : `FAILED (${reason})`}  ${label}  ${seconds} s`)
      resolve(code)
    }
    child.on("error", (error) => done(1, `turbo could not start: ${error.message}`))
    child.on("close", (code, signal) => done(code ?? 1, signal ?? `exit code ${code}`))
  })

let next = 0
const slot = async () => {
  let worst = 0
  while (next < runs.length) worst = Math.max(worst, await turbo(runs[next++]))
  return worst
}
const started = performance.now()
const worst = Math.max(...await Promise.all(Array.from({ length: slots }, slot)))
console.log(
  `${worst === 0 ? "passed" : "FAILED"}  the test line  ${((performance.now() - started) / 1000).toFixed(1)} s`
)
process.exit(worst)
