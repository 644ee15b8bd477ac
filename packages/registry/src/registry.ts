/**
 * The registry: every vendor contactkit speaks, one line each. The mock-server CLI, the conformance run, the
 * benchmarks, the fidelity matrix and the CLI derive their lists from here; nothing else names a vendor.
 * Adding a vendor: create `vendors/<name>/` in the shape of the others, then add its line here and its
 * `@contactkit/vendor-<name>` dependency in this package's package.json.
 */
import { deskpro } from "@contactkit/vendor-deskpro"
import { deskproLegacy } from "@contactkit/vendor-deskpro-legacy"
import type { Vendor } from "@contactkit/vendor-kit"
import { monica } from "@contactkit/vendor-monica"
import { ngpvan } from "@contactkit/vendor-ngpvan"
import { phonecom } from "@contactkit/vendor-phonecom"

export const vendors: ReadonlyArray<Vendor> = [
  phonecom,
  monica,
  ngpvan,
  deskpro,
  deskproLegacy
]
