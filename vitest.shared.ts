/**
 * Vitest settings every package shares: tests live in `test/`, and nothing else is collected.
 * Each run also writes `.vitest-results.json`, which `.ci/run` sums into one `N passed, N failed` line.
 */
import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", "json"],
    outputFile: { json: ".vitest-results.json" }
  }
})
