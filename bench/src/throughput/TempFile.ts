/**
 * A file in a fresh temporary folder for as long as the scope is open: the answers the replay servers read and the
 * document Prism mocks, written for one vendor's throughput run and removed with it.
 */
import { Effect, type Scope } from "effect"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

/** Writes `text` to `<fresh folder>/<name>` and returns its path; the folder goes when the scope closes. */
export const tempFile = (name: string, text: string): Effect.Effect<string, never, Scope.Scope> =>
  Effect.map(
    Effect.acquireRelease(
      Effect.sync(() => mkdtempSync(join(tmpdir(), "ck-bench-"))),
      (folder) => Effect.sync(() => rmSync(folder, { recursive: true, force: true }))
    ),
    (folder) => {
      const file = join(folder, name)
      writeFileSync(file, text)
      return file
    }
  )
