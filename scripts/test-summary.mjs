// Sums every package's `.vitest-results.json`, and the root's `.vitest-results.<group>.json` of the grouped runs
// (scripts/test-groups.mjs), into the one plain line CI reads.
// Runs on any Node (CI's system Node may be 20), so it uses nothing but node:fs.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

/** `.vitest-results.json`, or `.vitest-results.<group>.json`. */
const isResults = (name) => /^\.vitest-results(\.[\w-]+)?\.json$/u.test(name)

/** Every results file below the workspace folders, node_modules left out. */
const resultFiles = (dir, depth = 0) => {
  if (depth > 4 || !existsSync(dir)) return []
  const found = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".git") continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...resultFiles(path, depth + 1))
    else if (isResults(entry.name)) found.push(path)
  }
  return found
}

let passed = 0
let failed = 0
let skipped = 0
const rootFiles = readdirSync(".").filter(isResults)
for (
  const file of [
    ...rootFiles,
    ...["packages", "vendors", "apps", "bench", "tools"].flatMap((root) => resultFiles(root))
  ]
) {
  const result = JSON.parse(readFileSync(file, "utf8"))
  passed += result.numPassedTests ?? 0
  failed += (result.numFailedTests ?? 0) + (result.numFailedTestSuites ?? 0)
  skipped += (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0)
}
// A failed typecheck or lint fails the line too: it is counted as one failure.
const status = Number(process.argv[2] ?? 0)
if (status !== 0 && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`)
