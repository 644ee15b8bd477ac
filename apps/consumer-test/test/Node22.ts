/**
 * The Node 22 binary the consumer runs the README example on, besides the project's own Node 24: the registry's
 * `node` package, installed with npm once and then kept in the workspace's `node_modules/.cache/` like any tool's
 * cache (a reinstall from scratch clears it). Installing it took 3–4 s of CPU on every run — npm, the package's own
 * nested npm install and unpacking a 120 MB binary — for the same file each time; the test only needs to run it.
 */
import { Effect } from "effect"
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { npm, succeeded } from "./Processes.ts"

/** The Node 22 release the consumer runs on besides the project's own Node 24. */
export const node22Version = "22.23.3"

const binary = (dir: string) => join(dir, "node_modules", ".bin", "node")

/**
 * The path of a Node 22 binary under `cacheRoot`, installed there first if it is not yet. The install goes to a
 * directory of its own and is moved into place whole, so a cut-off install is never taken for a finished one.
 */
export const node22 = (cacheRoot: string): Effect.Effect<string, Error> =>
  Effect.gen(function*() {
    const dir = join(cacheRoot, `node-v${node22Version}`)
    if (existsSync(binary(dir))) return binary(dir)
    mkdirSync(cacheRoot, { recursive: true })
    const fresh = mkdtempSync(join(cacheRoot, "installing-"))
    writeFileSync(join(fresh, "package.json"), `{ "private": true }\n`)
    yield* npm(["install", "--prefer-offline", `node@${node22Version}`], { cwd: fresh }).pipe(
      Effect.flatMap(succeeded("npm install node@22"))
    )
    yield* Effect.sync(() => {
      // Another run may have finished first: then its copy is kept and this one dropped; a copy without its binary
      // (removed by hand) is replaced.
      if (existsSync(binary(dir))) return rmSync(fresh, { recursive: true, force: true })
      rmSync(dir, { recursive: true, force: true })
      renameSync(fresh, dir)
    })
    return binary(dir)
  })
