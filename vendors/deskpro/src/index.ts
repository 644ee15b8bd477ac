/** @contactkit/vendor-deskpro: Deskpro v2's registry entry (see `@contactkit/vendor-kit`'s `Vendor`). */
export { deskpro } from "./DeskproVendor.ts"
