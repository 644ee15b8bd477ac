/**
 * Exact routing through the platform (issue 8, reproductions 1 and 8): ids with `;`, NUL or an encoded slash,
 * another case and dot segments never reach a resource; the admin API answers only under its exact prefix and
 * never through the vendor's faults or request log; wrong and unknown methods get the vendor's 405.
 */
import { assert, describe, layer } from "@effect/vitest"
import { Effect } from "effect"
import { layer as mockLayer, MockServer } from "../src/index.ts"
import { admin, call } from "../src/testing/index.ts"
import { acme, tokenA } from "./AcmeVendor.ts"
import { exchange } from "./RawSocket.ts"

const state = Effect.map(admin("GET", "/state"), (reply) => reply.json.state)
const reseed = Effect.andThen(admin("POST", "/reset"), admin("POST", "/seed"))

layer(mockLayer(acme, { port: 0 }))("exact routing", (it) => {
  describe("hostile ids and paths", () => {
    it.effect("DELETE /api/items/1;2 is the vendor's 404 and item 1 survives", () =>
      Effect.gen(function*() {
        yield* reseed
        const before = yield* state
        const reply = yield* call("DELETE", "/api/items/1;2", { token: tokenA })
        assert.strictEqual(reply.status, 404)
        assert.deepStrictEqual(reply.json, { error: "Not found" })
        assert.deepStrictEqual(yield* state, before)
        assert.strictEqual((yield* call("GET", "/api/items/1", { token: tokenA })).status, 200)
      }))

    it.effect("NUL, control characters, encoded slashes and dot segments are refused, the state unchanged", () =>
      Effect.gen(function*() {
        yield* reseed
        const before = yield* state
        for (const path of ["/api/items/1%00", "/api/items/1%0A", "/api/items/1%2F2", "/api/items/2/../1"]) {
          const reply = yield* Effect.map(
            exchange(
              (yield* MockServer).url,
              `DELETE ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokenA}\r\nConnection: close\r\n\r\n`
            ),
            (r) => r.text
          )
          assert.match(reply, /^HTTP\/1\.1 404 /u, path)
          assert.include(reply, `"error":"No route for DELETE ${path}."`, path)
        }
        assert.deepStrictEqual(yield* state, before)
      }))

    it.effect("paths match in their exact case only", () =>
      Effect.gen(function*() {
        assert.strictEqual((yield* call("GET", "/API/items/1", { token: tokenA })).status, 404)
        assert.strictEqual((yield* call("GET", "/api/Items", { token: tokenA })).status, 404)
        assert.strictEqual((yield* call("GET", "/api//items", { token: tokenA })).status, 404)
        assert.strictEqual((yield* call("GET", "/api/items/", { token: tokenA })).status, 200)
      }))
  })

  describe("the admin API", () => {
    it.effect("answers only under its exact prefix, and lookalikes neither consume faults nor reach it", () =>
      Effect.gen(function*() {
        yield* admin("DELETE", "/faults")
        yield* admin("DELETE", "/requests")
        yield* admin("POST", "/faults", { kind: "status", status: 503, count: 1, path: "/api/items" })
        for (const path of ["//__admin/faults", "/__ADMIN/faults", "/%5F_admin/faults"]) {
          const reply = yield* call("DELETE", path)
          assert.strictEqual(reply.status, 404, path)
          assert.deepStrictEqual(reply.json, { error: `No route for DELETE ${path}.` }, path)
        }
        // The fault is still there (no admin call consumed it, none cleared it), and fires on its own path.
        assert.strictEqual((yield* admin("GET", "/faults")).json.faults.length, 1)
        assert.strictEqual((yield* call("GET", "/api/items", { token: tokenA })).status, 503)
        const logged = (yield* admin("GET", "/requests")).json.requests.map((entry: any) => entry.url)
        assert.deepStrictEqual(logged, ["//__admin/faults", "/__ADMIN/faults", "/%5F_admin/faults", "/api/items"])
      }))

    it.effect("is not throttled, faulted or logged as vendor traffic", () =>
      Effect.gen(function*() {
        yield* admin("DELETE", "/requests")
        yield* admin("POST", "/faults", { kind: "status", status: 500, probability: 1 })
        assert.strictEqual((yield* admin("GET", "/faults")).status, 200)
        assert.strictEqual((yield* admin("GET", "/nowhere")).status, 404)
        yield* admin("DELETE", "/faults")
        assert.deepStrictEqual((yield* admin("GET", "/requests")).json.requests, [])
      }))
  })

  describe("methods", () => {
    it.effect("a known path asked with another method is the vendor's 405 with Allow", () =>
      Effect.gen(function*() {
        const reply = yield* call("POST", "/api/items/1", { token: tokenA, body: { name: "x" } })
        assert.strictEqual(reply.status, 405)
        assert.strictEqual(reply.headers.get("allow"), "GET, HEAD, PUT, DELETE")
        assert.deepStrictEqual(reply.json, {
          error: "The POST method is not allowed for /api/items/1; allowed: GET, HEAD, PUT, DELETE."
        })
        assert.strictEqual((yield* call("PATCH", "/api/nothing", { token: tokenA })).status, 404)
      }))

    it.effect("a method Node cannot parse still gets the vendor's answer, not a bare 400", () =>
      Effect.gen(function*() {
        const { url } = yield* MockServer
        const unknown = yield* exchange(url, "FOO /api/items HTTP/1.1\r\nHost: x\r\n\r\n")
        assert.match(unknown.text, /^HTTP\/1\.1 405 Method Not Allowed\r\n/u)
        assert.include(unknown.text, "allow: GET, HEAD, POST")
        assert.include(
          unknown.text,
          "{\"error\":\"The FOO method is not allowed for /api/items; allowed: GET, HEAD, POST.\"}"
        )
        const nowhere = yield* exchange(url, "FOO /elsewhere HTTP/1.1\r\nHost: x\r\n\r\n")
        assert.match(nowhere.text, /^HTTP\/1\.1 404 Not Found\r\n/u)
        const garbage = yield* exchange(url, "GET /api/items HTTP/1.1\r\nBad Header\r\n\r\n")
        assert.match(garbage.text, /^HTTP\/1\.1 400 Bad Request\r\n/u)
      }))
  })
})
