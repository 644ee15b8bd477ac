/**
 * Runs the conformance suite for every registered implementation (see src/vendors.ts).
 */
import { suite } from "../src/suite.ts"
import { vendors } from "../src/vendors.ts"

for (const harness of Object.values(vendors)) suite(harness)
