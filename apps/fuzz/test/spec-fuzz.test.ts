/**
 * Spec-driven fuzzing of every registered mock: requests generated from the vendor's own OpenAPI document go
 * through `prism proxy --errors` to the seeded mock; no answer may be a 5xx and none may break the document.
 * A fixed seed and a random one (printed; `CK_FUZZ_SEED=<n>` replays it), each from the freshly seeded mock, on one
 * mock and Prism per vendor. `CK_CONFORMANCE_VENDORS=a,b` narrows the run, as it does the conformance run.
 */
import { vendors } from "@contactkit/registry"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { FuzzTarget } from "../src/FuzzTarget.ts"
import { fuzzVendor } from "../src/SpecFuzz.ts"

const only = process.env["CK_CONFORMANCE_VENDORS"]?.split(",").map((name) => name.trim()).filter((n) => n !== "")
const fromEnv = Number(process.env["CK_FUZZ_SEED"])
const seeds = [20261201, Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.floor(Math.random() * 2 ** 31)]

for (const vendor of vendors.filter((candidate) => only === undefined || only.includes(candidate.name))) {
  layer(FuzzTarget.layer(vendor), { timeout: "120 seconds", excludeTestServices: true })(
    `spec-driven fuzzing through Prism: ${vendor.name}`,
    (it) => {
      for (const seed of seeds) {
        it.effect(
          `${vendor.name}, seed ${seed}: no 5xx, no contract violation`,
          () =>
            Effect.gen(function*() {
              const report = yield* fuzzVendor({ seed, perOperation: 25 })
              console.log(
                `[spec-fuzz] ${vendor.name} seed ${seed}: ${report.requests} requests over ${report.operations} ` +
                  `operations, ${report.serverErrors.length} 5xx, ${report.violations.length} violations, ` +
                  `${report.refusedByPrism} refused by Prism as invalid requests; by status ${
                    JSON.stringify(report.byStatus)
                  }`
              )
              assert.deepStrictEqual(report.serverErrors.slice(0, 10), [])
              assert.deepStrictEqual(report.violations.slice(0, 10), [])
            }),
          120_000
        )
      }
    }
  )
}
