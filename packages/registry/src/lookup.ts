/** Finding a registered vendor by the name a user typed. */
import type { Vendor } from "@contactkit/vendor-kit"
import { vendors } from "./registry.ts"

export const vendorNames: ReadonlyArray<string> = vendors.map((vendor) => vendor.name)

/** The vendor called `name`, or undefined. */
export const vendorNamed = (name: string): Vendor | undefined => vendors.find((vendor) => vendor.name === name)
