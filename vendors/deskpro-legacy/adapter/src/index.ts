/**
 * @contactkit/adapter-deskpro-legacy — `ContactDirectory` over the Deskpro Legacy API (Deskpro 4/5, `/api`):
 * people with e-mail records and contact-data records, field operations through `/contact-details` and `/emails`.
 */
export { capabilities as DeskproLegacyCapabilities } from "./DeskproLegacyCapabilities.ts"
export * as DeskproLegacyContactDirectory from "./DeskproLegacyContactDirectory.ts"
export { toContact, toDetailField, toDetailInput, toFields } from "./DeskproLegacyMapping.ts"
