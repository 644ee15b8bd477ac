/**
 * Generated people (`POST /__admin/seed {"count": n}`) and searches whose result set is the helpdesk's table as it
 * was: pages of it at any depth, the cached set unchanged by a later write, a deleted person left out, and the
 * state dump listing each set's ids as before.
 */
import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin, call } from "@contactkit/mock-platform/testing"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { deskproLegacy } from "../src/index.ts"
import { asA, asB, get, postJson } from "./support.ts"

const idsOf = (json: { people: Record<string, { id: number }> }) => Object.values(json.people).map((p) => p.id)

layer(mockLayer(deskproLegacy, { port: 0 }))("Deskpro Legacy mock: generated people", (it) => {
  it.effect("2,000 generated people page from a result set that later writes do not change", () =>
    Effect.gen(function*() {
      yield* admin("POST", "/seed")
      const demoA = (yield* get("/api/people?per_page=1")).json.total
      const demoB = (yield* get("/api/people?per_page=1", asB)).json.total
      assert.deepStrictEqual((yield* admin("POST", "/seed", { count: 2_000 })).json, { seeded: true, count: 2_000 })
      const first = yield* get("/api/people?per_page=250")
      assert.strictEqual(first.json.total, demoA + 2_000)
      const cacheId = first.json.cache_id
      const last = yield* get(`/api/people?per_page=250&page=9&cache_id=${cacheId}`)
      const lastIds = idsOf(last.json)
      assert.strictEqual(lastIds.length, demoA + 2_000 - 8 * 250)
      const newest = last.json.people[String(lastIds[lastIds.length - 1])]
      assert.strictEqual(newest.first_name, "Radia")
      assert.strictEqual(newest.emails[0].email, "radia.hopper.1999@example.com")
      assert.strictEqual((yield* get("/api/people?per_page=1", asB)).json.total, demoB)
      // A write after the search: the cached set still has its people, a deleted one is left out.
      yield* postJson("/api/people", { name: "Late Comer", email: "late.comer@example.com" })
      yield* call("DELETE", `/api/people/${lastIds[0]}`, { headers: asA })
      const again = yield* get(`/api/people?per_page=250&page=9&cache_id=${cacheId}`)
      assert.strictEqual(again.json.total, demoA + 2_000)
      assert.deepStrictEqual(idsOf(again.json), lastIds.slice(1))
      const dump = (yield* admin("GET", "/state")).json.state
      const set = dump.resultSets.find((s: { id: number }) => s.id === cacheId)
      assert.strictEqual(set.ids.length, demoA + 2_000)
      assert.deepStrictEqual(set.ids.slice(-2), lastIds.slice(-2))
    }))
})
