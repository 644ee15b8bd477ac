/**
 * @contactkit/conformance — the suite any `ContactDirectory` must pass, and what a harness needs
 * to run it: `suite(harness)`, `HarnessControl`, `memoryHarness`, and `mockedHarness` for an
 * adapter behind a mock server and Prism. The list of this repository's own harnesses
 * (`test/harnesses.ts`, over `@contactkit/registry`) is not part of the package: importing the suite loads no vendor.
 */
export * from "./Drafts.ts"
export * from "./Harness.ts"
export * from "./MemoryHarness.ts"
export * from "./MockedHarness.ts"
export * from "./Prism.ts"
export * from "./PrismInProcess.ts"
export * from "./Scenarios.ts"
export * from "./suite.ts"
