/**
 * Runs the conformance suite for every harness of this repository (see harnesses.ts).
 */
import { suite } from "../src/suite.ts"
import { harnesses } from "./harnesses.ts"

for (const harness of harnesses) suite(harness)
