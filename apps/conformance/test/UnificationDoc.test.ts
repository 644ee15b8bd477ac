import { assert, describe, it } from "@effect/vitest"
import { readDoc, withMatrix } from "../scripts/UnificationDoc.ts"

/** dprint pads markdown tables; compare them as a reader would, ignoring the padding. */
const unpadded = (doc: string) =>
  doc.split("\n").map((line) => line.trim().replace(/\s+/gu, " ").replace(/-{3,}/gu, "---")).join("\n")

describe("docs/unification.md", () => {
  it("carries the fidelity matrix generated from every registered vendor's Capabilities", () => {
    const doc = readDoc()
    assert.strictEqual(
      unpadded(doc),
      unpadded(withMatrix(doc)),
      "the matrix is stale: run `npx -y pnpm@12.21.0 --filter @contactkit/conformance docs` and commit the result"
    )
  })
})
