/**
 * The common request (no fault rule, no rate limit, no body) takes a short way through the platform
 * (CommonRequest.ts) and is dispatched by the platform itself (RouteDispatch.ts). These tests hold both to what the
 * full pipeline and Effect's router do: for any method, path, query and headers, the answer and the request log's
 * entry are the same on the short way, on the full way (forced by a fault rule that never fires) and through
 * Effect's router (forced by a route the index leaves to it); a fault rule set later still applies; a client that
 * disconnects is recorded as 499 as before.
 */
import { assert, describe, it } from "@effect/vitest"
import { Context, Effect, Layer, Logger } from "effect"
import * as fc from "fast-check"
import { setTimeout as wait } from "node:timers/promises"
import { layer as mockLayer, MockServer, type VendorModule } from "../src/index.ts"
import { makeRawClient, type RawReply, type RawRequest } from "../src/testing/index.ts"
import { echoVendor, routedEcho } from "./EchoVendor.ts"
import { openSocket } from "./RawSocket.ts"
import { seenAnswer } from "./SeenAnswer.ts"

const logged: Array<{ readonly level: string; readonly message: string }> = []
const capture = Logger.layer([
  Logger.make((options) => logged.push({ level: options.logLevel, message: String(options.message) }))
])

/** A server of `module` on a free port for the test's scope, and a raw client to it. */
const serve = (module: VendorModule) =>
  Effect.gen(function*() {
    const context = yield* Layer.build(mockLayer(module, { port: 0 }).pipe(Layer.provide(capture)))
    const url = Context.get(context, MockServer).url
    const client = makeRawClient(url, { sockets: 1 })
    yield* Effect.addFinalizer(() => Effect.sync(client.close))
    const send = (request: RawRequest) => client.send(request)
    const lastLogged = async () => {
      const log = await send({ method: "GET", path: "/__admin/requests", headers: {} })
      return (JSON.parse(log.text) as { requests: Array<Record<string, unknown>> }).requests.at(-1)
    }
    return { url, send, lastLogged }
  })

