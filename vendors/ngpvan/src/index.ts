/** @contactkit/vendor-ngpvan: NGP VAN's registry entry (see `@contactkit/vendor-kit`'s `Vendor`). */
export { ngpvan } from "./NgpvanVendor.ts"
