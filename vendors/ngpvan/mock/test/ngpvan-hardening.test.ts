/**
 * Issue 8's reproduction classes against the NGP VAN mock: `;`, NUL and case in paths reach no other contact,
 * admin lookalikes are NGP 404s that leave faults alone, unknown and wrong methods get ASP.NET's 405 in NGP's body,
 * a body nested 5,000 deep is `MALFORMED_JSON`, JSON under another content type is 415 (NGP reads JSON only),
 * scalar and array bodies change nothing, a key under another Basic user is no key, and `GET /__admin/state` dumps
 * both tenants.
 */
import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin, rawCall } from "@contactkit/mock-platform/testing"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { ngpvan } from "../src/index.ts"
import { basic, call, contacts, keyA, lefty } from "./support.ts"

const state = Effect.map(admin("GET", "/state"), (reply) => reply.json.state)
const rosa = `${contacts}/VNM8XG2B217`
const notFound = { errors: [{ code: "NOT_FOUND", text: "The specified resource cannot be found." }] }

layer(mockLayer(ngpvan, { port: 0 }))("NGP VAN mock against hostile requests", (it) => {
  it.effect("`;` and `%00` in an id name no contact: an update is a 404 and changes nothing", () =>
    Effect.gen(function*() {
      const before = yield* state
      for (const path of [`${rosa};VN8HUW4M42E`, `${rosa};x=1`, `${rosa}%00`]) {
        const reply = yield* rawCall({
          method: "POST",
          path,
          headers: { apikey: keyA, "content-type": "application/json" },
          body: JSON.stringify({ occupation: "Changed" })
        })
        assert.strictEqual(reply.status, 404, path)
        assert.deepStrictEqual(reply.json, notFound, path)
      }
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("paths and ids match in their exact case only", () =>
    Effect.gen(function*() {
      for (const path of ["/V2/CONTACTS/VNM8XG2B217", "/v2/Contacts/VNM8XG2B217", `${contacts}/vnm8xg2b217`]) {
        const reply = yield* call("GET", path, { key: keyA })
        assert.strictEqual(reply.status, 404, path)
        assert.deepStrictEqual(reply.json, notFound, path)
      }
    }))

  it.effect("admin lookalikes are NGP 404s that leave faults alone", () =>
    Effect.gen(function*() {
      yield* admin("POST", "/faults", { kind: "status", status: 503, count: 1, path: "/v2/contacts" })
      for (const path of ["//__admin/faults", "/__ADMIN/faults", "/%5F_admin/faults"]) {
        const reply = yield* rawCall({ method: "DELETE", path, headers: {} })
        assert.strictEqual(reply.status, 404, path)
        assert.deepStrictEqual(reply.json, notFound, path)
      }
      assert.strictEqual((yield* admin("GET", "/faults")).json.faults.length, 1)
      yield* admin("DELETE", "/faults")
    }))

  it.effect("unknown and wrong methods get ASP.NET's 405 with Allow, in NGP's body", () =>
    Effect.gen(function*() {
      const unknown = yield* rawCall({ method: "FOO", path: contacts, headers: { apikey: keyA } })
      assert.strictEqual(unknown.status, 405)
      assert.strictEqual(unknown.headers["allow"], "GET, HEAD, POST")
      assert.deepStrictEqual(unknown.json, {
        errors: [{ code: "METHOD_NOT_ALLOWED", text: "The requested resource does not support http method 'FOO'." }]
      })
      const before = yield* state
      const remove = yield* call("DELETE", rosa, { key: keyA })
      assert.strictEqual(remove.status, 405)
      assert.strictEqual(remove.headers.get("allow"), "GET, HEAD, POST")
      const put = yield* call("PUT", rosa, { key: keyA, body: { occupation: "Changed" } })
      assert.strictEqual(put.status, 405)
      assert.strictEqual(put.json.errors[0].code, "METHOD_NOT_ALLOWED")
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("a body nested 5,000 deep is MALFORMED_JSON, not a 500", () =>
    Effect.gen(function*() {
      const reply = yield* call("POST", contacts, { key: keyA, body: "[".repeat(5000) + "]".repeat(5000) })
      assert.strictEqual(reply.status, 400)
      assert.deepStrictEqual(reply.json, {
        errors: [{ code: "MALFORMED_JSON", text: "The request body is not valid JSON." }]
      })
    }))

  it.effect("JSON sent as text/plain, a form or no content type is 415 and creates no contact", () =>
    Effect.gen(function*() {
      const before = yield* state
      for (const contentType of ["text/plain", "application/x-www-form-urlencoded", undefined]) {
        const reply = yield* rawCall({
          method: "POST",
          path: contacts,
          headers: { apikey: keyA, ...(contentType === undefined ? {} : { "content-type": contentType }) },
          body: JSON.stringify(lefty)
        })
        assert.strictEqual(reply.status, 415, contentType)
        assert.strictEqual(reply.json.errors[0].code, "UNSUPPORTED_MEDIA_TYPE", contentType)
      }
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("scalar and array bodies are refused on every write and change nothing", () =>
    Effect.gen(function*() {
      const before = yield* state
      for (const body of ["42", "\"text\"", "true", "null", "[]", JSON.stringify([lefty])]) {
        for (const path of [contacts, `${contacts}/findOrCreate`, rosa]) {
          const reply = yield* call("POST", path, { key: keyA, body })
          assert.strictEqual(reply.status, 400, `${path} ${body}`)
          assert.strictEqual(reply.json.errors[0].code, "INVALID_PARAMETER", `${path} ${body}`)
        }
      }
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("the key under a Basic user other than apiuser, or cut short, is no key: 401", () =>
    Effect.gen(function*() {
      for (const authorization of [basic("admin", keyA), basic("apiuser", keyA.slice(0, -1)), `Basic ${keyA}`]) {
        const reply = yield* call("GET", rosa, { headers: { authorization } })
        assert.strictEqual(reply.status, 401, authorization)
        assert.notInclude(reply.text, keyA)
      }
      assert.strictEqual((yield* call("GET", rosa, { headers: { authorization: basic("APIUSER", keyA) } })).status, 200)
    }))

  it.effect("GET /__admin/state dumps both tenants' contacts", () =>
    Effect.gen(function*() {
      const dump = yield* admin("GET", "/state")
      assert.strictEqual(dump.json.vendor, "ngpvan")
      const names = dump.json.state.tenants.map((
        t: any
      ) => [t.tenant, t.contacts.map((c: any) => c.lastName ?? c.commonName)])
      assert.deepStrictEqual(names, [
        ["A", ["Parks", "Rustin", "Southern Christian Leadership Conference"]],
        ["B", ["Hamer", "Freedom Farm Cooperative"]]
      ])
      assert.strictEqual(dump.json.state.nextNumber, 6)
    }))
})
