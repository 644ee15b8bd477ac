/**
 * `send` stands in for `fetch` (with redirects not followed): for any generated request — method, path and query,
 * header, body — and any kind of answer (with a body or none, a redirect, an error status, text that is not ASCII),
 * it must deliver exactly the request `fetch` delivers (an upstream echoes what it received) and read exactly the
 * status and text `fetch` reads.
 */
import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Effect, Schema } from "effect"
import { createServer } from "node:http"
import type { SpecRequest } from "../src/SpecRequests.ts"
import { send, type SpecReply } from "../src/SpecSend.ts"

/** Answers the status named in the path's first segment, echoing what it received (none for 204 and 304). */
const echo = Effect.acquireRelease(
  Effect.callback<{ readonly url: string; readonly close: () => void }>((resume) => {
    const server = createServer((request, response) => {
      let body = ""
      request.setEncoding("utf8")
      request.on("data", (chunk: string) => (body += chunk))
      request.on("end", () => {
        const status = Number(request.url?.split("/")[1]) || 200
        const seen = { method: request.method, url: request.url, headers: request.rawHeaders, body, note: "é ✓ 😀" }
        if (status === 302) response.setHeader("location", "/200/elsewhere")
        response.writeHead(status, { "content-type": "application/json; charset=utf-8" })
        response.end(status === 204 || status === 304 ? undefined : JSON.stringify(seen))
      })
    })
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      resume(Effect.succeed({ url: `http://127.0.0.1:${port}`, close: () => server.close() }))
    })
  }),
  (server) => Effect.sync(server.close)
)

/** The slow path: what the fuzzing sent before `send`. */
const viaFetch = (origin: string, request: SpecRequest): Effect.Effect<SpecReply> =>
  Effect.promise(() =>
    fetch(`${origin}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      redirect: "manual"
    }).then(
      async (response) => ({ status: response.status, text: await response.text() }),
      (error: unknown) => ({ status: 0, text: String(error) })
    )
  )

/** Header values as the fuzzing's credentials and media types are: visible ASCII, single spaces inside. */
const headerValue = Arbitrary.map(
  Arbitrary.schema(Schema.String),
  (s) => s.replace(/[^\x21-\x7e ]/gu, "x").replace(/ +/gu, " ").trim() || "x"
)

const requests = {
  // The methods of an OpenAPI operation the fuzzing sends (never HEAD).
  method: Schema.Literals(["GET", "POST", "PUT", "PATCH", "DELETE"]),
  status: Schema.Literals([200, 201, 204, 302, 304, 400, 404, 422, 500]),
  segment: Schema.String,
  query: Schema.String,
  header: headerValue,
  contentType: Schema.Literals(["application/json", "application/x-www-form-urlencoded", "text/plain", "none"]),
  body: Schema.optional(Schema.String)
}

describe("send", () => {
  it.live.prop("delivers and reads exactly what fetch does", requests, (input) =>
    Effect.gen(function*() {
      const server = yield* echo
      const request: SpecRequest = {
        operation: "generated",
        method: input.method,
        path: `/${input.status}/${encodeURIComponent(input.segment.toWellFormed())}?q=${
          encodeURIComponent(input.query.toWellFormed())
        }`,
        headers: {
          "X-Api-Key": input.header,
          authorization: `Bearer ${input.header}`,
          ...(input.body === undefined || input.contentType === "none" ? {} : { "Content-Type": input.contentType })
        },
        ...(input.body === undefined ? {} : { body: input.body })
      }
      const fast = yield* send(server.url, request)
      const slow = yield* viaFetch(server.url, request)
      assert.deepStrictEqual(fast, slow)
    }).pipe(Effect.scoped), { arbitrary: { runs: 60 } })

  it.live("refuses a body on a GET as fetch does, without sending anything", () =>
    Effect.gen(function*() {
      const server = yield* echo
      const request: SpecRequest = { operation: "get", method: "GET", path: "/200/x", headers: {}, body: "{}" }
      const fast = yield* send(server.url, request)
      assert.deepStrictEqual(fast, yield* viaFetch(server.url, request))
      assert.strictEqual(fast.status, 0)
    }).pipe(Effect.scoped))

  it.live("answers status 0 when nothing listens", () =>
    Effect.gen(function*() {
      const origin = yield* Effect.map(echo, (server) => {
        server.close()
        return server.url
      })
      const request: SpecRequest = { operation: "get", method: "GET", path: "/200/x", headers: {} }
      assert.strictEqual((yield* send(origin, request)).status, 0)
      assert.strictEqual((yield* viaFetch(origin, request)).status, 0)
    }).pipe(Effect.scoped))
})
