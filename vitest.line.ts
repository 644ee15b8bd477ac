/**
 * The test line's grouped runs (`scripts/test-groups.mjs`): each group is one project, and the line runs them all
 * in one vitest process (the root script `test:groups`; `--project <group>` runs one), whose workers load Effect,
 * the platform and each package once for all of a group's files; vitest never shares a worker between projects, so
 * the adapters' nock stays in theirs. One process for both groups: 52.1–52.6 -> 49.8–51.6 s of CPU (load 6–7). Settings are the ones
 * each package's own config gives: the shared ones, one module graph per worker, and for the adapters nock reset
 * after every file.
 */
import { defineConfig, mergeConfig } from "vitest/config"
import { testGroups } from "./scripts/test-groups.mjs"
import shared, { sharedModules } from "./vitest.shared.ts"

const project = (name: keyof typeof testGroups, setupFiles: ReadonlyArray<string> = []) =>
  mergeConfig(
    mergeConfig(shared, sharedModules),
    defineConfig({
      test: {
        name,
        include: testGroups[name].map((dir) => `${dir}/test/**/*.test.ts`),
        setupFiles: [...setupFiles]
      }
    })
  )

export default defineConfig({
  ssr: shared.ssr,
  test: {
    reporters: ["default", "json"],
    // Two workers: each loads the group's modules (about 2 s more CPU than one, measured), and the group's real
    // waits (idle-connection and latency-fault tests, the CLI's journal syncs) overlap: 52 -> 30 s of wall.
    maxWorkers: 2,
    projects: [project("modules"), project("adapters", ["packages/adapter-kit/test/nockReset.ts"])]
  }
})
