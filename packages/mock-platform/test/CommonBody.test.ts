/**
 * A request with a body and no fault rule or rate limit takes the short way too (CommonRequest.ts): the body read
 * with the platform's limits, then dispatched as a request without one. These tests hold it to the full pipeline
 * (VendorPipeline.ts, forced by a fault rule that never fires): for generated bodies — JSON, malformed or truncated
 * JSON, nested too deep, empty, blank, sent as another content type, with `Expect: 100-continue`, chunked, over the
 * size limit — to routes that read it as JSON, as text, or not at all, the answer and the request log's entry are
 * the same either way; and a fault rule set later still applies to a request with a body.
 */
import { assert, describe, it } from "@effect/vitest"
import { Context, Effect, Layer } from "effect"
import { HttpRouter } from "effect/http"
import * as fc from "fast-check"
import {
  defaultMessage,
  defaultStatus,
  jsonResponse,
  layer as mockLayer,
  maxBodyBytes,
  MockServer,
  PlatformError,
  readBodyText,
  readJsonBody,
  type VendorModule
} from "../src/index.ts"
import { makeRawClient, type RawReply, type RawRequest } from "../src/testing/index.ts"
import { openSocket, readUntilClosed } from "./RawSocket.ts"
import { seenAnswer } from "./SeenAnswer.ts"

/** Routes that read the body as JSON or as text, ignore it, or read it and then refuse the request. */
const bodyVendor: VendorModule = {
  name: "bodies",
  defaultPort: 4997,
  credentials: [{ token: "bodies-token", description: "anyone" }],
  renderError: (failure) => ({ status: defaultStatus(failure), body: { error: defaultMessage(failure) } }),
  make: Effect.succeed({
    routes: [
      HttpRouter.route("POST", "/json", Effect.map(readJsonBody, (body) => jsonResponse(201, { body }))),
      HttpRouter.route("PUT", "/json/:id", Effect.map(readJsonBody, (body) => jsonResponse(200, { body }))),
      HttpRouter.route("POST", "/text", Effect.map(readBodyText, (text) => jsonResponse(200, { text }))),
      HttpRouter.route("PATCH", "/ignore", Effect.succeed(jsonResponse(202, { ignored: true }))),
      HttpRouter.route("GET", "/ignore", Effect.succeed(jsonResponse(200, { ignored: true }))),
      HttpRouter.route(
        "POST",
        "/refuse",
        Effect.andThen(
          readJsonBody,
          Effect.fail(new PlatformError({ failure: { _tag: "MalformedBody", detail: "no" } }))
        )
      )
    ],
    reset: Effect.void,
    seed: Effect.void
  })
}

/** A server of `bodyVendor` for the test's scope (`full`: every request through the full pipeline), and a client. */
const serve = (full: boolean) =>
  Effect.gen(function*() {
    const context = yield* Layer.build(mockLayer(bodyVendor, { port: 0 }))
    const url = Context.get(context, MockServer).url
    const client = makeRawClient(url, { sockets: 1 })
    yield* Effect.addFinalizer(() => Effect.sync(client.close))
    const send = (request: RawRequest) => Effect.promise(() => client.send(request))
    if (full) {
      // A rule that matches every request and never fires.
      const never = yield* send({
        method: "POST",
        path: "/__admin/faults",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind: "status", probability: 0 })
      })
      assert.strictEqual(never.status, 201)
    }
    const lastLogged = Effect.map(
      send({ method: "GET", path: "/__admin/requests", headers: {} }),
      (log) => (JSON.parse(log.text) as { requests: Array<Record<string, unknown>> }).requests.at(-1)
    )
    return { url, send, lastLogged }
  })

