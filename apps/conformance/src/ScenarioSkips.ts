/**
 * Which scenarios a harness skips, and why: the ones it names itself, and the ones its Capabilities rule out
 * (a vendor that never dedupes has no merge to show; one that holds everything has nothing to refuse). Every
 * skip carries its reason into the test title and the report.
 */
import type { Capabilities } from "@contactkit/domain"
import { unsupportedDraft } from "./Drafts.ts"
import type { Harness } from "./Harness.ts"
import type { ScenarioName } from "./Scenarios.ts"

/** The scenarios `capabilities` rule out, each with the reason. */
export const capabilitySkips = (capabilities: Capabilities): Partial<Record<ScenarioName, string>> => ({
  ...(capabilities.dedupeOnCreate
    ? {}
    : { "dedupe": `the capabilities say ${capabilities.vendor} does not dedupe on create` }),
  ...(unsupportedDraft(capabilities) === undefined
    ? {
      "unsupported-input":
        `the capabilities say ${capabilities.vendor} writes every kind, any number, every service and duplicates`
    }
    : {})
})

/** Why `harness` skips `name`, or undefined if it runs it; the harness's own reason wins. */
export const skipReason = (harness: Harness, name: ScenarioName): string | undefined =>
  harness.skip?.[name] ?? capabilitySkips(harness.capabilities)[name]
