// Builds the package in the current directory for other projects: `tsc -p tsconfig.build.json` into a clean
// `dist/` (JavaScript, declarations, source maps), then points the declarations' relative imports at `.js`.
// tsc's `rewriteRelativeImportExtensions` rewrites `./X.ts` in the JavaScript it emits but not in `.d.ts`
// files, and a consumer's NodeNext tsc rejects a `.ts` specifier there (TS5097), so this step does it.
// Runs as a package's `build` script (pnpm puts the workspace's `tsc` on PATH).
import { spawnSync } from "node:child_process"
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"

rmSync("dist", { recursive: true, force: true })
const tsc = spawnSync("tsc", ["-p", "tsconfig.build.json"], { stdio: "inherit" })
if (tsc.status !== 0) process.exit(tsc.status ?? 1)

/** Every file below `dir`. */
const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]
  )

const relativeTs = /(["'])(\.\.?\/[^"'\n]*?)\.ts\1/gu
for (const file of files("dist").filter((name) => name.endsWith(".d.ts"))) {
  const text = readFileSync(file, "utf8")
  const rewritten = text.replace(relativeTs, "$1$2.js$1")
  if (rewritten !== text) writeFileSync(file, rewritten)
}
