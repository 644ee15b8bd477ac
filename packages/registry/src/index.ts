/** @contactkit/registry: the list of vendors, and lookups by name. */
export { vendorNamed, vendorNames } from "./lookup.ts"
export { vendors } from "./registry.ts"
