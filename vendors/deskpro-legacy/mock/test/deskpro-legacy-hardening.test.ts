/**
 * Issue 8's reproduction classes against the Deskpro Legacy mock: `;`, NUL and case in paths match no route (the
 * ids are `\d+`), admin lookalikes are Symfony 404s that leave faults alone, unknown and wrong methods get Symfony's
 * 405, a body nested 5,000 deep is no input (PHP's `json_decode` stops at 512 — before, a create with such a field
 * beside valid ones was stored), the server reads forms and JSON but nothing else, scalar and array bodies change
 * nothing, each way of sending the key works and the first one present decides, and `GET /__admin/state` dumps
 * both helpdesks.
 */
import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin, rawCall } from "@contactkit/mock-platform/testing"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { deskproLegacy } from "../src/index.ts"
import { asA, get, keyA, postForm, postJson } from "./support.ts"

const state = Effect.map(admin("GET", "/state"), (reply) => reply.json.state)
const missing = {
  error_code: "multiple",
  errors: {
    name: ["required_field.name", "name is empty or missing"],
    email: ["required_field.email", "email is empty or invalid"]
  }
}
const mary = { name: "Mary Somerville", email: "mary@somerville.example" }

layer(mockLayer(deskproLegacy, { port: 0 }))("Deskpro Legacy mock against hostile requests", (it) => {
  it.effect("`;` and `%00` in an id match no route: Symfony's 404 naming the path as sent, nothing deleted", () =>
    Effect.gen(function*() {
      const before = yield* state
      for (const path of ["/api/people/1;3", "/api/people/1/contact-details/2;1", "/api/people/1%00"]) {
        const reply = yield* rawCall({ method: "DELETE", path, headers: asA })
        assert.strictEqual(reply.status, 404, path)
        assert.deepStrictEqual(reply.json, {
          error_code: "http_error.404",
          error_message: `No route found for "DELETE ${path}"`
        })
      }
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("paths match in their exact case only", () =>
    Effect.gen(function*() {
      for (const path of ["/API/PEOPLE/1", "/api/People/1", "/api/people/1/EMAILS"]) {
        const reply = yield* get(path)
        assert.strictEqual(reply.status, 404, path)
        assert.strictEqual(reply.json.error_code, "http_error.404", path)
      }
    }))

  it.effect("admin lookalikes are Symfony 404s that leave faults alone", () =>
    Effect.gen(function*() {
      yield* admin("POST", "/faults", { kind: "status", status: 503, count: 1, path: "/api/people" })
      for (const path of ["//__admin/faults", "/__ADMIN/faults", "/%5F_admin/faults"]) {
        const reply = yield* rawCall({ method: "DELETE", path, headers: {} })
        assert.strictEqual(reply.status, 404, path)
        assert.strictEqual(reply.json.error_code, "http_error.404", path)
      }
      assert.strictEqual((yield* admin("GET", "/faults")).json.faults.length, 1)
      yield* admin("DELETE", "/faults")
    }))

  it.effect("unknown and wrong methods get Symfony's 405 with Allow and change nothing", () =>
    Effect.gen(function*() {
      const before = yield* state
      const unknown = yield* rawCall({ method: "FOO", path: "/api/people/1", headers: asA })
      assert.strictEqual(unknown.status, 405)
      assert.strictEqual(unknown.headers["allow"], "GET, HEAD, POST, DELETE")
      assert.deepStrictEqual(unknown.json, {
        error_code: "http_error.405",
        error_message: "No route found for \"FOO /api/people/1\": Method Not Allowed (Allow: GET, HEAD, POST, DELETE)"
      })
      const put = yield* rawCall({ method: "PUT", path: "/api/people/1", headers: asA, body: "name=Nope" })
      assert.strictEqual(put.status, 405)
      const remove = yield* rawCall({ method: "DELETE", path: "/api/people", headers: asA })
      assert.strictEqual(remove.status, 405)
      assert.strictEqual(remove.headers["allow"], "GET, HEAD, POST")
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("JSON nested deeper than 512 is no input: a 5,000-deep body, or such a field beside valid ones", () =>
    Effect.gen(function*() {
      const before = yield* state
      const deep = "[".repeat(5000) + "]".repeat(5000)
      const alone = yield* postJson("/api/people", deep)
      assert.strictEqual(alone.status, 400)
      assert.deepStrictEqual(alone.json, missing)
      const beside = yield* postJson("/api/people", JSON.stringify(mary).replace(/\}$/u, `,"value":${deep}}`))
      assert.strictEqual(beside.status, 400)
      assert.deepStrictEqual(beside.json, missing)
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("forms and JSON are read, other content types are not, and neither is one sent as the other", () =>
    Effect.gen(function*() {
      const before = yield* state
      const json = JSON.stringify(mary)
      const form = "name=Mary%20Somerville&email=mary%40somerville.example"
      for (
        const [contentType, body] of [
          ["text/plain", json],
          ["application/xml", json],
          ["multipart/form-data; boundary=x", json],
          ["application/json", form],
          ["application/x-www-form-urlencoded", json]
        ] as const
      ) {
        const reply = yield* rawCall({
          method: "POST",
          path: "/api/people",
          headers: { ...asA, "content-type": contentType },
          body
        })
        assert.strictEqual(reply.status, 400, `${contentType} ${body}`)
        assert.deepStrictEqual(reply.json, missing, contentType)
      }
      assert.deepStrictEqual(yield* state, before)
      assert.strictEqual((yield* postForm("/api/people", form)).status, 201)
    }))

  it.effect("scalar and array bodies give no parameters: creates are refused, updates change nothing", () =>
    Effect.gen(function*() {
      const before = yield* state
      for (const body of ["42", "\"text\"", "true", "null", "[]", `[${JSON.stringify(mary)}]`]) {
        assert.deepStrictEqual((yield* postJson("/api/people", body)).json, missing, body)
        for (const path of ["/api/people/1", "/api/people/2/emails/2"]) {
          const reply = yield* postJson(path, body)
          assert.strictEqual(reply.status, 200, `${path} ${body}`)
        }
        assert.strictEqual((yield* postJson("/api/people/1/contact-details", body)).status, 400, body)
      }
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("form parameters past PHP's max_input_vars (1,000) are not read", () =>
    Effect.gen(function*() {
      const before = yield* state
      const padding = Array.from({ length: 1000 }, (_, i) => `p${i}=1`).join("&")
      const reply = yield* postForm("/api/people", `${padding}&name=Mary%20Somerville&email=mary%40somerville.example`)
      assert.deepStrictEqual(reply.json, missing)
      const brackets = yield* postForm("/api/people", `name${"[x]".repeat(5000)}=Mary&email=mary%40somerville.example`)
      assert.strictEqual(brackets.status, 400)
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("the key works in each place RequestAuth reads, and the first one present decides", () =>
    Effect.gen(function*() {
      const basic = `Basic ${Buffer.from(keyA).toString("base64")}`
      assert.strictEqual((yield* get(`/api/people/1?API-KEY=${encodeURIComponent(keyA)}`, {})).status, 200)
      assert.strictEqual((yield* get("/api/people/1", { authorization: basic })).status, 200)
      const inForm = yield* postForm("/api/people/1", `summary=&API-KEY=${encodeURIComponent(keyA)}`, {})
      assert.strictEqual(inForm.status, 200)
      // A JSON body is not a request parameter, so a key in it is no key.
      assert.strictEqual((yield* postJson("/api/people/1", { "API-KEY": keyA }, {})).status, 401)
      // The header wins even when it is wrong, and the valid key behind it is never tried.
      const shadowed = yield* get(`/api/people/1?API-KEY=${encodeURIComponent(keyA)}`, {
        "x-deskpro-api-key": "1:wrong",
        authorization: basic
      })
      assert.strictEqual(shadowed.status, 401)
      assert.notInclude(shadowed.text, "wrong")
    }))

  it.effect("GET /__admin/state dumps both helpdesks' people, e-mails, records and organizations", () =>
    Effect.gen(function*() {
      const dump = yield* admin("GET", "/state")
      assert.strictEqual(dump.json.vendor, "deskpro-legacy")
      const people = dump.json.state.people.map((p: any) => [p.helpdesk, p.name])
      assert.deepStrictEqual(people.slice(0, 5), [
        [1, "Ada Lovelace"],
        [1, "Grace Brewster Hopper"],
        [1, "Alan Turing"],
        [2, "Katherine Johnson"],
        [2, "Dorothy Vaughan"]
      ])
      assert.strictEqual(dump.json.state.emails[0].email, "ada@analytical.example")
      assert.isAtLeast(dump.json.state.details.length, 7)
      assert.deepStrictEqual(dump.json.state.organizations.map((o: any) => o.name), ["Bletchley Park"])
    }))
})
