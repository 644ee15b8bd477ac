/**
 * Generated people (`POST /__admin/seed {"count": n}`) and the unfiltered listing that pages straight from the
 * table: every page, ascending or descending, with or without `limit`, is the id-ordered list's page — the same
 * answer a filter that selects everyone (`is_deleted=0`, which takes the filtering path) gives.
 */
import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin } from "@contactkit/mock-platform/testing"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { deskpro } from "../src/index.ts"
import { call, keyA, keyB, people } from "./support.ts"

const ids = (reply: { json: { data: ReadonlyArray<{ id: number }> } }) => reply.json.data.map((p) => p.id)

layer(mockLayer(deskpro, { port: 0 }))("Deskpro mock: generated people", (it) => {
  it.effect("1,000 generated people in helpdesk A, paged either way as the filtering path pages them", () =>
    Effect.gen(function*() {
      yield* admin("POST", "/seed")
      const demoB = (yield* call("GET", `${people}?count=1`, keyB)).json.meta.pagination.total
      assert.deepStrictEqual((yield* admin("POST", "/seed", { count: 1_000 })).json, { seeded: true, count: 1_000 })
      const first = yield* call("GET", `${people}?count=200`, keyA)
      assert.strictEqual(first.json.meta.pagination.total, 1_003)
      assert.strictEqual(first.json.data[3].first_name, "Ada")
      assert.strictEqual(first.json.data[3].primary_email, "ada.lovelace.0@example.com")
      assert.strictEqual((yield* call("GET", `${people}?count=1`, keyB)).json.meta.pagination.total, demoB)
      for (const query of ["page=6&count=200", "page=3&count=7&order_dir=desc", "limit=15&count=4&page=4", "page=99"]) {
        const fast = yield* call("GET", `${people}?${query}`, keyA)
        const filtered = yield* call("GET", `${people}?${query}&is_deleted=0`, keyA)
        assert.deepStrictEqual(ids(fast), ids(filtered), query)
        assert.deepStrictEqual(fast.json.meta, filtered.json.meta, query)
      }
      const newest = yield* call("GET", `${people}?count=2&order_dir=desc&limit=5`, keyA)
      // One id sequence over both helpdesks: the demo people take 1–5, the generated ones 6–1,005.
      assert.deepStrictEqual(ids(first).slice(0, 5), [1, 2, 3, 6, 7])
      assert.deepStrictEqual(ids(newest), [1_005, 1_004])
      assert.strictEqual(newest.json.meta.pagination.total, 5)
    }))
})