const seen = (reply: RawReply, entry: Record<string, unknown> | undefined) => seenAnswer(reply, entry).seen

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth)
const body = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.json({ maxDepth: 2 }).map((text) => text.slice(0, Math.max(1, Math.floor(text.length / 2)))),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "\n\t ", "{", "{\"a\":", "null", "[]", "\"\u00e9\u{1F600}\"", nested(512), nested(513))
)
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/vnd.api+json",
  "text/plain",
  "application/x-www-form-urlencoded",
  undefined
)
const request = fc.record({
  method: fc.constantFrom("POST", "PUT", "PATCH", "GET", "DELETE"),
  path: fc.constantFrom("/json", "/json/7", "/text", "/ignore", "/refuse", "/nowhere", "/json?api_key=k"),
  contentType,
  body,
  expectContinue: fc.boolean(),
  authorization: fc.boolean()
}).map(({ authorization, body, contentType, expectContinue, method, path }): RawRequest => ({
  method,
  path,
  body,
  headers: {
    ...(contentType === undefined ? {} : { "content-type": contentType }),
    ...(expectContinue ? { expect: "100-continue" } : {}),
    ...(authorization ? { authorization: "Bearer secret-token" } : {})
  }
}))

describe("a request with a body on the short way", () => {
  it.effect("is answered and logged as the full pipeline answers and logs it, for any body", () =>
    Effect.scoped(Effect.gen(function*() {
      const short = yield* serve(false)
      const full = yield* serve(true)
      const compare = (sent: RawRequest) =>
        Effect.gen(function*() {
          const answers = []
          for (const server of [short, full]) {
            const reply = yield* server.send(sent)
            answers.push(seen(reply, yield* server.lastLogged))
          }
          assert.notStrictEqual(answers[0]?.status, 0)
          assert.deepStrictEqual(answers[1], answers[0])
          return answers[0]
        })
      yield* Effect.promise(() =>
        fc.assert(fc.asyncProperty(request, (sent) => Effect.runPromise(Effect.asVoid(compare(sent)))), {
          numRuns: 200
        })
      )
      // The limits, once each: a chunked body under them, and a declared length over them.
      const chunked = yield* compare({
        method: "POST",
        path: "/text",
        headers: { "content-type": "text/plain" },
        chunkedBytes: 64 * 1024
      })
      assert.strictEqual(chunked?.status, 200)
      assert.strictEqual((JSON.parse(chunked?.text ?? "{}") as { text?: string }).text?.length, 64 * 1024)
      const large = yield* compare({
        method: "POST",
        path: "/json",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "x".repeat(maxBodyBytes) })
      })
      assert.strictEqual(large?.status, 413)
      assert.strictEqual(large?.connection, "close")
      assert.strictEqual((large?.logged as Record<string, unknown> | undefined)?.["body"], "")
    })))

  it.effect("a chunked body over the limit is cut while it streams, on the short way as on the full one", () =>
    Effect.scoped(Effect.gen(function*() {
      const answers = []
      for (const full of [false, true]) {
        const server = yield* serve(full)
        const socket = yield* openSocket(server.url)
        const reply = readUntilClosed(socket, 5000)
        socket.write(
          "POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        const chunk = "[".repeat(64 * 1024)
        // 1.5 MB, and never the final zero-length chunk: only a server that cuts the stream can answer.
        for (let i = 0; i < 24; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
        const { closed, text } = yield* reply
        assert.isTrue(closed)
        answers.push(text.replace(/^date: .*$/imu, "date: -"))
      }
      assert.match(answers[0] ?? "", /^HTTP\/1\.1 413 /u)
      assert.strictEqual(answers[0], answers[1])
    })))

  it.effect("meets a fault rule set after it", () =>
    Effect.scoped(Effect.gen(function*() {
      const server = yield* serve(false)
      const post = server.send({
        method: "POST",
        path: "/json",
        headers: { "content-type": "application/json" },
        body: "{\"a\":1}"
      })
      assert.strictEqual((yield* post).status, 201)
      const rule = yield* server.send({
        method: "POST",
        path: "/__admin/faults",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind: "status", status: 503, count: 1, path: "/json" })
      })
      assert.strictEqual(rule.status, 201)
      assert.strictEqual((yield* post).status, 503)
      assert.deepInclude(yield* server.lastLogged, { status: 503, fault: "status", body: "{\"a\":1}" })
      const again = yield* post
      assert.strictEqual(again.status, 201)
      assert.deepStrictEqual(JSON.parse(again.text), { body: { a: 1 } })
    })))
})
