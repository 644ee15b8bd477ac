import { mergeConfig } from "vitest/config"
import shared, { sharedModules } from "../../vitest.shared.ts"

export default mergeConfig(shared, sharedModules)
