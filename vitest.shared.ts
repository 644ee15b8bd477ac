/**
 * Vitest settings every package shares: tests live in `test/`, and nothing else is collected.
 * Each run also writes `.vitest-results.json`, which `.ci/run` sums into one `N passed, N failed` line.
 *
 * Workspace packages are imported from their TypeScript sources: the `@contactkit/source` condition of their
 * `exports` (the `types`/`import` conditions point at `dist/`, which only a build makes, for other projects).
 */
import { defineConfig } from "vitest/config"

/** Vite's own server conditions, with ours first. */
const conditions = ["@contactkit/source", "module", "node", "development|production"]

export default defineConfig({
  ssr: { resolve: { conditions } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", "json"],
    outputFile: { json: ".vitest-results.json" }
  }
})

/**
 * For packages whose tests leave no global state behind, or put it back after each file:
 * a worker runs its test files in one module graph instead of importing Effect and the package again for every
 * file, which was most of their CPU time (domain 11.9 s → 4.8 s, mock-platform 14.1 s → 5.8 s, cli 13.1 s →
 * 5.8 s, on the test line's two cores). The adapters and adapter-kit use it too, with a setup file
 * (`test/nockReset.ts`) that empties nock and allows real connections again after every file, so no file's
 * interceptors or `disableNetConnect` reach the next (54.5 → 18.4 s of CPU for the six).
 */
export const sharedModules = defineConfig({ test: { isolate: false } })
