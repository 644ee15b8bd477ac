/**
 * @contactkit/adapter-deskpro — `ContactDirectory` over Deskpro v2 (`/api/v2`): people with emails and phones as
 * person properties and the rest of their contact data in `contact_data`, keyed by type.
 *
 * @example
 * ```ts
 * import { DeskproContactDirectory } from "@contactkit/adapter-deskpro"
 * const layer = DeskproContactDirectory.layerFetch({
 *   apiUrl: "http://127.0.0.1:4030/api/v2",
 *   apiKey: Redacted.make("1:deskpro-key-a")
 * })
 * ```
 */
export { capabilities as DeskproCapabilities } from "./DeskproCapabilities.ts"
export * as DeskproClient from "./DeskproClient.ts"
export * as DeskproContactDirectory from "./DeskproContactDirectory.ts"
export * as DeskproErrorPaths from "./DeskproErrorPaths.ts"
export * as DeskproInput from "./DeskproInput.ts"
export * as DeskproMapping from "./DeskproMapping.ts"
export * as DeskproSchema from "./DeskproSchema.ts"
