/**
 * `POST /__admin/seed {"count": n}` on the NGP VAN mock: the demo data plus n generated individuals in tenant A,
 * paged by `$top`/`$skip` (deep pages too) like any others, and the same state for the same count.
 */
import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin } from "@contactkit/mock-platform/testing"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { ngpvan } from "../src/index.ts"
import { call, contacts, keyA, keyB } from "./support.ts"

layer(mockLayer(ngpvan, { port: 0 }))("NGP VAN mock: generated contacts", (it) => {
  it.effect("10,000 generated individuals follow tenant A's demo contacts, at any $skip", () =>
    Effect.gen(function*() {
      yield* admin("POST", "/seed")
      const demo = (yield* call("GET", `${contacts}?$top=1`, { key: keyA })).json.count
      const other = (yield* call("GET", `${contacts}?$top=1`, { key: keyB })).json.count
      assert.deepStrictEqual((yield* admin("POST", "/seed", { count: 10_000 })).json, { seeded: true, count: 10_000 })
      const page = yield* call("GET", `${contacts}?$top=2&$skip=${demo + 9_998}`, { key: keyA })
      assert.strictEqual(page.json.count, demo + 10_000)
      assert.strictEqual(page.json.nextPageLink, null)
      const [a, b] = page.json.items
      // Generated 9,998 and 9,999: first names cycle through ten; last names change every ten, 999 % 9 = 0.
      assert.strictEqual(a.firstName, "Ken")
      assert.strictEqual(b.firstName, "Radia")
      assert.strictEqual(b.lastName, "Lovelace")
      assert.deepStrictEqual(b.phones, [{ number: "2125559999", type: "MOBILE" }])
      assert.strictEqual(b.emails[0].address, "radia.lovelace.9999@example.com")
      assert.strictEqual((yield* call("GET", `${contacts}?$top=1`, { key: keyB })).json.count, other)
      const again = yield* call("GET", `${contacts}/${b.contactId}`, { key: keyA })
      assert.strictEqual(again.json.lastName, "Lovelace")
      yield* admin("POST", "/seed", { count: 10_000 })
      const same = yield* call("GET", `${contacts}?$top=2&$skip=${demo + 9_998}`, { key: keyA })
      assert.deepStrictEqual(same.json, page.json)
    }))
})
