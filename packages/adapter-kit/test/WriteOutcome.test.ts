/**
 * A write whose answer is lost is reported as one that may have happened, never as a contract mismatch and
 * never retried blindly: a 2xx whose body breaks off or stalls past the timeout, through `VendorHttp`; a 2xx
 * body that arrives but cannot be decoded, through `decodeJson`. Reads in the same situations are retried.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, Redacted, Schema } from "effect"
import { FetchHttpClient } from "effect/http"
import { TestClock } from "effect/testing"
import nock from "nock"
import { Readable } from "node:stream"
import { decodeJson, makeScrub, readJsonBody, VendorHttp } from "../src/index.ts"
import { settle, useNock, waitFor } from "./support.ts"

useNock()

const origin = "http://vendor.test"

const makeHttp = VendorHttp.make({
  vendor: "acme",
  baseUrl: `${origin}/api`,
  auth: VendorHttp.bearerAuth(Redacted.make("sk_live_SECRET_4242")),
  timeout: "1 second",
  retry: { times: 2, base: "100 millis", max: "100 millis" }
}).pipe(Effect.provide(FetchHttpClient.layer))

/** A body that announces 40 bytes, sends the first few, then breaks off (as a cut connection does). */
const cutBody = (calls: { n: number }) => () => {
  calls.n += 1
  const body = new Readable({ read() {} })
  body.push(`{"id": 4, "na`)
  setTimeout(() => body.destroy(new Error("socket hang up")), 5)
  return body
}

/** A body that sends a few bytes and then nothing, until the test ends. */
const stalledBody = (calls: { n: number }, open: Array<Readable>) => () => {
  calls.n += 1
  const body = new Readable({ read() {} })
  body.push(`{"id": 4`)
  open.push(body)
  return body
}

const headers = { "content-type": "application/json", "content-length": "40" }

describe("a write whose answer is lost", () => {
  it.effect("a POST answered 201 whose body breaks off: sent once, VendorUnavailable, mayHaveSucceeded", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      nock(origin).post("/api/contacts").times(3).reply(201, cutBody(calls), headers)
      const http = yield* makeHttp
      const error = yield* Effect.flip(http.client.post("/contacts"))
      assert.strictEqual(error._tag, "VendorUnavailable")
      assert.isTrue(error._tag === "VendorUnavailable" && error.mayHaveSucceeded && error.status === 201)
      assert.isFalse(error.isRetryable)
      assert.strictEqual(calls.n, 1)
    }))

  it.effect("a POST answered 201 whose body stalls past the timeout: sent once, mayHaveSucceeded", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      const open: Array<Readable> = []
      nock(origin).post("/api/contacts").times(3).reply(201, stalledBody(calls, open), headers)
      const http = yield* makeHttp
      const fiber = yield* Effect.forkChild(Effect.flip(http.client.post("/contacts")))
      yield* waitFor(() => calls.n, 1)
      yield* settle
      yield* TestClock.adjust("1 second")
      const error = yield* Fiber.join(fiber)
      open.forEach((body) => body.destroy())
      assert.isTrue(error._tag === "VendorUnavailable" && error.mayHaveSucceeded)
      assert.include(error._tag === "VendorUnavailable" ? error.detail : "", "no answer within")
      assert.strictEqual(calls.n, 1)
    }))

  it.effect("a POST answered 201 with a body that is not JSON: decodeJson says it may have happened", () =>
    Effect.gen(function*() {
      nock(origin).post("/api/contacts").reply(201, `{"id": 4<<malformed>>`, { "content-type": "application/json" })
      const http = yield* makeHttp
      const response = yield* http.client.post("/contacts")
      const error = yield* Effect.flip(decodeJson(Schema.Struct({ id: Schema.Number }), makeScrub([]))(response))
      assert.isTrue(error._tag === "VendorUnavailable" && error.mayHaveSucceeded)
    }))
})

describe("a read, or an idempotent write, whose answer is lost", () => {
  it.effect("a GET answered 200 whose body breaks off is retried, and the retry's answer is read", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      nock(origin).get("/api/contacts/4").reply(200, cutBody(calls), headers)
      nock(origin).get("/api/contacts/4").reply(200, { id: 4 })
      const http = yield* makeHttp
      const fiber = yield* Effect.forkChild(http.client.get("/contacts/4"))
      yield* waitFor(() => calls.n, 1)
      yield* settle
      yield* TestClock.adjust("100 millis")
      const response = yield* Fiber.join(fiber)
      assert.deepStrictEqual(yield* response.json, { id: 4 })
      assert.isTrue(nock.isDone())
    }))

  it.effect("a PUT answered 200 whose body breaks off is retried: a PUT may be repeated", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      nock(origin).put("/api/contacts/4").reply(200, cutBody(calls), headers)
      nock(origin).put("/api/contacts/4").reply(200, { id: 4 })
      const http = yield* makeHttp
      const fiber = yield* Effect.forkChild(http.client.put("/contacts/4"))
      yield* waitFor(() => calls.n, 1)
      yield* settle
      yield* TestClock.adjust("100 millis")
      assert.strictEqual((yield* Fiber.join(fiber)).status, 200)
      assert.isTrue(nock.isDone())
    }))

  it.effect("a GET whose body keeps breaking off gives up with VendorUnavailable that did not write", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      nock(origin).get("/api/contacts/4").times(3).reply(200, cutBody(calls), headers)
      const http = yield* makeHttp
      const fiber = yield* Effect.forkChild(Effect.flip(http.client.get("/contacts/4")))
      for (const n of [1, 2]) {
        yield* waitFor(() => calls.n, n)
        yield* settle
        yield* TestClock.adjust("100 millis")
      }
      const error = yield* Fiber.join(fiber)
      assert.isTrue(error._tag === "VendorUnavailable" && !error.mayHaveSucceeded)
      assert.strictEqual(calls.n, 3)
    }))

  it.effect("a 4xx whose body breaks off is still the vendor's refusal: passed through by its status", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      nock(origin).post("/api/contacts").reply(422, cutBody(calls), headers)
      const http = yield* makeHttp
      const response = yield* http.client.post("/contacts")
      assert.strictEqual(response.status, 422)
      assert.strictEqual(yield* readJsonBody(response), undefined)
    }))
})
