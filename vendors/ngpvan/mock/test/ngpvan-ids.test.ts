import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { contactIdOf, numberOf } from "../src/NgpvanIds.ts"

describe("NGP contact ids", () => {
  it("every contact number gets an id in NGP's shape that decodes back to it", () =>
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), (n) => {
        const id = contactIdOf(n)
        assert.match(id, /^VN[0-9A-Z]{9}$/u)
        assert.strictEqual(numberOf(id), n)
      }),
      { numRuns: 500 }
    ))

  it("consecutive numbers get distinct ids that do not read as a sequence", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => contactIdOf(i + 1))
    assert.strictEqual(new Set(ids).size, ids.length)
    assert.notStrictEqual(ids[0]!.slice(0, 4), ids[1]!.slice(0, 4))
  })

  it("text that is no id of this shape decodes to nothing", () => {
    for (const text of ["", "VN", "vn93a9h7cw7", "VN93A9H7CW", "VN93A9H7CW77", "XX93A9H7CW7", "VN000000000"]) {
      assert.isUndefined(numberOf(text), text)
    }
  })
})
