/**
 * The generated bad-request test itself: clean against a careful vendor, and it catches a careless one (ids read
 * with `parseInt`, bodies read whatever their Content-Type), which bad input does change.
 */
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { layer as mockLayer } from "../src/index.ts"
import { type BadInputOptions, badInputSuite, runBadInput } from "../src/testing/index.ts"
import { acme, laxAcme, tokenA, tokenB } from "./AcmeVendor.ts"

const options: BadInputOptions = {
  module: acme,
  tenants: [
    { headers: { authorization: `Bearer ${tokenA}` }, secret: tokenA },
    { headers: { authorization: `Bearer ${tokenB}` }, secret: tokenB }
  ],
  routes: [
    { method: "GET", path: "/api/items" },
    { method: "POST", path: "/api/items", body: { name: "Anvil" }, openToOtherTenant: true },
    { method: "GET", path: "/api/items/1" },
    { method: "PUT", path: "/api/items/1", body: { name: "Heavier anvil" } },
    { method: "DELETE", path: "/api/items/2" }
  ],
  requests: 2000
}

badInputSuite(options)

layer(mockLayer(laxAcme, { port: 0 }))("a careless vendor under generated bad input", (it) => {
  it.effect("is caught: its state changes, and the writes it accepted are named", () =>
    Effect.gen(function*() {
      const report = yield* runBadInput({ ...options, module: laxAcme }, 7, 1500)
      assert.isTrue(report.stateChanged)
      const categories = new Set(report.acceptedWrites.map((line) => line.split(":")[0]))
      assert.isTrue(categories.has("hostile-path"), [...categories].join(", "))
      assert.isTrue(categories.has("content-type"), [...categories].join(", "))
      assert.deepStrictEqual(report.failures, [])
    }))
})
