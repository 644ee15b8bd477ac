import { defineConfig, mergeConfig } from "vitest/config"
import shared, { sharedModules } from "../../vitest.shared.ts"

// Each vendor starts a mock and a Prism referee; one file at a time on small machines. The files leave no global
// state (no nock, no vi mocks or stubs, no environment changes), so they share one module graph (sharedModules).
export default mergeConfig(mergeConfig(shared, sharedModules), defineConfig({ test: { fileParallelism: false } }))
