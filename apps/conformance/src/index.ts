/**
 * @contactkit/conformance — the suite any `ContactDirectory` must pass, and what a harness needs
 * to run it: `suite(harness)`, `HarnessControl`, `memoryHarness`, and `mockedHarness` for an
 * adapter behind a mock server and Prism. The registry of this repository's own harnesses
 * (`src/vendors.ts`) is not exported: importing the suite loads no vendor.
 */
export * from "./Drafts.ts"
export * from "./Harness.ts"
export * from "./MemoryHarness.ts"
export * from "./MockedHarness.ts"
export * from "./Prism.ts"
export * from "./Scenarios.ts"
export * from "./suite.ts"