const segment = fc.stringMatching(/^[a-zA-Z0-9;%.-]{1,6}$/u)
const path = fc.oneof(
  fc.tuple(segment, segment).map(([a, b]) => `/echo/${a}/items/${b}`),
  segment.map((a) => `/echo/${a}`),
  segment.map((a) => `/echo/${a}/items`),
  fc.constantFrom("/echo/static", "/echo/STATIC", "/echo/static/", "/refuse", "/boom", "/nowhere", "/echo")
)
const query = fc.array(
  fc.tuple(fc.constantFrom("limit", "api_key", "token", "q", "Password"), fc.stringMatching(/^[a-z0-9]{0,4}$/u)),
  { maxLength: 4 }
).map((pairs) => pairs.length === 0 ? "" : `?${pairs.map(([name, value]) => `${name}=${value}`).join("&")}`)
const headers = fc.subarray(
  [
    ["authorization", "Bearer secret-token"],
    ["x-api-key", "secret-key"],
    ["cookie", "session=secret"],
    ["x-trace", "t-1"],
    ["accept", "application/json"]
  ] as const
).map((pairs) => Object.fromEntries(pairs) as Record<string, string>)
const request = fc.record({
  method: fc.constantFrom("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "POST"),
  path: fc.tuple(path, query).map(([p, q]) => p + q),
  headers
})

/** `seenAnswer`, with the logged time checked to be an ISO timestamp (the part that varies by moment). */
const seen = (reply: RawReply, entry: Record<string, unknown> | undefined) => {
  const { seen, time } = seenAnswer(reply, entry)
  assert.isTrue(typeof time === "string" && new Date(time as string).toISOString() === time, `time ${String(time)}`)
  return seen
}

describe("the common request", () => {
  it.effect("is answered and logged as the full pipeline and Effect's router answer and log it, for any request", () =>
    Effect.scoped(Effect.gen(function*() {
      const short = yield* serve(echoVendor)
      const full = yield* serve(echoVendor)
      const routed = yield* serve(routedEcho)
      // A rule that matches every request and never fires: every request to `full` takes the full pipeline.
      const never = yield* Effect.promise(() =>
        full.send({
          method: "POST",
          path: "/__admin/faults",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ kind: "status", probability: 0 })
        })
      )
      assert.strictEqual(never.status, 201)
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(request, async (sent) => {
            const answers = []
            for (const server of [short, full, routed]) {
              const reply = await server.send(sent)
              answers.push(seen(reply, await server.lastLogged()))
            }
            assert.notStrictEqual(answers[0]?.status, 0)
            assert.deepStrictEqual(answers[1], answers[0], "full pipeline")
            assert.deepStrictEqual(answers[2], answers[0], "Effect's router")
          }),
          { numRuns: 150 }
        )
      )
    })))

  it.effect("gives handlers the route, parameters and query, and logs the route's pattern with secrets redacted", () =>
    Effect.scoped(Effect.gen(function*() {
      const server = yield* serve(echoVendor)
      const reply = yield* Effect.promise(() =>
        server.send({
          method: "GET",
          path: "/echo/a;b/items/7?token=t&limit=2&limit=3",
          headers: { "x-api-key": "k", accept: "application/json" }
        })
      )
      assert.strictEqual(reply.status, 200)
      assert.deepStrictEqual(JSON.parse(reply.text), {
        route: "/echo/:a/items/:b",
        // The matcher decodes parameters, as Effect's router does: the handler sees `;` and can refuse it.
        params: { a: "a;b", b: "7" },
        query: { token: "t", limit: ["2", "3"] },
        url: "/echo/a%3Bb/items/7?token=t&limit=2&limit=3",
        method: "GET"
      })
      const entry = yield* Effect.promise(server.lastLogged)
      assert.deepInclude(entry, {
        method: "GET",
        url: "/echo/a;b/items/7?token=[REDACTED]&limit=2&limit=3",
        body: "",
        status: 200,
        route: "/echo/:a/items/:b"
      })
      assert.deepInclude(entry?.["headers"] as object, { "x-api-key": "[REDACTED]", accept: "application/json" })
    })))

  it.effect("meets a fault rule set after it, and takes the short way again once the rule is spent", () =>
    Effect.scoped(Effect.gen(function*() {
      const server = yield* serve(echoVendor)
      const get = () => server.send({ method: "GET", path: "/echo/static", headers: {} })
      assert.strictEqual((yield* Effect.promise(get)).status, 200)
      const rule = yield* Effect.promise(() =>
        server.send({
          method: "POST",
          path: "/__admin/faults",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ kind: "status", status: 503, count: 1, path: "/echo/static" })
        })
      )
      assert.strictEqual(rule.status, 201)
      assert.strictEqual((yield* Effect.promise(get)).status, 503)
      assert.deepInclude(yield* Effect.promise(server.lastLogged), { status: 503, fault: "status" })
      assert.strictEqual((yield* Effect.promise(get)).status, 200)
      const entry = yield* Effect.promise(server.lastLogged)
      assert.strictEqual(entry?.["status"], 200)
      assert.isFalse(entry !== undefined && "fault" in entry)
    })))

  describe("a client that disconnects", () => {
    /** Sends `GET path`, hangs up after 100 ms, and waits for the log to record it. */
    const abandon = (path: string) =>
      Effect.scoped(Effect.gen(function*() {
        const server = yield* serve(echoVendor)
        logged.length = 0
        const socket = yield* openSocket(server.url)
        socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`)
        yield* Effect.promise(() => wait(100))
        socket.destroy()
        // Polled rather than slept on, so a busy machine only makes it slower, never wrong.
        let entry: Record<string, unknown> | undefined
        for (let i = 0; i < 40 && entry?.["url"] !== path; i++) {
          yield* Effect.promise(() => wait(50))
          entry = yield* Effect.promise(server.lastLogged)
        }
        return entry
      }))

    it.effect("is recorded as 499 when it stops the handler, and that is no defect", () =>
      Effect.gen(function*() {
        const entry = yield* abandon("/slow/400")
        assert.deepInclude(entry, { method: "GET", url: "/slow/400", status: 499, route: "/slow/:ms" })
        assert.isFalse(entry !== undefined && "unsentStatus" in entry)
        assert.isFalse(logged.some((line) => line.level === "Error"), JSON.stringify(logged))
        assert.isTrue(logged.some((line) => line.level === "Info" && line.message.includes("client disconnected")))
      }))

    it.effect("of an uninterruptible route is recorded as 499 with the status it was not sent", () =>
      Effect.gen(function*() {
        const entry = yield* abandon("/steady/400")
        assert.deepInclude(entry, { url: "/steady/400", status: 499, unsentStatus: 200, route: "/steady/:ms" })
        assert.isFalse(logged.some((line) => line.level === "Error"), JSON.stringify(logged))
      }))
  })
})
