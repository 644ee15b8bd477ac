/**
 * Body limits (issue 8, reproductions 2 and 6): deep nesting is refused before any parser or handler recurses, a
 * chunked body is cut at the size limit while it is still streaming, and bodies of the wrong type or shape are the
 * vendor's 4xx and change nothing.
 */
import { assert, describe, it, layer } from "@effect/vitest"
import { Effect, Result } from "effect"
import * as fc from "fast-check"
import { jsonDepth, layer as mockLayer, maxBodyBytes, MockServer, parseJson } from "../src/index.ts"
import { admin, call } from "../src/testing/index.ts"
import { acme, tokenA } from "./AcmeVendor.ts"
import { openSocket, readUntilClosed } from "./RawSocket.ts"

const state = Effect.map(admin("GET", "/state"), (reply) => reply.json.state)

describe("jsonDepth", () => {
  it("is the nesting depth of any JSON value, whatever its strings hold", () => {
    const nest = (depth: number, inner: unknown): unknown => (depth === 0 ? inner : [nest(depth - 1, inner)])
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.string(), (depth, text) => {
        assert.strictEqual(jsonDepth(JSON.stringify(nest(depth, text))), depth)
        assert.strictEqual(jsonDepth(JSON.stringify({ key: nest(depth - 1, { text }) })), depth + 1)
      })
    )
  })

  it("refuses JSON nested deeper than 512 levels without parsing it", () => {
    assert.isTrue(Result.isSuccess(parseJson("[".repeat(512) + "]".repeat(512))))
    const deeper = parseJson("[".repeat(513) + "]".repeat(513))
    assert.isTrue(Result.isFailure(deeper) && deeper.failure === "nested deeper than 512 levels")
  })
})

layer(mockLayer(acme, { port: 0 }))("request bodies", (it) => {
  it.effect("a body nested 5,000 deep is the vendor's 400, not a 500", () =>
    Effect.gen(function*() {
      const before = yield* state
      const reply = yield* call("POST", "/api/items", { token: tokenA, body: "[".repeat(5000) + "]".repeat(5000) })
      assert.strictEqual(reply.status, 400)
      assert.deepStrictEqual(reply.json, { error: "The request body is not valid JSON: nested deeper than 512 levels" })
      assert.deepStrictEqual(yield* state, before)
    }))

  it.effect("a declared Content-Length over the limit is refused at once", () =>
    Effect.gen(function*() {
      const reply = yield* call("POST", "/api/items", {
        token: tokenA,
        body: JSON.stringify({ name: "x".repeat(maxBodyBytes) })
      })
      assert.strictEqual(reply.status, 413)
    }))

  it.effect("a chunked body over the limit is answered 413 while the client is still sending", () =>
    Effect.scoped(Effect.gen(function*() {
      const { url } = yield* MockServer
      const socket = yield* openSocket(url)
      const reply = readUntilClosed(socket, 5000)
      socket.write(
        `POST /api/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokenA}\r\n` +
          "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
      )
      const chunk = "[".repeat(64 * 1024)
      // 1.5 MB, and never the final zero-length chunk: only a server that cuts the stream can answer.
      for (let i = 0; i < 24; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
      const { closed, text } = yield* reply
      assert.match(text, /^HTTP\/1\.1 413 /u)
      assert.match(text, /connection: close/iu)
      assert.isTrue(closed)
    })))

  it.effect("a body not sent as JSON, or of the wrong shape, is refused and changes nothing", () =>
    Effect.gen(function*() {
      const before = yield* state
      const plain = yield* call("POST", "/api/items", {
        token: tokenA,
        body: JSON.stringify({ name: "Plain" }),
        headers: { "content-type": "text/plain" }
      })
      assert.strictEqual(plain.status, 415)
      for (const body of ["42", "[{\"name\":\"Listed\"}]", "\"Anvil\"", "null"]) {
        assert.strictEqual((yield* call("PUT", "/api/items/1", { token: tokenA, body })).status, 422, body)
      }
      assert.deepStrictEqual(yield* state, before)
    }))
})
