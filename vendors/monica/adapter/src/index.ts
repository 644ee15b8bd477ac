/**
 * @contactkit/adapter-monica — `ContactDirectory` over Monica v4 (the personal CRM): contacts and
 * their generic contact fields, with per-account field types resolved and cached.
 *
 * @example
 * ```ts
 * import { MonicaContactDirectory } from "@contactkit/adapter-monica"
 * const layer = MonicaContactDirectory.layerFetch({
 *   apiUrl: "http://127.0.0.1:4020/api",
 *   apiKey: Redacted.make(token)
 * })
 * // or MonicaContactDirectory.layerConfig() (MONICA_API_URL, MONICA_API_KEY) with an HttpClient layer;
 * // layerConfig({ ...MonicaContactDirectory.defaultConfig, timeout: Config.Duration("…") }) to tune it.
 * ```
 */
export { capabilities as MonicaCapabilities } from "./MonicaCapabilities.ts"
export * as MonicaClient from "./MonicaClient.ts"
export * as MonicaContactDirectory from "./MonicaContactDirectory.ts"
export * as MonicaContactInput from "./MonicaContactInput.ts"
export * as MonicaFieldTypes from "./MonicaFieldTypes.ts"
export * as MonicaMapping from "./MonicaMapping.ts"
export * as MonicaSchema from "./MonicaSchema.ts"
