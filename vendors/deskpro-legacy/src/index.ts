/** @contactkit/vendor-deskpro-legacy: Deskpro Legacy's registry entry (see `@contactkit/vendor-kit`'s `Vendor`). */
export { deskproLegacy } from "./DeskproLegacyVendor.ts"
