/**
 * @contactkit/mock-platform: what every mock vendor server shares — the HTTP server and its layer, the admin API,
 * fault injection, the request log, body reading and the vendor-module contract a vendor folder implements.
 *
 * ```ts
 * layer(MockPlatform.layer(myVendor, { port: 0 }))("…", (it) => …)   // then `yield* MockServer` for its url
 * ```
 */
export { valuesInIdOrder } from "./IdOrder.ts"
export { layer, MockServer } from "./MockServer.ts"
export type { LayerOptions } from "./MockServer.ts"
export { defaultMessage, defaultStatus, PlatformError } from "./PlatformFailure.ts"
export type { PlatformFailure } from "./PlatformFailure.ts"
export { maxBodyBytes, readBodyText, readJsonBody } from "./RequestBody.ts"
export { fromVendorError, jsonResponse } from "./Responses.ts"
export type { Credential, RateLimitWindow, VendorErrorResponse, VendorInstance, VendorModule } from "./VendorModule.ts"
