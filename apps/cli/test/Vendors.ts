/**
 * The vendors the end-to-end tests use, chosen from the registry by what they can do rather than by name: a source
 * with demo contacts, and a target that cannot store some field kind the source gives, so the loss report has
 * something to say. (With today's registry: the first vendor, and the first that lacks one of its field kinds.)
 */
import { fieldKinds } from "@contactkit/domain"
import { vendors } from "@contactkit/registry"
import type { Vendor } from "@contactkit/vendor-kit"

export const source: Vendor = vendors[0]!

const losesAKind = (from: Vendor, to: Vendor) =>
  fieldKinds.some((kind) => from.capabilities.fields[kind].readable && !to.capabilities.fields[kind].writable)

export const target: Vendor = vendors.find((vendor) => vendor !== source && losesAKind(source, vendor))!

/** The field kinds the source gives that the target cannot store. */
export const kindsLost = fieldKinds.filter((kind) =>
  source.capabilities.fields[kind].readable && !target.capabilities.fields[kind].writable
)
