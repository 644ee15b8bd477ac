/** @contactkit/vendor-monica: Monica's registry entry (see `@contactkit/vendor-kit`'s `Vendor`). */
export { monica } from "./MonicaVendor.ts"
