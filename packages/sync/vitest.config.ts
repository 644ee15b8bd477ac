import { mergeConfig } from "vitest/config"
import shared, { sharedModules } from "../../vitest.shared.ts"

// The sync's tests leave no global state behind (no nock, no mocks or stubs, no environment changes): one module
// graph per worker, not Effect, the registry and every vendor imported again for each file (16.5 -> 8.1 s of CPU
// for the files besides the distributed proof, side by side).
export default mergeConfig(shared, sharedModules)
