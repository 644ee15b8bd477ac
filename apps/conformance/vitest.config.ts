import { defineConfig, mergeConfig } from "vitest/config"
import shared, { sharedModules } from "../../vitest.shared.ts"
import ReportWriter from "./src/ReportWriter.ts"

export default mergeConfig(
  mergeConfig(shared, sharedModules),
  defineConfig({
    test: {
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
