/** @contactkit/vendor-phonecom: Phonecom's registry entry (see `@contactkit/vendor-kit`'s `Vendor`). */
export { phonecom } from "./PhonecomVendor.ts"
