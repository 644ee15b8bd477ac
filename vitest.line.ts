/**
 * The test line's grouped runs (`scripts/test-groups.mjs`): each group is one project, run as one vitest process
 * (`vitest run --config vitest.line.ts --project <group>`, the root scripts `test:modules` and `test:adapters`),
 * whose worker loads Effect, the platform and each package once for all the group's files. Settings are the ones
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
