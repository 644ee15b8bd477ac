/**
 * The conformance suite: one parameterised set of scenarios every `ContactDirectory` must pass,
 * ours or another team's. It asserts domain behaviour only — what the port promises — using the
 * implementation's own `capabilities` as the statement of what survives. The scenario bodies
 * are in `ScenarioChecks.ts`; the scenarios its Capabilities rule out (no dedupe, nothing
 * unsupported) are skipped with that reason (`ScenarioSkips.ts`).
 *
 * ```ts
 * import { HarnessControl, suite } from "@contactkit/conformance"
 * suite({
 *   name: "my-vendor",
 *   capabilities: MyAdapter.capabilities,
 *   layer: Layer.merge(MyAdapter.layer(options), HarnessControl.none),
 *   skip: {
 *     unauthorized: "…why",
 *     "rate-limited": "…why",
 *     unavailable: "…why",
 *     "timed-out-write": "…why",
 *     contract: "…why"
 *   }
 * })
 * ```
 */
import { layer } from "@effect/vitest"
import { Effect } from "effect"
import type { Harness } from "./Harness.ts"
import { checks } from "./ScenarioChecks.ts"
import { scenarioNames, title } from "./Scenarios.ts"
import { skipReason } from "./ScenarioSkips.ts"

export const suite = (harness: Harness) =>
  layer(harness.layer, { timeout: "120 seconds", excludeTestServices: true })(
    `ContactDirectory (${harness.name})`,
    (it) => {
      let seq = 0
      const next = () => ++seq
      for (const name of scenarioNames) {
        const reason = skipReason(harness, name)
        if (reason !== undefined) {
          it.effect.skipIf(true)(`${title(name)} — skipped: ${reason}`, () => Effect.void)
        } else {
          it.effect(title(name), () => checks[name](next), 120_000)
        }
      }
    }
  )
