import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Fiber, Redacted } from "effect"
import { FetchHttpClient, HttpClientRequest } from "effect/http"
import { TestClock } from "effect/testing"
import nock from "nock"
import { VendorHttp } from "../src/index.ts"
import { captureLogs, settle, useNock, waitFor } from "./support.ts"

useNock()

const origin = "http://vendor.test"
const apiKey = Redacted.make("sk_live_SECRET_4242")

const makeHttp = (overrides: Partial<VendorHttp.VendorHttpOptions> = {}) =>
  VendorHttp.make({
    vendor: "acme",
    baseUrl: `${origin}/api/`,
    auth: VendorHttp.bearerAuth(apiKey),
    secrets: [apiKey],
    timeout: "1 second",
    retry: { times: 3, base: "100 millis", max: "1 second" },
    ...overrides
  }).pipe(Effect.provide(FetchHttpClient.layer))

/** A nock reply that answers only after a long real while (the request times out first on the virtual clock). */
const hang = (calls: { n: number }) => () => {
  calls.n += 1
  return new Promise<[number, string]>((resolve) => setTimeout(() => resolve([201, "{}"]), 5000).unref())
}

/** A nock reply that counts calls and answers from a list (the last answer repeats). */
const replies = (answers: ReadonlyArray<readonly [number, unknown, Record<string, string>?]>) => {
  const calls = { n: 0 }
  const reply = () => {
    const answer = answers[Math.min(calls.n, answers.length - 1)]!
    calls.n += 1
    return [answer[0], JSON.stringify(answer[1]), { "content-type": "application/json", ...answer[2] }] as const
  }
  return { calls, reply }
}

