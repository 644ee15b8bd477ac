/**
 * The harnesses this repository's conformance run covers: the in-memory reference (as it is, deduplicating on
 * create, and without delete, so both of those paths are proven on the reference too), then every vendor in the
 * registry behind its mock and Prism. `CK_CONFORMANCE_VENDORS=a,b` narrows the run (the memory harnesses always run).
 */
import { lossless } from "@contactkit/domain"
import { vendors } from "@contactkit/registry"
import type { Harness } from "../src/Harness.ts"
import { memoryHarness } from "../src/MemoryHarness.ts"
import { mockedHarness } from "../src/MockedHarness.ts"

const only = process.env["CK_CONFORMANCE_VENDORS"]?.split(",").map((name) => name.trim()).filter((n) => n !== "")

export const harnesses: ReadonlyArray<Harness> = [
  memoryHarness("memory", lossless),
  memoryHarness("memory-dedupe", { ...lossless, vendor: "memory-dedupe", dedupeOnCreate: true }),
  memoryHarness("memory-no-delete", { ...lossless, vendor: "memory-no-delete", remove: false }),
  ...vendors.filter((vendor) => only === undefined || only.includes(vendor.name)).map(mockedHarness)
]
