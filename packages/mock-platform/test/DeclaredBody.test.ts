/**
 * A body of declared length read from Node's request (DeclaredBody.ts) is the text Effect's `request.text` reads:
 * for any bytes — valid or broken UTF-8, a leading BOM, sent in one piece or split across writes — the two readers,
 * each behind a route of Effect's own server, answer the same text; read twice, it is the same text; and a client
 * that goes away before the declared end ends both reads without a text (failed, or interrupted by the server)
 * rather than leaving them waiting.
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { assert, describe, it } from "@effect/vitest"
import { Context, Effect, Layer } from "effect"
import { HttpRouter, HttpServer, HttpServerRequest, HttpServerResponse } from "effect/http"
import * as fc from "fast-check"
import { createServer } from "node:http"
import { setTimeout as wait } from "node:timers/promises"
import { isNodeRequest, readDeclaredBody } from "../src/DeclaredBody.ts"
import { bodyTextOf } from "../src/RequestBody.ts"
import { openSocket, readUntilClosed } from "./RawSocket.ts"

class Url extends Context.Service<Url, string>()("test/DeclaredBody/Url") {}

// How each read ended (`Success`, or `Failure` for a failed or interrupted one), by path, in order.
const outcomes: Array<readonly [string, string]> = []

const echo = (read: (request: HttpServerRequest.HttpServerRequest) => Effect.Effect<string, unknown>) =>
  Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) =>
    read(request).pipe(
      Effect.onExit((exit) => Effect.sync(() => outcomes.push([request.url, exit._tag]))),
      Effect.map((text) => HttpServerResponse.text(JSON.stringify(text), { contentType: "application/json" })),
      Effect.catch(() => Effect.succeed(HttpServerResponse.text("\"failed\"", { status: 400 })))
    ))

const server = Layer.effect(
  Url,
  Effect.gen(function*() {
    const app = yield* HttpRouter.toHttpEffect(HttpRouter.addAll([
      HttpRouter.route("POST", "/declared", echo(readDeclaredBody)),
      HttpRouter.route("POST", "/twice", echo((r) => Effect.andThen(readDeclaredBody(r), readDeclaredBody(r)))),
      HttpRouter.route("POST", "/effect", echo((r) => r.text))
    ]))
    const http = yield* HttpServer.HttpServer
    yield* http.serve(app)
    return `http://127.0.0.1:${"port" in http.address ? http.address.port : 0}`
  })
).pipe(Layer.provide(NodeHttpServer.layer(() => createServer(), { port: 0, host: "127.0.0.1" })))

/** Sends `bytes` as the body of `POST path` in the given pieces, and answers the reply's body. */
const post = (url: string, path: string, bytes: Uint8Array, cuts: ReadonlyArray<number>) =>
  Effect.scoped(Effect.gen(function*() {
    const socket = yield* openSocket(url)
    const reply = readUntilClosed(socket, 3000)
    socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`)
    let from = 0
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      const at = Math.min(cut, bytes.length)
      socket.write(bytes.subarray(from, at))
      from = at
      yield* Effect.promise(() => wait(1))
    }
    socket.write(bytes.subarray(from))
    const { text } = yield* reply
    return Buffer.from(text.slice(text.indexOf("\r\n\r\n") + 4), "latin1").toString("utf8")
  }))

const bytes = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }).map((s) => new TextEncoder().encode(s)),
  fc.uint8Array({ minLength: 1, maxLength: 60 }),
  fc.string({ maxLength: 20 }).map((s) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]))
).filter((b) => b.length > 0)

describe("a body of declared length", () => {
  it.effect("reads as Effect's request.text reads it, for any bytes in any pieces, and again the same", () =>
    Effect.gen(function*() {
      const url = yield* Url
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(bytes, fc.array(fc.nat(60), { maxLength: 3 }), (body, cuts) =>
            Effect.runPromise(Effect.gen(function*() {
              const expected = yield* post(url, "/effect", body, cuts)
              assert.notStrictEqual(expected, "\"failed\"")
              assert.strictEqual(yield* post(url, "/declared", body, cuts), expected)
              assert.strictEqual(yield* post(url, "/twice", body, cuts), expected)
            }))),
          { numRuns: 100 }
        )
      )
    }).pipe(Effect.provide(server)))

  it.effect("ends without a text, as Effect's reader does, when the client goes away before the declared end", () =>
    Effect.gen(function*() {
      const url = yield* Url
      outcomes.length = 0
      for (const path of ["/declared", "/effect"]) {
        yield* Effect.scoped(Effect.gen(function*() {
          const socket = yield* openSocket(url)
          socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"only":"part`)
          yield* Effect.promise(() => wait(50))
          socket.destroy()
        }))
      }
      // Polled rather than slept on, so a busy machine only makes it slower, never wrong.
      for (let i = 0; i < 60 && outcomes.length < 2; i++) yield* Effect.promise(() => wait(50))
      assert.sameDeepMembers(outcomes, [["/declared", "Failure"], ["/effect", "Failure"]])
    }).pipe(Effect.provide(server)))

  it.effect("of a request that is not Node's is read by Effect's reader, as before", () =>
    Effect.gen(function*() {
      const web = HttpServerRequest.fromWeb(
        new Request("http://127.0.0.1/json", {
          method: "POST",
          body: "{\"a\":\"\u00e9\"}",
          headers: { "content-type": "application/json", "content-length": "12" }
        })
      )
      assert.isFalse(isNodeRequest(web))
      assert.strictEqual(yield* bodyTextOf(web), "{\"a\":\"\u00e9\"}")
    }))
})
