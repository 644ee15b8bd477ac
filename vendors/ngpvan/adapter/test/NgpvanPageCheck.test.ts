/**
 * The hand-written check of a page's envelope (`isNgpvanPage`, which lets the client skip the schema's walk and
 * copy of the items array) never accepts what `NgpvanPage` refuses, whatever one value is replaced by whatever
 * JSON, and accepts every well-formed envelope, so the fast path is the one taken.
 */
import { acceptsEveryWellFormed, neverAcceptsWhatTheSchemaRefuses } from "@contactkit/adapter-kit/testing"
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { isNgpvanPage, NgpvanPage } from "../src/NgpvanSchema.ts"

const page = fc.record({
  items: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  count: fc.option(fc.integer({ min: 0 }), { nil: null }),
  nextPageLink: fc.option(fc.string({ maxLength: 12 }), { nil: null })
}, { requiredKeys: ["items"] })

const options = { check: isNgpvanPage, schema: NgpvanPage, wellFormed: page }

describe("isNgpvanPage", () => {
  it("accepts every well-formed envelope", () => {
    acceptsEveryWellFormed(options)
  })

  it("never accepts an envelope the schema refuses, whatever one value is replaced with", () => {
    neverAcceptsWhatTheSchemaRefuses(options)
  })

  it("refuses a page without items, items that are not an array, a text count, a present undefined", () => {
    assert.isFalse(isNgpvanPage({ count: 0 }))
    assert.isFalse(isNgpvanPage({ items: {} }))
    assert.isFalse(isNgpvanPage({ items: [], count: "3" }))
    assert.isFalse(isNgpvanPage({ items: [], nextPageLink: undefined }))
    assert.isTrue(isNgpvanPage({ items: [], count: null, nextPageLink: null }))
  })
})
