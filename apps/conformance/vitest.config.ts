import { lossless } from "@contactkit/domain"
import { vendors } from "@contactkit/registry"
import { defineConfig, mergeConfig } from "vitest/config"
import shared from "../../vitest.shared.ts"
import ReportWriter from "./src/ReportWriter.ts"

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      reporters: [
        new ReportWriter({
          path: "reports/conformance.md",
          capabilities: [lossless, ...vendors.map((vendor) => vendor.capabilities)]
        }),
        "junit"
      ],
      outputFile: { junit: "reports/junit.xml" },
      // Each vendor starts a mock and a Prism process; run them one file at a time on small machines.
      fileParallelism: false
    }
  })
)
