/**
 * A directory of the test's own under the system's temporary folder, deleted when the test finishes (pass or fail),
 * so state files, env files and exports do not pile up in /tmp run after run. Call it inside a test.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { onTestFinished } from "vitest"

export const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}
