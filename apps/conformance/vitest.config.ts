import { defineConfig, mergeConfig } from "vitest/config"
import shared from "../../vitest.shared.ts"
import ReportWriter from "./src/ReportWriter.ts"

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      reporters: [
        // The config imports no workspace package: Vitest bundles it before our source condition applies.
        new ReportWriter({ path: "reports/conformance.md", fidelityPath: "reports/fidelity.md" }),
        "junit"
      ],
      outputFile: { junit: "reports/junit.xml" },
      // Each vendor starts a mock and a Prism process; run them one file at a time on small machines.
      fileParallelism: false
    }
  })
)
