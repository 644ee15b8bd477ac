import { defineConfig, mergeConfig } from "vitest/config"
import shared from "../../vitest.shared.ts"

// Each vendor starts a mock and a Prism process; one file at a time on small machines.
export default mergeConfig(shared, defineConfig({ test: { fileParallelism: false } }))
