import { defineConfig, mergeConfig } from "vitest/config"
import shared from "../../vitest.shared.ts"

// One project is packed, installed and used by every test of the file: they share it, in order.
export default mergeConfig(shared, defineConfig({ test: { testTimeout: 60_000, hookTimeout: 120_000 } }))
