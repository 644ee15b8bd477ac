import { defineConfig, mergeConfig } from "vitest/config"
import shared, { sharedModules } from "../../vitest.shared.ts"
import ReportWriter from "./src/ReportWriter.ts"

export default mergeConfig(
  mergeConfig(shared, sharedModules),
  defineConfig({
    test: {
      // The spec fuzzing (`apps/fuzz`) runs here too, in the same worker: both referee every vendor through Prism,
      // and one process loads Prism's packages, the vendors and the validators' compiled schemas once for both
      // (conformance and fuzzing apart 29.2 / 29.4 s of CPU, together 25.4 / 25.7 s). `apps/fuzz` keeps its own
      // config and `test` script for work on it alone; the test line runs its files only here (scripts/verify.mjs).
      include: ["test/**/*.test.ts", "../fuzz/test/**/*.test.ts"],
      reporters: [
        // The config imports no workspace package: Vitest bundles it before our source condition applies.
        new ReportWriter({ path: "reports/conformance.md", fidelityPath: "reports/fidelity.md" }),
        "junit"
      ],
      outputFile: { junit: "reports/junit.xml" },
      // Each vendor starts a mock and a Prism referee; run them one file at a time on small machines. The files
      // leave no global state (no nock, no vi mocks or stubs, no environment changes), so they share one module graph
      // (sharedModules): one worker loads Effect, the vendors and Prism's packages once, not once per file.
      fileParallelism: false
    }
  })
)
