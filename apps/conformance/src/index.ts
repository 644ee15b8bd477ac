/**
 * @contactkit/conformance — the suite any `ContactDirectory` must pass, the harnesses that run
 * it against our implementations, and the report writer.
 */
export * from "./Drafts.ts"
export * from "./Harness.ts"
export * from "./MemoryHarness.ts"
export * from "./Prism.ts"
export * from "./Scenarios.ts"
export * from "./suite.ts"
export { vendors } from "./vendors.ts"
