/** Vendor names for help examples, taken from the registry (the first two), so no example names a vendor by hand. */
import { vendorNames } from "@contactkit/registry"

export const exampleSource: string = vendorNames[0] ?? "source"
export const exampleTarget: string = vendorNames[1] ?? exampleSource
