/**
 * @contactkit/mock-platform: what every mock vendor server shares — the HTTP server and its layer, the admin API,
 * fault injection, the request log, body reading and the vendor-module contract a vendor folder implements.
 *
 * ```ts
 * layer(MockPlatform.layer(myVendor, { port: 0 }))("…", (it) => …)   // then `yield* MockServer` for its url
 * ```
 */
export { boundedMemo } from "./BoundedMemo.ts"
export { defaultConnectionLimits } from "./ConnectionLimits.ts"
export type { ConnectionLimits } from "./ConnectionLimits.ts"
export { valuesInIdOrder } from "./IdOrder.ts"
export * as IdTable from "./IdTable.ts"
export { jsonBytesResponse, jsonTextResponse, perRow, withJsonRowBytes, withJsonRows } from "./JsonText.ts"
export { layer, MockServer } from "./MockServer.ts"
export type { LayerOptions } from "./MockServer.ts"
export * as OrderedIndex from "./OrderedIndex.ts"
export { defaultMessage, defaultStatus, isWrongMethod, PlatformError } from "./PlatformFailure.ts"
export type { PlatformFailure } from "./PlatformFailure.ts"
export {
  isJsonContentType,
  jsonDepth,
  maxBodyBytes,
  maxJsonDepth,
  parseJson,
  readBodyText,
  readJsonBody
} from "./RequestBody.ts"
export { requestTarget } from "./RequestTarget.ts"
export type { RequestTarget } from "./RequestTarget.ts"
export { fromVendorError, jsonResponse } from "./Responses.ts"
export { makeSwitchableLimit } from "./SwitchableLimit.ts"
export type { SwitchableLimit } from "./SwitchableLimit.ts"
export type { Credential, RateLimitWindow, VendorErrorResponse, VendorInstance, VendorModule } from "./VendorModule.ts"
export { defaultMaxKeys, makeWindowCounters } from "./WindowCounters.ts"
export type { WindowCounters, WindowHit } from "./WindowCounters.ts"
