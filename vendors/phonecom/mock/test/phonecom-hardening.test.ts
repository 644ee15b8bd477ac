/**
 * Issue 8's reproductions against the Phone.com mock, each of which misbehaved before the platform was hardened:
 * `;` in an id deleted another contact, paths matched in any case, admin lookalikes reached the admin API, and a
 * wrong method got a 404 rather than Phone.com's 405.
 */
import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin, call } from "@contactkit/mock-platform/testing"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { phonecom } from "../src/index.ts"
import { contactsA, tokenA } from "./support.ts"

const state = Effect.map(admin("GET", "/state"), (reply) => reply.json.state)

layer(mockLayer(phonecom, { port: 0 }))("Phone.com mock against hostile requests", (it) => {
  it.effect("DELETE …/contacts/1;2 is Phone.com's 404 and deletes nothing", () =>
    Effect.gen(function*() {
      const before = yield* state
      const reply = yield* call("DELETE", `${contactsA}/1;2`, { token: tokenA })
      assert.strictEqual(reply.status, 404)
      assert.strictEqual(reply.json["@error"]["@message"], "Not Found")
      assert.deepStrictEqual(yield* state, before)
      assert.strictEqual((yield* call("GET", `${contactsA}/1`, { token: tokenA })).status, 200)
    }))

  it.effect("paths match in their exact case only", () =>
    Effect.gen(function*() {
      const reply = yield* call("GET", "/V4/ACCOUNTS/1001/extensions/1/contacts", { token: tokenA })
      assert.strictEqual(reply.status, 404)
      assert.strictEqual(reply.json["@error"]["@httpStatusCode"], 404)
    }))

  it.effect("admin lookalikes are vendor 404s that leave faults alone", () =>
    Effect.gen(function*() {
      yield* admin("POST", "/faults", { kind: "status", status: 503, count: 1, path: "/v4/accounts" })
      for (const path of ["//__admin/faults", "/__ADMIN/faults", "/%5F_admin/faults"]) {
        const reply = yield* call("DELETE", path)
        assert.strictEqual(reply.status, 404, path)
        assert.strictEqual(reply.json["@error"]["@message"], "Not Found", path)
      }
      assert.strictEqual((yield* admin("GET", "/faults")).json.faults.length, 1)
      yield* admin("DELETE", "/faults")
    }))

  it.effect("a wrong method on a known path is Phone.com's 405 with Allow", () =>
    Effect.gen(function*() {
      const reply = yield* call("POST", `${contactsA}/1`, { token: tokenA, body: { first_name: "Nope" } })
      assert.strictEqual(reply.status, 405)
      assert.strictEqual(reply.headers.get("allow"), "GET, HEAD, PUT, DELETE")
      assert.strictEqual(reply.json["@error"]["@httpStatusCode"], 405)
      assert.strictEqual(reply.json["@error"]["@message"], "Method Not Allowed")
    }))

  it.effect("GET /__admin/state dumps every account's contacts and groups", () =>
    Effect.gen(function*() {
      const dump = yield* admin("GET", "/state")
      assert.strictEqual(dump.json.vendor, "phonecom")
      assert.deepStrictEqual(dump.json.state.contacts.map((entry: any) => entry.extensionId), [1, 2, 3])
      assert.isAbove(dump.json.state.groups.length, 0)
    }))
})
