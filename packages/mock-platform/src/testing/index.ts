/** `@contactkit/mock-platform/testing`: helpers for tests of a mock vendor served on port 0. */
export { admin, assertNothingEchoes, call, transportFails } from "./MockClient.ts"
export type { CallOptions, Reply } from "./MockClient.ts"
