/** `@contactkit/mock-platform/testing`: helpers for tests of a mock vendor served on port 0. */
export { badInputSuite, runBadInput } from "./BadInputSuite.ts"
export type { BadInputOptions, BadInputReport } from "./BadInputSuite.ts"
export { categories as badInputCategories } from "./BadRequests.ts"
export type { BadInputRoute, BadInputTenant, Category as BadInputCategory } from "./BadRequests.ts"
export { admin, assertNothingEchoes, call, transportFails } from "./MockClient.ts"
export type { CallOptions, Reply } from "./MockClient.ts"
export { makeRawClient } from "./RawClient.ts"
export type { RawClient, RawReply, RawRequest } from "./RawClient.ts"
