/** @contactkit/vendor-kit: the shape of one registry entry, which every vendor folder exports, and its helpers. */
export { benchCalls } from "./BenchCalls.ts"
export type { BenchCalls } from "./BenchCalls.ts"
export { getJson, postGenerated } from "./BenchRequests.ts"
export { generatedPerson } from "./GeneratedPerson.ts"
export type { GeneratedPerson } from "./GeneratedPerson.ts"
export { mockRequest } from "./MockRequest.ts"
export type { MockRequest } from "./MockRequest.ts"
export type {
  BenchHooks,
  BenchRequest,
  EnvVar,
  ScalingRequests,
  ThroughputRequests,
  Tuning,
  Unmodelled,
  Vendor
} from "./Vendor.ts"
