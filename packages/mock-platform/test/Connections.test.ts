/**
 * Connection limits (issue 8, reproduction 6), with short limits so the test takes a second: a socket that never
 * sends a byte, slow headers and a slow body are cut; connections past the cap are refused at once; ordinary
 * keep-alive traffic is served. The defaults are the documented ones (ConnectionLimits.ts).
 */
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { defaultConnectionLimits, layer as mockLayer, MockServer } from "../src/index.ts"
import { call } from "../src/testing/index.ts"
import { acme, tokenA } from "./AcmeVendor.ts"
import { openSocket, readUntilClosed } from "./RawSocket.ts"

const limits = {
  headersTimeoutMs: 300,
  requestTimeoutMs: 600,
  keepAliveTimeoutMs: 300,
  maxConnections: 6,
  checkIntervalMs: 50
}

/** Writes `text` one character every 40 ms, as a slowloris client does, until the socket closes. */
const dribble = (socket: import("node:net").Socket, text: string) =>
  Effect.sync(() => {
    let i = 0
    const timer = setInterval(
      () => (socket.destroyed ? clearInterval(timer) : socket.write(text[i++ % text.length] ?? "")),
      40
    )
    socket.once("close", () => clearInterval(timer))
  })

layer(mockLayer(acme, { port: 0, connections: limits }))("connection limits", (it) => {
  it.effect("a connection that never sends a byte is closed after the headers timeout", () =>
    Effect.scoped(Effect.gen(function*() {
      const socket = yield* openSocket((yield* MockServer).url)
      const { afterMs, closed, text } = yield* readUntilClosed(socket, 3000)
      assert.isTrue(closed)
      assert.isAtLeast(afterMs, 250)
      assert.isAtMost(afterMs, 1500)
      assert.match(text, /^HTTP\/1\.1 408 /u)
    })))

  it.effect("headers sent a byte at a time are cut by the headers timeout", () =>
    Effect.scoped(Effect.gen(function*() {
      const socket = yield* openSocket((yield* MockServer).url)
      const reply = readUntilClosed(socket, 3000)
      socket.write("GET /api/items HTTP/1.1\r\nHost: x\r\n")
      yield* dribble(socket, "X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
      const { afterMs, closed } = yield* reply
      assert.isTrue(closed)
      assert.isAtMost(afterMs, 1500)
    })))

  it.effect("a body sent a byte at a time is cut by the request timeout", () =>
    Effect.scoped(Effect.gen(function*() {
      const socket = yield* openSocket((yield* MockServer).url)
      const reply = readUntilClosed(socket, 3000)
      socket.write(
        `POST /api/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokenA}\r\n` +
          "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
      )
      yield* dribble(socket, "{\"name\":\"slow\"")
      const { afterMs, closed, text } = yield* reply
      assert.isTrue(closed)
      assert.isAtLeast(afterMs, 500)
      assert.isAtMost(afterMs, 2000)
      assert.match(text, /^HTTP\/1\.1 408 /u)
    })))

  it.effect("an idle kept-alive connection is closed after the keep-alive timeout", () =>
    Effect.scoped(Effect.gen(function*() {
      const socket = yield* openSocket((yield* MockServer).url)
      const reply = readUntilClosed(socket, 3000)
      socket.write(`GET /api/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokenA}\r\n\r\n`)
      const { afterMs, closed, text } = yield* reply
      assert.match(text, /^HTTP\/1\.1 200 /u)
      assert.match(text, /Keep-Alive: timeout=0/u) // 300 ms, announced in whole seconds
      assert.isTrue(closed)
      assert.isAtMost(afterMs, 2500) // Node adds up to a second of grace to the keep-alive timeout
    })))

  it.effect("connections past the cap are closed at once, and service resumes when others go", () =>
    Effect.scoped(Effect.gen(function*() {
      const { url } = yield* MockServer
      const held = yield* Effect.forEach(Array.from({ length: limits.maxConnections }), () => openSocket(url))
      const extra = yield* openSocket(url)
      const refused = yield* readUntilClosed(extra, 1000)
      assert.isTrue(refused.closed)
      assert.strictEqual(refused.text, "")
      for (const socket of held) socket.destroy()
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 50)))
      assert.strictEqual((yield* call("GET", "/api/items", { token: tokenA })).status, 200)
    })))

  it.effect("ordinary traffic over keep-alive is served", () =>
    Effect.gen(function*() {
      for (let i = 0; i < 50; i++) assert.strictEqual((yield* call("GET", "/api/items", { token: tokenA })).status, 200)
    }))
})

layer(mockLayer(acme, { port: 0 }))("default connection limits", (it) => {
  it.effect("are the documented ones, announced to keep-alive clients", () =>
    Effect.gen(function*() {
      assert.deepStrictEqual(defaultConnectionLimits, {
        headersTimeoutMs: 10_000,
        requestTimeoutMs: 30_000,
        keepAliveTimeoutMs: 5_000,
        maxConnections: 1_000,
        checkIntervalMs: 1_000
      })
      const reply = yield* call("GET", "/api/items", { token: tokenA })
      assert.strictEqual(reply.headers.get("keep-alive"), "timeout=5")
    }))
})
