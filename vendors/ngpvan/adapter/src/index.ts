/**
 * @contactkit/adapter-ngpvan — `ContactDirectory` over NGP VAN's NGP API v2 (EveryAction 7) contacts: typed arrays
 * with one email, phone and address per type, deduplication on create (`outcome: "merged"`), no delete.
 *
 * @example
 * ```ts
 * import { NgpvanContactDirectory } from "@contactkit/adapter-ngpvan"
 * const layer = NgpvanContactDirectory.layerFetch({
 *   apiUrl: "http://127.0.0.1:4050/v2",
 *   apiKey: Redacted.make("11111111-1111-4111-8111-111111111111")
 * })
 * ```
 */
export { capabilities as NgpvanCapabilities } from "./NgpvanCapabilities.ts"
export * as NgpvanClient from "./NgpvanClient.ts"
export * as NgpvanContactDirectory from "./NgpvanContactDirectory.ts"
export * as NgpvanMapping from "./NgpvanMapping.ts"
export * as NgpvanPaths from "./NgpvanPaths.ts"
export * as NgpvanSchema from "./NgpvanSchema.ts"
