/**
 * The scenarios of the conformance suite, by name. The report and the harness skips refer to
 * these names; the test titles start with them.
 */
export const scenarios = {
  "round-trip": "create then get returns what the vendor can hold (capabilities.project of the draft)",
  "round-trip-generated": "the same for 25 generated contacts, trimmed to what the vendor accepts",
  "list-pages": "full listing through many small pages: nothing missed, nothing repeated",
  "patch-preserves": "a patch changes what it names and preserves everything else, vendor data included",
  "patch-generated":
    "20 generated patches: each stores exactly what the vendor can hold of it, or is refused and changes nothing",
  "field-ops": "field add, update and remove for every writable kind",
  "remove": "remove then get fails with ContactNotFound; without delete, remove fails with Unsupported before any call",
  "dedupe": "the same draft twice: created, then merged into that one contact (vendors that dedupe on create)",
  "invalid-input": "invalid input fails with InvalidContact and writes nothing",
  "unsupported-input": "input the vendor cannot hold fails with Unsupported and writes nothing",
  "unauthorized": "bad credentials fail with Unauthorized",
  "rate-limited": "a 429 is recovered within the retry budget; a persistent one fails with RateLimited",
  "unavailable": "a 5xx on a read is retried; on a create it fails with mayHaveSucceeded",
  "timed-out-write":
    "a create whose client gave up (the vendor slower than its timeout) fails with mayHaveSucceeded and lands once",
  "concurrent-creates": "concurrent creates stay distinct",
  "unicode-max-length": "unicode and maximum-length values survive",
  "contract": "zero contract violations seen by Prism"
} as const

export type ScenarioName = keyof typeof scenarios
export const scenarioNames = Object.keys(scenarios) as ReadonlyArray<ScenarioName>

/** `round-trip: create then get …` — the test title of a scenario. */
export const title = (name: ScenarioName): string => `${name}: ${scenarios[name]}`
