/**
 * `POST /__admin/seed`: without a body the demo data, with `{"count": n}` the demo data and n generated contacts
 * (through the vendor's `generate`), the same state for the same count; a bad count, or a vendor without `generate`,
 * is a 400 that changes nothing.
 */
import { assert, describe, layer } from "@effect/vitest"
import { Effect } from "effect"
import { layer as mockLayer } from "../src/index.ts"
import { admin, call } from "../src/testing/index.ts"
import { acme, tokenA } from "./AcmeVendor.ts"

const withoutGenerate = {
  ...acme,
  make: Effect.map(acme.make, ({ generate: _, ...instance }) => instance)
}

describe("admin seed with a count", () => {
  layer(mockLayer(acme))((it) => {
    it.effect("adds count generated items to the demo data, deterministically", () =>
      Effect.gen(function*() {
        const seeded = yield* admin("POST", "/seed", { count: 2_500 })
        assert.deepStrictEqual(seeded.json, { seeded: true, count: 2_500 })
        const listed = yield* call("GET", "/api/items", { token: tokenA })
        // Tenant 1 holds two demo items and every generated one.
        assert.strictEqual(listed.json.items.length, 2 + 2_500)
        assert.deepStrictEqual(listed.json.items[2], { id: 4, tenant: 1, name: "Item 4", updatedAt: 0 })
        const first = (yield* admin("GET", "/state")).json
        yield* admin("POST", "/seed", { count: 2_500 })
        assert.deepStrictEqual((yield* admin("GET", "/state")).json, first)
      }))

    it.effect("refuses a count that is not a whole number from 0 to 1,000,000, changing nothing", () =>
      Effect.gen(function*() {
        yield* admin("POST", "/seed")
        const before = (yield* admin("GET", "/state")).json
        for (const count of [-1, 1.5, "10", 1_000_001, null]) {
          const refused = yield* admin("POST", "/seed", { count })
          assert.strictEqual(refused.status, 400, `count ${JSON.stringify(count)}`)
        }
        assert.deepStrictEqual((yield* admin("GET", "/state")).json, before)
        assert.strictEqual(before.state.items.length, 3)
      }))
  })

  layer(mockLayer(withoutGenerate))((it) => {
    it.effect("a vendor without generate refuses a count but still seeds without one", () =>
      Effect.gen(function*() {
        const refused = yield* admin("POST", "/seed", { count: 10 })
        assert.strictEqual(refused.status, 400)
        assert.include(refused.json.error, "does not generate")
        assert.deepStrictEqual((yield* admin("POST", "/seed")).json, { seeded: true })
      }))
  })
})