describe("VendorHttp", () => {
  it.effect("prefixes the base URL and sets Accept and the bearer token", () =>
    Effect.gen(function*() {
      const scope = nock(origin, {
        reqheaders: { accept: "application/json", authorization: "Bearer sk_live_SECRET_4242" }
      }).get("/api/contacts").reply(200, { ok: true })
      const http = yield* makeHttp()
      const response = yield* http.client.get("/contacts")
      assert.strictEqual(response.status, 200)
      assert.deepStrictEqual(yield* response.json, { ok: true })
      assert.isTrue(scope.isDone())
    }))

  it.effect("passes 4xx answers through for the adapter to map", () =>
    Effect.gen(function*() {
      nock(origin).get("/api/contacts/9").reply(404, { error: "nope" })
      const http = yield* makeHttp()
      const response = yield* http.client.get("/contacts/9")
      assert.strictEqual(response.status, 404)
    }))

  it.effect("a GET answered 429 waits exactly the Retry-After seconds on the virtual clock, then retries", () =>
    Effect.gen(function*() {
      const { calls, reply } = replies([[429, {}, { "retry-after": "5" }], [200, { ok: true }]])
      nock(origin).get("/api/contacts").times(2).reply(reply)
      const http = yield* makeHttp()
      const fiber = yield* Effect.forkChild(http.client.get("/contacts"))
      yield* waitFor(() => calls.n, 1)
      yield* TestClock.adjust("4900 millis")
      yield* settle
      assert.strictEqual(calls.n, 1, "must not retry before Retry-After")
      yield* TestClock.adjust("100 millis")
      yield* waitFor(() => calls.n, 2)
      const response = yield* Fiber.join(fiber)
      assert.strictEqual(response.status, 200)
      assert.strictEqual(calls.n, 2)
    }))

  it.effect("honours Retry-After given as an HTTP date", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2026-01-01T00:00:00Z"))
      const { calls, reply } = replies([[429, {}, { "retry-after": "Thu, 01 Jan 2026 00:00:03 GMT" }], [200, {}]])
      nock(origin).get("/api/x").times(2).reply(reply)
      const http = yield* makeHttp()
      const fiber = yield* Effect.forkChild(http.client.get("/x"))
      yield* waitFor(() => calls.n, 1)
      yield* TestClock.adjust("2 seconds")
      yield* settle
      assert.strictEqual(calls.n, 1)
      yield* TestClock.adjust("1 second")
      assert.strictEqual((yield* Fiber.join(fiber)).status, 200)
    }))

  it.effect("reads the delay from the vendor's 429 body when there is no header", () =>
    Effect.gen(function*() {
      const { calls, reply } = replies([[429, { wait: 7 }], [200, {}]])
      nock(origin).get("/api/x").times(2).reply(reply)
      const http = yield* makeHttp({
        retryAfterHint: (body) => Duration.seconds((body as { wait: number }).wait)
      })
      const fiber = yield* Effect.forkChild(http.client.get("/x"))
      yield* waitFor(() => calls.n, 1)
      yield* TestClock.adjust("6 seconds")
      yield* settle
      assert.strictEqual(calls.n, 1)
      yield* TestClock.adjust("1 second")
      assert.strictEqual((yield* Fiber.join(fiber)).status, 200)
    }))

  it.effect("without Retry-After, waits until the time the vendor's reset header names", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(1_700_000_000_000)
      const { calls, reply } = replies([[429, {}, { "x-ratelimit-reset": "1700000005" }], [200, {}]])
      nock(origin).get("/api/x").times(2).reply(reply)
      const http = yield* makeHttp({ resetHeader: "x-ratelimit-reset", retry: { times: 3, maxRetryAfter: "1 minute" } })
      const fiber = yield* Effect.forkChild(http.client.get("/x"))
      yield* waitFor(() => calls.n, 1)
      yield* TestClock.adjust("4 seconds")
      yield* settle
      assert.strictEqual(calls.n, 1, "retried before the reset")
      yield* TestClock.adjust("1 second")
      assert.strictEqual((yield* Fiber.join(fiber)).status, 200)
      assert.strictEqual(calls.n, 2)
    }))

  it.effect("a POST answered 429 is retried: the vendor did not process it", () =>
    Effect.gen(function*() {
      const { calls, reply } = replies([[429, {}, { "retry-after": "1" }], [201, { id: 1 }]])
      nock(origin).post("/api/contacts").times(2).reply(reply)
      const http = yield* makeHttp()
      const fiber = yield* Effect.forkChild(http.client.post("/contacts", { body: undefined }))
      yield* waitFor(() => calls.n, 1)
      yield* TestClock.adjust("1 second")
      const response = yield* Fiber.join(fiber)
      assert.strictEqual(response.status, 201)
      assert.strictEqual(calls.n, 2)
    }))

  it.effect("a 429 asking for longer than the policy allows fails at once with RateLimited", () =>
    Effect.gen(function*() {
      const { calls, reply } = replies([[429, {}, { "retry-after": "3600" }]])
      nock(origin).get("/api/x").reply(reply)
      const http = yield* makeHttp()
      const error = yield* Effect.flip(http.client.get("/x"))
      assert.strictEqual(error._tag, "RateLimited")
      assert.strictEqual(error._tag === "RateLimited" && Duration.toSeconds(error.retryAfter!), 3600)
      assert.strictEqual(calls.n, 1)
    }))

  it.effect("a GET answered 503 is retried with backoff and then succeeds", () =>
    Effect.gen(function*() {
      const { calls, reply } = replies([[503, {}], [200, { ok: true }]])
      nock(origin).get("/api/x").times(2).reply(reply)
      const http = yield* makeHttp()
      const fiber = yield* Effect.forkChild(http.client.get("/x"))
      yield* waitFor(() => calls.n, 1)
      yield* TestClock.adjust("1 second")
      assert.strictEqual((yield* Fiber.join(fiber)).status, 200)
      assert.strictEqual(calls.n, 2)
    }))

  it.effect("a GET that keeps failing gives up after the retry budget with VendorUnavailable", () =>
    Effect.gen(function*() {
      const { calls, reply } = replies([[500, { oops: true }]])
      nock(origin).get("/api/x").times(3).reply(reply)
      const http = yield* makeHttp({ retry: { times: 2, base: "100 millis", max: "1 second" } })
      const fiber = yield* Effect.forkChild(Effect.flip(http.client.get("/x")))
      for (let i = 1; i <= 3; i++) {
        yield* waitFor(() => calls.n, i)
        yield* TestClock.adjust("1 second")
      }
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "VendorUnavailable")
      assert.isFalse(error._tag === "VendorUnavailable" && error.mayHaveSucceeded)
      assert.strictEqual(calls.n, 3)
    }))

  it.effect("a POST answered 5xx is not retried and may have succeeded", () =>
    Effect.gen(function*() {
      const { calls, reply } = replies([[503, {}], [201, {}]])
      nock(origin).post("/api/contacts").times(2).reply(reply)
      const http = yield* makeHttp()
      const error = yield* Effect.flip(http.client.post("/contacts"))
      assert.strictEqual(error._tag, "VendorUnavailable")
      assert.isTrue(error._tag === "VendorUnavailable" && error.mayHaveSucceeded)
      assert.strictEqual(calls.n, 1)
    }))

  it.effect("a POST that times out is sent exactly once and may have succeeded", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      nock(origin).post("/api/contacts").times(2).reply(hang(calls))
      const http = yield* makeHttp()
      const fiber = yield* Effect.forkChild(Effect.flip(http.client.post("/contacts")))
      yield* waitFor(() => calls.n, 1)
      yield* TestClock.adjust("1 second")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "VendorUnavailable")
      assert.isTrue(error._tag === "VendorUnavailable" && error.mayHaveSucceeded)
      assert.strictEqual(calls.n, 1)
      assert.strictEqual(nock.pendingMocks().length, 1, "the second interceptor must stay unused")
    }))

  it.effect("a GET that times out is retried", () =>
    Effect.gen(function*() {
      // Headers that never come (nock's `.delay` holds back only the body).
      const hung = { n: 0 }
      nock(origin).get("/api/x").reply(hang(hung))
      nock(origin).get("/api/x").reply(200, { ok: 1 })
      const http = yield* makeHttp()
      const fiber = yield* Effect.forkChild(http.client.get("/x"))
      yield* waitFor(() => hung.n, 1)
      yield* TestClock.adjust("1 second")
      yield* settle
      yield* TestClock.adjust("1 second")
      const response = yield* Fiber.join(fiber)
      assert.strictEqual(response.status, 200)
    }))

  it.effect("a POST whose connection was refused is retried: it never reached the vendor", () =>
    Effect.gen(function*() {
      const { calls, reply } = replies([[201, {}]])
      nock(origin).post("/api/contacts").replyWithError(
        Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })
      )
      nock(origin).post("/api/contacts").reply(reply)
      const http = yield* makeHttp()
      const fiber = yield* Effect.forkChild(http.client.post("/contacts"))
      yield* settle
      yield* TestClock.adjust("1 second")
      const response = yield* Fiber.join(fiber)
      assert.strictEqual(response.status, 201)
      assert.strictEqual(calls.n, 1)
    }))

  it.effect("a POST whose connection broke mid-way is not retried", () =>
    Effect.gen(function*() {
      nock(origin).post("/api/contacts").replyWithError(
        Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })
      )
      nock(origin).post("/api/contacts").reply(201, {})
      const http = yield* makeHttp()
      const error = yield* Effect.flip(http.client.post("/contacts"))
      assert.strictEqual(error._tag, "VendorUnavailable")
      assert.isTrue(error._tag === "VendorUnavailable" && error.mayHaveSucceeded)
      assert.strictEqual(nock.pendingMocks().length, 1)
    }))

  it.effect("the API key appears in no log line and no error, even when the vendor echoes it", () =>
    Effect.gen(function*() {
      nock(origin).get("/api/x").times(4).reply(500, { echo: "Bearer sk_live_SECRET_4242" })
      const http = yield* makeHttp({ retry: { times: 1, base: "1 millis", max: "1 millis" } })
      const [error, lines] = yield* captureLogs(
        Effect.gen(function*() {
          yield* Effect.logDebug("request", HttpClientRequest.get("/x").pipe(VendorHttp.bearerAuth(apiKey)))
          const fiber = yield* Effect.forkChild(Effect.flip(http.client.get("/x")))
          yield* settle
          yield* TestClock.adjust("1 second")
          return yield* Fiber.join(fiber)
        })
      )
      assert.isAbove(lines.length, 0)
      for (const line of lines) assert.notInclude(line, "SECRET_4242")
      assert.strictEqual(error._tag, "VendorUnavailable")
      assert.include(error.message + JSON.stringify(error), "[redacted]")
      assert.notInclude(error.message + JSON.stringify(error), "SECRET_4242")
    }))
})
