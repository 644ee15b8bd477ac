import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { requestTarget } from "../src/index.ts"
import { checkedTarget } from "../src/RequestTarget.ts"

describe("requestTarget", () => {
  it("sends only the exact admin prefix to the admin API", () => {
    assert.deepStrictEqual(requestTarget("/__admin"), { _tag: "Admin", url: "/__admin" })
    assert.deepStrictEqual(requestTarget("/__admin/faults?x=1"), { _tag: "Admin", url: "/__admin/faults?x=1" })
    for (const url of ["//__admin/faults", "/__ADMIN/faults", "/%5F_admin/faults", "/__admin%2Ffaults", "/__adminx"]) {
      assert.notStrictEqual(requestTarget(url)._tag, "Admin", url)
    }
  })

  it("keeps ; inside its segment, so a router cannot take it for a query", () => {
    assert.deepStrictEqual(requestTarget("/api/items/1;2?limit=5"), {
      _tag: "Vendor",
      url: "/api/items/1%3B2?limit=5",
      path: "/api/items/1;2"
    })
  })

  it("refuses paths that name no resource rather than normalising them into another", () => {
    for (
      const url of [
        "/api/items/1%00",
        "/api/items/1%0a",
        "/api/items/1%7F",
        "/api/items/1%2F2",
        "/api/items/1%5c2",
        "/api/items/../2",
        "/api/items/./1",
        "/api/items/%2e%2e/2",
        "/api/items/%2E",
        "/api/items/1%zz",
        "/api/items/1%",
        "/api/items/%C0%AE",
        "/api/items/1#x",
        "api/items/1"
      ]
    ) {
      assert.strictEqual(requestTarget(url)._tag, "Refused", url)
    }
  })

  it("passes ordinary paths, escapes and unicode through unchanged", () => {
    for (const url of ["/api/items", "/api/items/1", "/api/items/caf%C3%A9", "/api/items/%31", "/api/items/1.."]) {
      assert.deepStrictEqual(requestTarget(url), { _tag: "Vendor", url, path: url }, url)
    }
  })
})

describe("requestTarget's shortcut for plain paths", () => {
  // Every character that matters to a rule, the admin prefix's pieces, and plain ones.
  const piece = fc.constantFrom(
    ..."/ a Z 9 - _ ~ : @ ! $ ' ( * + , = & . .. ; # \\ % %2e %2F %00 %41 %zz __admin /__admin ? ?q=1;2".split(" ")
  )
  const url = fc.array(piece, { maxLength: 10 }).map((pieces) => pieces.join(""))

  it("classifies any target exactly as all the rules do", () => {
    fc.assert(
      fc.property(fc.oneof(url, url.map((u) => `/${u}`)), (target) => {
        assert.deepStrictEqual(requestTarget(target), checkedTarget(target))
      }),
      { numRuns: 5_000 }
    )
  })
})
