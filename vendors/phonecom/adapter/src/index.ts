/**
 * @contactkit/adapter-phonecom — Phone.com API v4 account-extension contacts as a
 * `ContactDirectory`.
 *
 * ```ts
 * import { PhonecomContactDirectory } from "@contactkit/adapter-phonecom"
 * const live = PhonecomContactDirectory.layerFetch({
 *   apiUrl: "https://api.phone.com/v4", apiKey: Redacted.make(token), accountId: 1315, extensionId: 1767
 * })
 * // or PhonecomContactDirectory.layerConfig() (PHONECOM_API_URL, PHONECOM_API_KEY, PHONECOM_ACCOUNT_ID,
 * // PHONECOM_EXTENSION_ID) with an HttpClient layer; layerConfig({ ...defaultConfig, timeout: … }) to tune it.
 * ```
 */
export { capabilities as PhonecomCapabilities } from "./PhonecomCapabilities.ts"
export * as PhonecomClient from "./PhonecomClient.ts"
export * as PhonecomContactDirectory from "./PhonecomContactDirectory.ts"
export * as PhonecomMapping from "./PhonecomMapping.ts"
export * from "./PhonecomSchema.ts"
