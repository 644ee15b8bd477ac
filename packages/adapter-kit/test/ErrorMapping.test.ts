import { assert, describe, it } from "@effect/vitest"
import { Effect, Redacted, Schema } from "effect"
import { HttpClientRequest, HttpClientResponse } from "effect/http"
import {
  contactError,
  decodeJson,
  decodeJsonWithRaw,
  isWrite,
  makeScrub,
  reasonFromStatus,
  unusableAnswer
} from "../src/index.ts"

const scrub = makeScrub([Redacted.make("tok_SECRET_99")])
const response = (status: number, body: string, request = HttpClientRequest.get("http://vendor.test/x")) =>
  HttpClientResponse.fromWeb(request, new Response(body, { status }))
const post = HttpClientRequest.post("http://vendor.test/x")
const decodeId = decodeJson(Schema.Struct({ id: Schema.Number }), scrub)

describe("ErrorMapping", () => {
  it("maps statuses to reasons", () => {
    assert.strictEqual(reasonFromStatus({ status: 401 })._tag, "Unauthorized")
    assert.strictEqual(reasonFromStatus({ status: 403 })._tag, "Forbidden")
    const notFound = reasonFromStatus({ status: 404, id: "7" })
    assert.isTrue(notFound._tag === "ContactNotFound" && notFound.id === "7")
    assert.strictEqual(reasonFromStatus({ status: 404 })._tag, "UnexpectedResponse")
    assert.strictEqual(reasonFromStatus({ status: 409 })._tag, "Conflict")
    const invalid = reasonFromStatus({ status: 422, issues: [{ path: ["fields", 0, "address"], message: "bad" }] })
    assert.isTrue(invalid._tag === "InvalidContact" && invalid.issues[0]!.path[2] === "address")
    assert.strictEqual(reasonFromStatus({ status: 429 })._tag, "RateLimited")
    const down = reasonFromStatus({ status: 502, isWrite: true })
    assert.isTrue(down._tag === "VendorUnavailable" && down.mayHaveSucceeded)
    assert.strictEqual(reasonFromStatus({ status: 400 })._tag, "UnexpectedResponse")
  })

  it("wraps a reason with vendor and operation", () => {
    const error = contactError("acme", "get")(reasonFromStatus({ status: 401 }))
    assert.strictEqual(error.vendor, "acme")
    assert.strictEqual(error.operation, "get")
    assert.isFalse(error.isRetryable)
  })

  it.effect("decodes a body that matches", () =>
    Effect.gen(function*() {
      const value = yield* decodeJson(Schema.Struct({ id: Schema.Number }), scrub)(response(200, `{"id":3}`))
      assert.strictEqual(value.id, 3)
    }))

  it.effect("malformed JSON is UnexpectedResponse with a short, scrubbed excerpt", () =>
    Effect.gen(function*() {
      const body = `{"token":"tok_SECRET_99", ${"x".repeat(500)}`
      const error = yield* Effect.flip(decodeId(response(200, body)))
      assert.strictEqual(error._tag, "UnexpectedResponse")
      if (error._tag !== "UnexpectedResponse") return
      assert.strictEqual(error.status, 200)
      assert.isAtMost(error.bodyExcerpt!.length, 200)
      assert.notInclude(error.bodyExcerpt!, "SECRET")
      assert.include(error.bodyExcerpt!, "[redacted]")
    }))

  it.effect("a body off the contract is UnexpectedResponse naming the problem", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(decodeId(response(200, `{"id":"tok_SECRET_99"}`)))
      assert.strictEqual(error._tag, "UnexpectedResponse")
      if (error._tag !== "UnexpectedResponse") return
      assert.include(error.detail, "id")
      assert.notInclude(error.detail + error.bodyExcerpt, "SECRET")
    }))
})

describe("a 2xx answer to a write that cannot be used", () => {
  it("only GET, HEAD and OPTIONS are reads", () => {
    assert.deepStrictEqual(
      ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"].map((method) =>
        isWrite(HttpClientRequest.make(method as "GET")("http://vendor.test/x"))
      ),
      [false, false, false, true, true, true, true]
    )
  })

  for (
    const [what, body] of [
      ["is not JSON", `{"id": 4<<malformed>>`],
      ["is cut short", `{"id": 4, "na`],
      ["is off the contract", `{"id":"four"}`],
      ["is empty", ""]
    ] as const
  ) {
    it.effect(`${what}: VendorUnavailable, mayHaveSucceeded, not retryable — for POST, PUT and DELETE`, () =>
      Effect.gen(function*() {
        for (const request of [post, HttpClientRequest.put("http://vendor.test/x"), HttpClientRequest.delete("/x")]) {
          const error = yield* Effect.flip(decodeId(response(201, body, request)))
          assert.strictEqual(error._tag, "VendorUnavailable", request.method)
          assert.isTrue(error._tag === "VendorUnavailable" && error.mayHaveSucceeded)
          assert.isFalse(error.isRetryable)
          assert.strictEqual(error.status, 201)
        }
      }))
  }

  it.effect("the same body after a GET stays UnexpectedResponse: nothing was written", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(decodeId(response(200, `{"id": 4<<malformed>>`)))
      assert.strictEqual(error._tag, "UnexpectedResponse")
    }))

  it.effect("decodeJsonWithRaw follows the same rule", () =>
    Effect.gen(function*() {
      const decode = decodeJsonWithRaw(Schema.Struct({ id: Schema.Number }), scrub)
      const error = yield* Effect.flip(decode(response(201, "<<malformed>>", post)))
      assert.isTrue(error._tag === "VendorUnavailable" && error.mayHaveSucceeded)
    }))

  it.effect("a body that cannot be read at all, after a POST, may have succeeded", () =>
    Effect.gen(function*() {
      const broken = new ReadableStream({
        start: (controller) => controller.error(new Error("socket hang up"))
      })
      const error = yield* Effect.flip(
        decodeId(HttpClientResponse.fromWeb(post, new Response(broken, { status: 201 })))
      )
      assert.isTrue(error._tag === "VendorUnavailable" && error.mayHaveSucceeded)
    }))

  it("the detail names the method and status, and the excerpt it carries is the scrubbed one it was given", () => {
    const error = unusableAnswer(response(201, "", post), "the body is not JSON", "[redacted] garbage")
    assert.strictEqual(error._tag, "VendorUnavailable")
    assert.include(error._tag === "VendorUnavailable" ? error.detail! : "", "POST answered 201")
    assert.include(error._tag === "VendorUnavailable" ? error.detail! : "", "[redacted] garbage")
  })
})

describe("decodeJsonWithRaw", () => {
  it.effect("keeps the body exactly as read, unknown keys included", () =>
    Effect.gen(function*() {
      const { decoded, raw } = yield* decodeJsonWithRaw(Schema.Struct({ id: Schema.Number }), scrub)(
        response(200, `{"id":3,"extra":true}`)
      )
      assert.deepStrictEqual(decoded, { id: 3 })
      assert.deepStrictEqual(raw, { id: 3, extra: true })
    }))
})
