/**
 * Issue 8's reproduction classes against the Deskpro v2 mock: `;`, NUL and case in paths reach no other person,
 * admin lookalikes are Deskpro 404s that leave faults alone, unknown and wrong methods get Symfony's 405 in
 * Deskpro's body (before this, a wrong method was a 404), a body nested 5,000 deep or sent as another content type
 * is `invalid_json_body`, scalar and array bodies change nothing, and `GET /__admin/state` dumps both helpdesks.
 */
import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin, rawCall } from "@contactkit/mock-platform/testing"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { deskpro } from "../src/index.ts"
import { call, keyA, people } from "./support.ts"

const state = Effect.map(admin("GET", "/state"), (reply) => reply.json.state)
const asA = { authorization: keyA }

layer(mockLayer(deskpro, { port: 0 }))("Deskpro mock against hostile requests", (it) => {
  it.effect("`1;3` and `1%00` name no person: DELETEs are 404s and delete nothing", () =>
    Effect.gen(function*() {
      const before = yield* state
      for (const path of [`${people}/1;3`, `${people}/1%00`, `${people}/1%00/contact_data`]) {
        const reply = yield* rawCall({ method: path.endsWith("data") ? "GET" : "DELETE", path, headers: asA })
        assert.strictEqual(reply.status, 404, path)
        assert.strictEqual(reply.json.code, "not_found", path)
      }
      assert.deepStrictEqual(yield* state, before)
      assert.strictEqual((yield* call("GET", `${people}/3`, keyA)).status, 200)
    }))

  it.effect("paths match in their exact case only", () =>
    Effect.gen(function*() {
      for (const path of ["/API/V2/PEOPLE/1", "/api/v2/People/1", `${people}/1/CONTACT_DATA`]) {
        const reply = yield* call("GET", path, keyA)
        assert.strictEqual(reply.status, 404, path)
        assert.deepStrictEqual(reply.json, {
          status: 404,
          code: "not_found",
          message: `No route found for "GET ${path}".`
        })
      }
    }))

  it.effect("admin lookalikes are Deskpro 404s that leave faults alone", () =>
    Effect.gen(function*() {
      yield* admin("POST", "/faults", { kind: "status", status: 503, count: 1, path: "/api/v2/people" })
      for (const path of ["//__admin/faults", "/__ADMIN/faults", "/%5F_admin/faults"]) {
        const reply = yield* rawCall({ method: "DELETE", path, headers: {} })
        assert.strictEqual(reply.status, 404, path)
        assert.strictEqual(reply.json.code, "not_found", path)
      }
      assert.strictEqual((yield* admin("GET", "/faults")).json.faults.length, 1)
      yield* admin("DELETE", "/faults")
    }))

  it.effect("unknown and wrong methods get Symfony's 405 with Allow, in Deskpro's body, and change nothing", () =>
    Effect.gen(function*() {
      const before = yield* state
      const unknown = yield* rawCall({ method: "FOO", path: people, headers: asA })
      assert.strictEqual(unknown.status, 405)
      assert.strictEqual(unknown.headers["allow"], "GET, HEAD, POST")
      assert.deepStrictEqual(unknown.json, {
        status: 405,
        code: "method_not_allowed",
        message: `No route found for "FOO ${people}": Method Not Allowed (Allow: GET, HEAD, POST).`
      })
      const patch = yield* call("PATCH", `${people}/1`, keyA, { body: { first_name: "X" } })
      assert.strictEqual(patch.status, 405)
      assert.strictEqual(patch.headers.get("allow"), "GET, HEAD, PUT, DELETE")
      const oldVerb = yield* call("POST", `${people}/1`, keyA, { body: { first_name: "X" } })
      assert.strictEqual(oldVerb.status, 405)
      assert.strictEqual(
        oldVerb.json.message,
        `No route found for "POST ${people}/1": Method Not Allowed (Allow: GET, HEAD, PUT, DELETE). Update with PUT.`
      )
      const collection = yield* call("DELETE", people, keyA)
      assert.strictEqual(collection.status, 405)
      assert.strictEqual(collection.headers.get("allow"), "GET, HEAD, POST")
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("a body nested 5,000 deep is invalid_json_body, not a 500", () =>
    Effect.gen(function*() {
      const reply = yield* call("POST", people, keyA, { body: "[".repeat(5000) + "]".repeat(5000) })
      assert.strictEqual(reply.status, 400)
      assert.deepStrictEqual(reply.json, { status: 400, code: "invalid_json_body", message: "Invalid JSON body" })
    }))

  it.effect("JSON sent as text/plain, a form or no content type is not read: invalid_json_body, no person", () =>
    Effect.gen(function*() {
      const before = yield* state
      const body = JSON.stringify({ first_name: "Plain", primary_email: "plain@example.com" })
      for (const contentType of ["text/plain", "application/x-www-form-urlencoded", undefined]) {
        const headers: Record<string, string> = {
          ...asA,
          ...(contentType === undefined ? {} : { "content-type": contentType })
        }
        const reply = yield* rawCall({ method: "POST", path: people, headers, body })
        assert.strictEqual(reply.status, 400, contentType)
        assert.strictEqual(reply.json.code, "invalid_json_body", contentType)
      }
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("scalar and array bodies are refused on every write and change nothing", () =>
    Effect.gen(function*() {
      const before = yield* state
      for (const body of ["42", "\"text\"", "true", "null", "[]", "[{\"first_name\":\"X\"}]"]) {
        for (const [method, path] of [["POST", people], ["PUT", `${people}/1`]] as const) {
          const reply = yield* call(method, path, keyA, { body })
          assert.strictEqual(reply.status, 400, `${method} ${body}`)
        }
      }
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("GET /__admin/state dumps both helpdesks' people and organizations", () =>
    Effect.gen(function*() {
      const dump = yield* admin("GET", "/state")
      assert.strictEqual(dump.json.vendor, "deskpro")
      const names = dump.json.state.people.map((
        desk: any
      ) => [desk.helpdesk, desk.people.map((p: any) => p.first_name)])
      assert.deepStrictEqual(names, [[1, ["John", "Fionna", "Sam"]], [2, ["Bob", "Dave"]]])
      assert.deepStrictEqual(dump.json.state.organizations.map((o: any) => o.name), [
        "Example Accounting",
        "Saga Accounting"
      ])
      assert.strictEqual(dump.json.state.nextPersonId, 6)
    }))
})
