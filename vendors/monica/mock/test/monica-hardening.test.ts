/**
 * Issue 8's reproductions against the Monica mock, each of which misbehaved before: `;` and `%00` in ids reached
 * other resources, a body nested 5,000 deep was a 500, a JSON body sent as text/plain was read, a scalar or array
 * body on the work route cleared job and company, unknown and wrong methods got no Laravel answer, and junk tokens
 * each got a throttle counter kept forever.
 */
import { layer as mockLayer, MockServer } from "@contactkit/mock-platform"
import { admin, call } from "@contactkit/mock-platform/testing"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { connect } from "node:net"
import { makeMonica } from "../src/index.ts"

const tokenA = "monica-token-a"
const state = Effect.map(admin("GET", "/state"), (reply) => reply.json.state)
const flags = { is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false }

/** A raw request (Node's fetch refuses unknown methods and would normalise paths), and the answer's text. */
const raw = (request: string) =>
  Effect.flatMap(MockServer, ({ url }) =>
    Effect.callback<string>((resume) => {
      const socket = connect(Number(new URL(url).port), "127.0.0.1", () => socket.write(request))
      let text = ""
      socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")))
      socket.on("close", () => resume(Effect.succeed(text)))
      socket.on("error", () => {})
    }))

layer(mockLayer(makeMonica({ rateLimit: false }), { port: 0 }))("Monica mock against hostile requests", (it) => {
  it.effect("`1;9` and `1%00` ids reach no resource: DELETEs change nothing", () =>
    Effect.gen(function*() {
      const before = yield* state
      const semicolon = yield* call("DELETE", "/api/contacts/1;9", { token: tokenA })
      assert.deepStrictEqual(semicolon.json, { deleted: true, id: "1;9" }) // Monica answers any id so; nothing goes
      const nul = yield* raw(
        `DELETE /api/contactfieldtypes/1%00 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokenA}\r\nConnection: close\r\n\r\n`
      )
      assert.match(nul, /^HTTP\/1\.1 404 /u)
      assert.include(nul, "{\"message\":\"The route api/contactfieldtypes/1%00 could not be found.\"}")
      assert.strictEqual((yield* call("GET", "/api/contacts/1;9", { token: tokenA })).status, 404)
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("a body nested 5,000 deep is error 37, not a 500", () =>
    Effect.gen(function*() {
      const reply = yield* call("POST", "/api/contacts", { token: tokenA, body: "[".repeat(5000) + "]".repeat(5000) })
      assert.strictEqual(reply.status, 400)
      assert.deepStrictEqual(reply.json, { error: { message: "Problems parsing JSON", error_code: 37 } })
    }))

  it.effect("a JSON body sent as text/plain is no input: 422, and no contact", () =>
    Effect.gen(function*() {
      const before = yield* state
      const reply = yield* call("POST", "/api/contacts", {
        token: tokenA,
        body: JSON.stringify({ first_name: "Plain", ...flags }),
        headers: { "content-type": "text/plain" }
      })
      assert.strictEqual(reply.status, 422)
      assert.include(reply.json.error.message, "The first name field is required.")
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("PUT /api/contacts/1/work with 42, an array or text/plain keeps job and company", () =>
    Effect.gen(function*() {
      yield* call("PUT", "/api/contacts/1/work", { token: tokenA, body: { job: "Salesman", company: "Dunder" } })
      const before = yield* state
      for (
        const options of [
          { body: "42" },
          { body: "[\"Salesman\"]" },
          { body: JSON.stringify({ job: "" }), headers: { "content-type": "text/plain" } }
        ]
      ) {
        const reply = yield* call("PUT", "/api/contacts/1/work", { token: tokenA, ...options })
        assert.strictEqual(reply.status, 400, options.body)
        assert.strictEqual(reply.json.error.error_code, 37)
      }
      assert.deepStrictEqual(yield* state, before)
      const contact = yield* call("GET", "/api/contacts/1", { token: tokenA })
      assert.deepStrictEqual(contact.json.data.information.career, { job: "Salesman", company: "Dunder" })
    }))

  it.effect("unknown and wrong methods get Laravel's 405 naming the route and its methods", () =>
    Effect.gen(function*() {
      const unknown = yield* raw("FOO /api/contacts HTTP/1.1\r\nHost: x\r\n\r\n")
      assert.match(unknown, /^HTTP\/1\.1 405 Method Not Allowed\r\n/u)
      assert.include(
        unknown,
        "{\"message\":\"The FOO method is not supported for route api/contacts. Supported methods: GET, HEAD, POST.\"}"
      )
      const wrong = yield* call("POST", "/api/contacts/1", { token: tokenA, body: {} })
      assert.strictEqual(wrong.status, 405)
      assert.strictEqual(wrong.headers.get("allow"), "GET, HEAD, PUT, DELETE")
      assert.deepStrictEqual(wrong.json, {
        message: "The POST method is not supported for route api/contacts/1. Supported methods: GET, HEAD, PUT, DELETE."
      })
    }))
})

layer(mockLayer(makeMonica({ rateLimit: { limit: 60, windowSeconds: 60 } }), { port: 0 }))("Monica throttle", (it) => {
  it.effect("junk tokens are refused without leaving a counter; known tokens get one each", () =>
    Effect.gen(function*() {
      for (let i = 0; i < 200; i++) {
        assert.strictEqual((yield* call("GET", "/api/contacts", { token: `junk-${i}` })).status, 401)
      }
      assert.strictEqual((yield* admin("GET", "/monica/rate-limit")).json.trackedTokens, 0)
      const allowed = yield* call("GET", "/api/contacts", { token: tokenA })
      assert.strictEqual(allowed.headers.get("x-ratelimit-remaining"), "59")
      assert.deepStrictEqual((yield* admin("GET", "/monica/rate-limit")).json, {
        rateLimit: { limit: 60, windowSeconds: 60 },
        trackedTokens: 1
      })
    }))
})
