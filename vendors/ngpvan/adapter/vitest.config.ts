/**
 * The shared settings, with this package's test files in one module graph per worker (`sharedModules`);
 * `test/nockReset.ts` leaves nock clean after each file, so no file's interceptors leak into the next.
 */
import { defineConfig, mergeConfig } from "vitest/config"
import shared, { sharedModules } from "../../../vitest.shared.ts"

export default mergeConfig(
  mergeConfig(shared, sharedModules),
  defineConfig({ test: { setupFiles: ["../../../packages/adapter-kit/test/nockReset.ts"] } })
)
