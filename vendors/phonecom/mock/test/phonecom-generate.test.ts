/**
 * `POST /__admin/seed {"count": n}` on the Phone.com mock: the demo data plus n generated contacts in account 1001,
 * extension 1, deterministic, listed (also deep into the list) like any other contact.
 */
import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin, call } from "@contactkit/mock-platform/testing"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { phonecom } from "../src/index.ts"
import { contactsA, tokenA } from "./support.ts"

layer(mockLayer(phonecom, { port: 0 }))("Phone.com mock: generated contacts", (it) => {
  it.effect("20,000 generated contacts follow the demo data and page like any others", () =>
    Effect.gen(function*() {
      yield* admin("POST", "/seed")
      const demo = (yield* call("GET", `${contactsA}?limit=1`, { token: tokenA })).json.total
      assert.deepStrictEqual((yield* admin("POST", "/seed", { count: 20_000 })).json, { seeded: true, count: 20_000 })
      const page = yield* call("GET", `${contactsA}?limit=2&offset=${demo}`, { token: tokenA })
      assert.strictEqual(page.json.total, demo + 20_000)
      const [first, second] = page.json.items
      assert.strictEqual(first.id, 37)
      assert.strictEqual(second.id, 38)
      assert.strictEqual(first.first_name, "Ada")
      assert.strictEqual(first.last_name, "Lovelace")
      assert.deepStrictEqual(first.emails, [
        { type: "primary", email: "ada.lovelace.0@example.com" },
        { type: "alternate", email: "alt.ada.lovelace.0@example.com" }
      ])
      assert.deepStrictEqual(first.phone_numbers, [{
        type: "mobile",
        number: "+1 212 555 0000",
        normalized: "+12125550000"
      }])
      assert.strictEqual(second.first_name, "Grace")
      const last = yield* call("GET", `${contactsA}?limit=5&offset=${demo + 19_999}`, { token: tokenA })
      assert.deepStrictEqual(last.json.items.map((c: { id: number }) => c.id), [20_036])
      const created = yield* call("POST", contactsA, { token: tokenA, body: { first_name: "After" } })
      assert.strictEqual(created.json.id, 20_037)
    }))

  it.effect("the same count gives the same state", () =>
    Effect.gen(function*() {
      yield* admin("POST", "/seed", { count: 50 })
      const first = (yield* admin("GET", "/state")).json
      yield* call("POST", contactsA, { token: tokenA, body: { first_name: "Noise" } })
      yield* admin("POST", "/seed", { count: 50 })
      assert.deepStrictEqual((yield* admin("GET", "/state")).json, first)
    }))
})
