/**
 * Runs the conformance suite for every harness of this repository (see harnesses.ts).
 */
import { fileURLToPath } from "node:url"
import { writeFidelityMatrix } from "../src/FidelityMatrix.ts"
import { suite } from "../src/suite.ts"
import { harnesses } from "./harnesses.ts"

writeFidelityMatrix(
  fileURLToPath(new URL("../reports/fidelity.md", import.meta.url)),
  harnesses.map((harness) => harness.capabilities)
)
for (const harness of harnesses) suite(harness)
