/**
 * The body of every conformance scenario, as an Effect over the port (and, where a scenario needs
 * to reach behind it, `HarnessControl`). `suite` registers each as a test; the suite's own tests
 * run them against deliberately broken directories to show each check in them can fail.
 */
import type { Check } from "./CheckSupport.ts"
import { fieldChecks } from "./FieldChecks.ts"
import { lifecycleChecks } from "./LifecycleChecks.ts"
import { patchChecks } from "./PatchChecks.ts"
import { refusalChecks } from "./RefusalChecks.ts"
import { roundTripChecks } from "./RoundTripChecks.ts"
import type { ScenarioName } from "./Scenarios.ts"
import { timedOutWriteChecks } from "./TimedOutWriteCheck.ts"
import { transportChecks } from "./TransportChecks.ts"

export type { Check } from "./CheckSupport.ts"

export const checks: Record<ScenarioName, Check> = {
  ...roundTripChecks,
  ...lifecycleChecks,
  ...patchChecks,
  ...fieldChecks,
  ...refusalChecks,
  ...transportChecks,
  ...timedOutWriteChecks
}
