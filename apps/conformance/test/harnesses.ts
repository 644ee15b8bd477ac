/**
 * The harnesses this repository's conformance run covers: the in-memory reference, then every vendor in the
 * registry behind its mock and Prism. `CK_CONFORMANCE_VENDORS=a,b` narrows the run (the memory harness always runs).
 */
import { lossless } from "@contactkit/domain"
import { vendors } from "@contactkit/registry"
import type { Harness } from "../src/Harness.ts"
import { memoryHarness } from "../src/MemoryHarness.ts"
import { mockedHarness } from "../src/MockedHarness.ts"

const only = process.env["CK_CONFORMANCE_VENDORS"]?.split(",").map((name) => name.trim()).filter((n) => n !== "")

export const harnesses: ReadonlyArray<Harness> = [
  memoryHarness("memory", lossless, {
    "unsupported-input": "lossless capabilities hold everything the domain can say; nothing is unsupported"
  }),
  ...vendors.filter((vendor) => only === undefined || only.includes(vendor.name)).map(mockedHarness)
]
