/**
 * Transport failures say what happened, with the URL and without secrets: against real sockets on this
 * machine — a port nobody listens on, a server that cuts the connection — and one that never answers.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { FetchHttpClient, HttpClientRequest } from "effect/http"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { reasonFromStatus } from "../src/index.ts"
import * as VendorHttp from "../src/VendorHttp.ts"

const secret = Redacted.make("SECRET-KEY-123")

/** A server on a free port for the test's scope, answering with `handler`. */
const serve = (handler: Parameters<typeof createServer>[1]) =>
  Effect.acquireRelease(
    Effect.callback<Server>((resume) => {
      const server = createServer(handler)
      server.listen(0, "127.0.0.1", () => resume(Effect.succeed(server)))
    }),
    (server) =>
      Effect.callback<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  ).pipe(Effect.map((server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`))

/** A port that was free a moment ago: nothing listens there. */
const closedPort = Effect.scoped(Effect.map(serve(() => {}), (url) => url))

const call = (baseUrl: string, path: string, options: Partial<VendorHttp.VendorHttpOptions> = {}) =>
  Effect.gen(function*() {
    const http = yield* VendorHttp.make({
      vendor: "acme",
      baseUrl,
      auth: VendorHttp.bearerAuth(secret),
      secrets: [secret],
      retry: { times: 0 },
      ...options
    })
    return yield* http.client.execute(HttpClientRequest.get(path))
  }).pipe(Effect.provide(FetchHttpClient.layer))

describe("transport failures", () => {
  it.effect("a refused connection says so, with the URL but not its query", () =>
    Effect.gen(function*() {
      const base = yield* closedPort
      const error = yield* Effect.flip(call(base, "/contacts?api_key=SECRET-KEY-123"))
      assert.strictEqual(error._tag, "VendorUnavailable")
      const detail = error._tag === "VendorUnavailable" ? error.detail ?? "" : ""
      assert.strictEqual(
        detail,
        `GET ${base}/contacts: connection refused: nothing is listening at ${base} (is the server running?)`
      )
      assert.isFalse(error._tag === "VendorUnavailable" && error.mayHaveSucceeded)
    }))

  it.effect("a connection the server cuts is a reset", () =>
    Effect.gen(function*() {
      const base = yield* serve((request) => request.socket.destroy())
      const error = yield* Effect.flip(call(base, "/contacts"))
      const detail = error._tag === "VendorUnavailable" ? error.detail ?? "" : ""
      assert.include(detail, `GET ${base}/contacts: connection reset`)
    }))

  it.live("no answer in time says timed out and names the request", () =>
    Effect.gen(function*() {
      const base = yield* serve(() => {})
      const error = yield* Effect.flip(call(base, "/slow", { timeout: "100 millis" }))
      const detail = error._tag === "VendorUnavailable" ? error.detail ?? "" : ""
      assert.strictEqual(detail, `GET ${base}/slow: no answer within 100ms (timed out)`)
    }))
})

describe("a 404 on a path the adapter expects to exist", () => {
  it("says the base URL is probably wrong, keeping the vendor's own words", () => {
    const reason = reasonFromStatus({ status: 404, detail: "Not Found" })
    assert.strictEqual(reason._tag, "UnexpectedResponse")
    assert.strictEqual(
      reason._tag === "UnexpectedResponse" ? reason.detail : "",
      "Not Found — the vendor has no such path, so the base URL is probably wrong " +
        "(it must include the API's base path, as in the adapter's README)"
    )
  })

  it("a 404 about a contact stays ContactNotFound", () => {
    assert.strictEqual(reasonFromStatus({ status: 404, id: "7" })._tag, "ContactNotFound")
  })
})

describe("a transport failure without a known code", () => {
  it.effect("keeps the innermost reason and leaves the query out", () =>
    Effect.gen(function*() {
      // fetch refuses some ports outright ("bad port"), before any connection.
      const error = yield* Effect.flip(call("http://127.0.0.1:9", "/contacts?api_key=SECRET-KEY-123"))
      const detail = error._tag === "VendorUnavailable" ? error.detail ?? "" : ""
      assert.strictEqual(detail, "GET http://127.0.0.1:9/contacts: Transport error: bad port")
    }))
})
