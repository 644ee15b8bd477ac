/**
 * The mock-server platform: what a vendor module implements and the helpers its handlers use.
 */
export { MockServer } from "./MockServer.ts"
export type { LayerOptions } from "./MockServer.ts"
export { defaultMessage, defaultStatus, PlatformError } from "./PlatformFailure.ts"
export type { PlatformFailure } from "./PlatformFailure.ts"
export { maxBodyBytes, readJsonBody } from "./RequestBody.ts"
export { fromVendorError, jsonResponse } from "./Responses.ts"
export type { Credential, RateLimitWindow, VendorErrorResponse, VendorInstance, VendorModule } from "./VendorModule.ts"
