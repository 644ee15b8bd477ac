import { defineConfig, mergeConfig } from "vitest/config"
import shared, { sharedModules } from "../../vitest.shared.ts"

// The sync's tests leave no global state behind (no nock, no mocks or stubs, no environment changes): one module
// graph per worker, not Effect, the registry and every vendor imported again for each file (16.5 -> 8.1 s of CPU
// for the files besides the distributed proof, side by side).
// Two workers: the distributed proof is most of the task's wall time (much of it waiting on rate windows and a
// killed runner's failover), so the other files run beside it in a second worker instead of after it.
export default mergeConfig(mergeConfig(shared, sharedModules), defineConfig({ test: { maxWorkers: 2 } }))
