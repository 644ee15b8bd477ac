// The README's test line after the install: lint, the typecheck and every package's tests, through turbo, on two
// cores. Turbo gives tasks no priority and starts them in an order of its own, and one task is long however little
// CPU it uses: the sync proofs, whose wall time is mostly waiting (rate windows, a killed runner's failover), not
// work. Started last it ran alone at the end for a minute; so it is started first, in its own turbo run, and every
// other task shares the two cores with it in a second run. The line fails if either run fails.
// Runs as the root `verify` script (pnpm puts the workspace's `turbo` on PATH).
import { spawn } from "node:child_process"

const longest = "@contactkit/sync"
// Extra arguments go to both runs (`--force` to bypass the cache, `--summarize` for a timing summary).
const common = ["--output-logs=errors-only", "--continue", ...process.argv.slice(2)]

const turbo = (args) =>
  new Promise((resolve) => {
    const child = spawn("turbo", ["run", ...args, ...common], { stdio: "inherit" })
    child.on("error", (error) => {
      console.error(`turbo could not start: ${error.message}`)
      resolve(1)
    })
    child.on("exit", (code, signal) => resolve(code ?? (signal === null ? 1 : 128)))
  })

const codes = await Promise.all([
  turbo(["test", `--filter=${longest}`]),
  turbo(["lint", "typecheck", "test", `--filter=!${longest}`, "--concurrency=2"])
])
process.exit(Math.max(...codes))
