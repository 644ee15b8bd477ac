import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin, call, transportFails } from "@contactkit/mock-platform/testing"
import { assert, describe, layer } from "@effect/vitest"
import { Effect } from "effect"
import { phonecom } from "../src/index.ts"
import { contactsA, tokenA } from "./support.ts"

/** The shared platform (admin API, faults, rate limit) as it behaves through the Phone.com module. */
layer(mockLayer(phonecom, { port: 0 }))("mock-server platform, through Phone.com", (it) => {
  describe("admin", () => {
    it.effect("reset empties the state and seed restores the same demo data", () =>
      Effect.gen(function*() {
        const seeded = yield* call("GET", `${contactsA}?limit=500`, { token: tokenA })
        assert.isAbove(seeded.json.total, 0)
        assert.deepStrictEqual((yield* admin("POST", "/reset")).json, { reset: true })
        assert.strictEqual((yield* call("GET", contactsA, { token: tokenA })).json.total, 0)
        yield* admin("POST", "/seed")
        const again = yield* call("GET", `${contactsA}?limit=500`, { token: tokenA })
        assert.deepStrictEqual(again.json, seeded.json)
      }))

    it.effect("logs requests without the Authorization value, and clears the log", () =>
      Effect.gen(function*() {
        yield* admin("DELETE", "/requests")
        yield* call("POST", contactsA, { token: tokenA, body: { first_name: "Logged" } })
        const log = yield* admin("GET", "/requests")
        assert.strictEqual(log.json.requests.length, 1)
        const entry = log.json.requests[0]
        assert.strictEqual(entry.method, "POST")
        assert.strictEqual(entry.status, 201)
        assert.include(entry.body, "Logged")
        assert.strictEqual(entry.headers.authorization, "[REDACTED]")
        assert.notInclude(log.text, tokenA)
        yield* admin("DELETE", "/requests")
        assert.strictEqual((yield* admin("GET", "/requests")).json.requests.length, 0)
      }))

    it.effect("rejects an invalid fault with 400 and lists and clears faults", () =>
      Effect.gen(function*() {
        assert.strictEqual((yield* admin("POST", "/faults", { kind: "explode" })).status, 400)
        assert.strictEqual((yield* admin("POST", "/faults", { kind: "status", probability: 2 })).status, 400)
        assert.strictEqual((yield* admin("POST", "/faults", { kind: "status", count: 1, probability: 1 })).status, 400)
        const added = yield* admin("POST", "/faults", { kind: "status", count: 2, path: "/v4/accounts" })
        assert.strictEqual(added.status, 201)
        assert.strictEqual((yield* admin("GET", "/faults")).json.faults.length, 1)
        yield* admin("DELETE", "/faults")
        assert.strictEqual((yield* admin("GET", "/faults")).json.faults.length, 0)
      }))
  })

  describe("faults", () => {
    it.effect("status: the next N matching requests get the vendor's 5xx, then normal service", () =>
      Effect.gen(function*() {
        yield* admin("POST", "/faults", {
          kind: "status",
          status: 500,
          count: 2,
          method: "GET",
          path: "/v4/accounts/:account_id/extensions/:extension_id/contacts"
        })
        const unmatched = yield* call("GET", `${contactsA}/1`, { token: tokenA })
        assert.strictEqual(unmatched.status, 200)
        for (let i = 0; i < 2; i++) {
          const failed = yield* call("GET", contactsA, { token: tokenA })
          assert.strictEqual(failed.status, 500)
          assert.strictEqual(failed.json["@error"]["@httpStatusCode"], 500)
        }
        assert.strictEqual((yield* call("GET", contactsA, { token: tokenA })).status, 200)
      }))

    it.effect("status 503 before the handler changes nothing", () =>
      Effect.gen(function*() {
        const before = yield* call("GET", `${contactsA}?limit=500`, { token: tokenA })
        yield* admin("POST", "/faults", { kind: "status", status: 503, method: "POST" })
        const failed = yield* call("POST", contactsA, { token: tokenA, body: { first_name: "Ghost" } })
        assert.strictEqual(failed.status, 503)
        const after = yield* call("GET", `${contactsA}?limit=500`, { token: tokenA })
        assert.deepStrictEqual(after.json, before.json)
      }))

    it.effect("rateLimit: 429 with Retry-After header and @rateLimit body", () =>
      Effect.gen(function*() {
        yield* admin("POST", "/faults", { kind: "rateLimit", retryAfterSeconds: 7 })
        const limited = yield* call("GET", contactsA, { token: tokenA })
        assert.strictEqual(limited.status, 429)
        assert.strictEqual(limited.headers.get("retry-after"), "7")
        const rateLimit = limited.json["@error"]["@rateLimit"]
        assert.strictEqual(rateLimit["Retry-After"], 7)
        assert.strictEqual(rateLimit["RateLimit-Remaining"], 0)
        assert.isNumber(rateLimit["RateLimit-Reset"])
      }))

    it.effect("latency delays the answer", () =>
      Effect.gen(function*() {
        yield* admin("POST", "/faults", { kind: "latency", latencyMs: 300 })
        const started = performance.now()
        const slow = yield* call("GET", contactsA, { token: tokenA })
        assert.strictEqual(slow.status, 200)
        assert.isAtLeast(performance.now() - started, 250)
      }))

    it.effect("malformed gives a body that is not JSON", () =>
      Effect.gen(function*() {
        yield* admin("POST", "/faults", { kind: "malformed" })
        const reply = yield* call("GET", contactsA, { token: tokenA })
        assert.strictEqual(reply.status, 200)
        assert.strictEqual(reply.json, undefined)
        assert.isAbove(reply.text.length, 0)
      }))

    it.effect("truncated and drop fail at the transport level", () =>
      Effect.gen(function*() {
        yield* admin("POST", "/faults", { kind: "truncated" })
        assert.isTrue(yield* transportFails("GET", contactsA, { authorization: `Bearer ${tokenA}` }))
        yield* admin("POST", "/faults", { kind: "drop" })
        assert.isTrue(yield* transportFails("GET", contactsA, { authorization: `Bearer ${tokenA}` }))
        assert.isFalse(yield* transportFails("GET", contactsA, { authorization: `Bearer ${tokenA}` }))
        const log = yield* admin("GET", "/requests")
        const kinds = log.json.requests.map((entry: { fault?: string }) => entry.fault).filter(Boolean)
        assert.includeMembers(kinds, ["truncated", "drop"])
      }))

    it.effect("probability 0 never fires", () =>
      Effect.gen(function*() {
        yield* admin("DELETE", "/faults")
        yield* admin("POST", "/faults", { kind: "status", probability: 0 })
        for (let i = 0; i < 5; i++) assert.strictEqual((yield* call("GET", contactsA, { token: tokenA })).status, 200)
        yield* admin("DELETE", "/faults")
      }))
  })
})

layer(mockLayer(phonecom, { port: 0, rateLimit: true, seed: false }))("documented rate limit", (it) => {
  it.effect("the 31st request to one endpoint within 30 s gets Phone.com's 429", () =>
    Effect.gen(function*() {
      for (let i = 0; i < 30; i++) assert.strictEqual((yield* call("GET", contactsA, { token: tokenA })).status, 200)
      const limited = yield* call("GET", contactsA, { token: tokenA })
      assert.strictEqual(limited.status, 429)
      assert.strictEqual(limited.json["@error"]["@rateLimit"]["RateLimit-Limit"], 30)
    }))
})
