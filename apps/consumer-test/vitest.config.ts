import { defineConfig, mergeConfig } from "vitest/config"
import shared, { sharedModules } from "../../vitest.shared.ts"

// One project is packed, installed and used by every test of the file: they share it, in order. The small files
// beside it run in the same worker and module graph (no global state), not in a worker of their own (0.3 s each).
export default mergeConfig(
  mergeConfig(shared, sharedModules),
  defineConfig({ test: { testTimeout: 60_000, hookTimeout: 120_000 } })
)
