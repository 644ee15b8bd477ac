/**
 * The `latency` fault and clients that give up (issue 8, reproduction 5): by default the work is dropped with the
 * client; with `completeWrite: true` it is done anyway, as a real server finishes a write whose client has gone.
 * Either way the disconnect is recorded as 499 and logged as a disconnect, never as a defect or a 500.
 */
import { assert, layer } from "@effect/vitest"
import { Effect, Layer, Logger } from "effect"
import { setTimeout as wait } from "node:timers/promises"
import { layer as mockLayer, MockServer } from "../src/index.ts"
import { admin, call } from "../src/testing/index.ts"
import { acme, tokenA } from "./AcmeVendor.ts"

const logged: Array<{ readonly level: string; readonly message: string }> = []
const capture = Logger.layer([
  Logger.make((options) => logged.push({ level: options.logLevel, message: String(options.message) }))
])

/** A create that gives up after `timeoutMs`; resolves once the client has disconnected. */
const abandonedCreate = (name: string, timeoutMs: number) =>
  Effect.gen(function*() {
    const { url } = yield* MockServer
    return yield* Effect.promise(() =>
      fetch(`${url}/api/items`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokenA}`, "content-type": "application/json" },
        body: JSON.stringify({ name }),
        signal: AbortSignal.timeout(timeoutMs)
      }).then(() => "answered", () => "gave up")
    )
  })

const named = (name: string) =>
  Effect.map(
    call("GET", "/api/items", { token: tokenA }),
    (reply) => reply.json.items.filter((item: { name: string }) => item.name === name).length
  )

// The mock answers on the real clock (MockServer.ts), so the test waits on it too, not on the TestClock.
const realTime = (ms: number) => Effect.promise(() => wait(ms))

const lastPost = Effect.map(
  admin("GET", "/requests"),
  (reply) => reply.json.requests.filter((entry: { method: string }) => entry.method === "POST").at(-1)
)

layer(mockLayer(acme, { port: 0 }).pipe(Layer.provide(capture)))("latency fault and disconnects", (it) => {
  it.effect("completeWrite: the write lands after the client has gone, exactly once, and is logged as 499", () =>
    Effect.gen(function*() {
      logged.length = 0
      yield* admin("POST", "/faults", { kind: "latency", latencyMs: 400, completeWrite: true, method: "POST" })
      assert.strictEqual(yield* abandonedCreate("Late anvil", 100), "gave up")
      assert.strictEqual(yield* named("Late anvil"), 0, "not yet: the mock is still working")
      // Polled rather than slept on, so a busy machine only makes it slower, never wrong.
      let found = 0
      for (let i = 0; i < 40 && found === 0; i++) {
        yield* realTime(100)
        found = yield* named("Late anvil")
      }
      assert.strictEqual(found, 1)
      const entry = yield* lastPost
      assert.deepInclude(entry, { method: "POST", status: 499, unsentStatus: 201, fault: "latency" })
      assert.isFalse(logged.some((line) => line.level === "Error"), JSON.stringify(logged))
      assert.isTrue(logged.some((line) => line.level === "Info" && line.message.includes("client disconnected")))
    }))

  it.effect("without completeWrite the work is dropped with the client, and that is no defect either", () =>
    Effect.gen(function*() {
      logged.length = 0
      yield* admin("POST", "/faults", { kind: "latency", latencyMs: 400, method: "POST" })
      assert.strictEqual(yield* abandonedCreate("Lost anvil", 100), "gave up")
      yield* realTime(600)
      assert.strictEqual(yield* named("Lost anvil"), 0)
      const entry = yield* lastPost
      assert.deepInclude(entry, { method: "POST", status: 499, fault: "latency" })
      assert.isUndefined(entry.unsentStatus)
      assert.isFalse(logged.some((line) => line.level === "Error"), JSON.stringify(logged))
    }))

  it.effect("a client that waits gets the late answer as usual", () =>
    Effect.gen(function*() {
      yield* admin("POST", "/faults", { kind: "latency", latencyMs: 200, completeWrite: true, method: "POST" })
      const reply = yield* call("POST", "/api/items", { token: tokenA, body: { name: "Patient anvil" } })
      assert.strictEqual(reply.status, 201)
      assert.deepInclude(yield* lastPost, { status: 201, fault: "latency" })
    }))

  it.effect("completeWrite belongs to latency faults only", () =>
    Effect.gen(function*() {
      const refused = yield* admin("POST", "/faults", { kind: "status", completeWrite: true })
      assert.strictEqual(refused.status, 400)
      assert.deepStrictEqual((yield* admin("GET", "/faults")).json.faults, [])
    }))
})
