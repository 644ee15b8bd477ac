/**
 * The admin API refuses a fault that can never fire — a method no client sends, a path no route of the vendor has
 * (for that method) — with 400 and the reason, and sets every fault that can; every admin error body says what is
 * wrong in `message`, bad JSON included.
 */
import { assert, describe, it, layer } from "@effect/vitest"
import { Effect } from "effect"
import { unmatchableFault } from "../src/FaultTargets.ts"
import { layer as mockLayer } from "../src/index.ts"
import { admin, call } from "../src/testing/index.ts"
import { acme } from "./AcmeVendor.ts"

const routes = [
  { method: "GET", path: "/api/items" },
  { method: "POST", path: "/api/items" },
  { method: "GET", path: "/api/items/:id" },
  { method: "PUT", path: "/api/items/:id" }
]
const check = (spec: { method?: string; path?: string }) => unmatchableFault(spec, routes, { vendor: "acme" })

describe("unmatchableFault", () => {
  it("accepts what some route can answer: prefixes, patterns, a prefix inside a segment, no path at all", () => {
    for (
      const spec of [
        {},
        { method: "get" },
        { path: "/api" },
        { path: "/api/it" },
        { path: "/api/items/7" },
        { path: "/api/items/:itemId", method: "PUT" },
        { path: "/api/items/{id}" },
        { path: "/" }
      ]
    ) {
      assert.isUndefined(check(spec), JSON.stringify(spec))
    }
  })

  it("refuses a method no client sends, naming the methods it takes", () => {
    assert.strictEqual(
      check({ method: "FETCH" }),
      "method FETCH is not an HTTP method a client sends: use one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, " +
        "or leave method out to match every method."
    )
  })

  it("refuses a misspelt path, a path too deep, and a path no route has for the method", () => {
    assert.include(check({ path: "/api/itmes" }), "path /api/itmes matches no route of the acme mock")
    assert.include(check({ path: "/api/items/:id/tags" }), "matches no route")
    assert.include(check({ path: "/api/items/7", method: "DELETE" }), "matches no route of the acme mock for DELETE")
    assert.include(check({ path: "/v4/api/items" }), "Its routes include /api/items, /api/items/:id")
  })
})

describe("admin faults", () => {
  layer(mockLayer(acme))((it) => {
    it.effect("a fault that can never match is refused with 400 and why; one that can is set", () =>
      Effect.gen(function*() {
        const method = yield* admin("POST", "/faults", { kind: "status", status: 503, count: 1, method: "FETCH" })
        assert.strictEqual(method.status, 400)
        assert.strictEqual(method.json.error, "UnmatchableFault")
        assert.include(method.json.message, "This fault can never match: method FETCH is not an HTTP method")
        const path = yield* admin("POST", "/faults", { kind: "status", status: 503, count: 1, path: "/api/itmes" })
        assert.strictEqual(path.status, 400)
        assert.include(path.json.message, "path /api/itmes matches no route of the acme mock")
        assert.deepStrictEqual((yield* admin("GET", "/faults")).json, { faults: [] })
        const set = yield* admin("POST", "/faults", { kind: "status", status: 503, count: 1, path: "/api/items" })
        assert.strictEqual(set.status, 201)
        yield* admin("DELETE", "/faults")
      }))

    it.effect("bad JSON and an invalid fault get a message saying what is wrong", () =>
      Effect.gen(function*() {
        const malformed = yield* call("POST", "/__admin/faults", { body: "{not json" })
        assert.strictEqual(malformed.status, 400)
        assert.strictEqual(malformed.json.error, "MalformedBody")
        assert.include(malformed.json.message, "The body is not valid JSON")
        const invalid = yield* admin("POST", "/faults", { kind: "explode", count: 1 })
        assert.strictEqual(invalid.status, 400)
        assert.strictEqual(invalid.json.error, "InvalidFault")
        assert.include(invalid.json.message, "The fault is not valid")
      }))
  })
})
