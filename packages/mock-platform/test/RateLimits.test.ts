/**
 * Bounded rate-limit state (issue 8, reproduction 7): counters are kept only for the vendor's known credentials,
 * per route pattern rather than per concrete path, updated in place, and forgotten when idle or past the cap.
 */
import { assert, describe, it, layer } from "@effect/vitest"
import { Effect } from "effect"
import * as fc from "fast-check"
import { layer as mockLayer, makeWindowCounters } from "../src/index.ts"
import { knownCredential } from "../src/KnownCredential.ts"
import { makeRateLimiter } from "../src/RateLimiter.ts"
import { call } from "../src/testing/index.ts"
import { acme, tokenA, tokenB } from "./AcmeVendor.ts"

describe("WindowCounters", () => {
  it("never holds more than maxKeys keys, whatever the hits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 50 })), { maxLength: 400 }),
        (hits) => {
          const counters = makeWindowCounters({ maxKeys: 20 })
          let now = 0
          for (const [key, step] of hits) {
            now += step
            counters.hit(`k${key}`, 1000, now)
            assert.isAtMost(counters.size(), 20)
          }
        }
      )
    )
  })

  it("counts hits within a window, starts afresh after it, and forgets idle keys", () => {
    const counters = makeWindowCounters()
    assert.deepStrictEqual(counters.hit("a", 1000, 0), { startAt: 0, used: 1 })
    assert.deepStrictEqual(counters.hit("a", 1000, 999), { startAt: 0, used: 2 })
    for (let i = 0; i < 5000; i++) counters.hit(`junk-${i}`, 1000, 500)
    assert.strictEqual(counters.size(), 5001)
    assert.deepStrictEqual(counters.hit("a", 1000, 1500), { startAt: 1500, used: 1 })
    assert.strictEqual(counters.size(), 1, "every other key's window had passed")
  })
})

describe("RateLimiter", () => {
  it.effect("keeps no counter for a request without a known credential", () =>
    Effect.gen(function*() {
      const limiter = yield* makeRateLimiter([{ limit: 1, windowSeconds: 60, perRoute: false }])
      for (let i = 0; i < 1000; i++) assert.isUndefined(yield* limiter.hit(undefined, "/api/items"))
      assert.strictEqual(yield* limiter.size, 0)
      assert.isUndefined(yield* limiter.hit(tokenA, "/api/items"))
      assert.strictEqual((yield* limiter.hit(tokenA, "/api/items"))?.limit, 1)
      assert.strictEqual(yield* limiter.size, 1)
    }))

  it("recognises a documented credential in the usual schemes, and nothing else", () => {
    const of = (headers: Record<string, string>) => knownCredential(acme, headers)
    assert.strictEqual(of({ authorization: `Bearer ${tokenA}` }), tokenA)
    assert.strictEqual(of({ authorization: `key 1:${tokenB}` }), tokenB)
    assert.strictEqual(of({ "x-api-key": tokenA }), tokenA)
    assert.strictEqual(of({ authorization: `Basic ${Buffer.from(`user:${tokenB}`).toString("base64")}` }), tokenB)
    for (const value of [`Bearer ${tokenA}x`, `Bearer junk`, "", `Bearer ${tokenA.toUpperCase()}`]) {
      assert.isUndefined(of({ authorization: value }), value)
    }
  })
})

layer(mockLayer(acme, { port: 0, rateLimit: true }))("rate limit per route pattern", (it) => {
  it.effect("different ids on one route share its window; junk tokens are refused but never throttled", () =>
    Effect.gen(function*() {
      for (const id of [1, 2, 1]) {
        assert.notStrictEqual((yield* call("GET", `/api/items/${id}`, { token: tokenA })).status, 429)
      }
      assert.strictEqual((yield* call("GET", "/api/items/9", { token: tokenA })).status, 429)
      assert.strictEqual((yield* call("GET", "/api/items", { token: tokenA })).status, 200, "another route")
      for (let i = 0; i < 20; i++) {
        assert.strictEqual((yield* call("GET", "/api/items/1", { token: `junk-${i}` })).status, 401)
      }
    }))
})
