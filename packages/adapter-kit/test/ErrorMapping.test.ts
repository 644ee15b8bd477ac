import { assert, describe, it } from "@effect/vitest"
import { Effect, Redacted, Schema } from "effect"
import { HttpClientRequest, HttpClientResponse } from "effect/http"
import { contactError, decodeJson, decodeJsonWithRaw, makeScrub, reasonFromStatus } from "../src/index.ts"

const scrub = makeScrub([Redacted.make("tok_SECRET_99")])
const response = (status: number, body: string) =>
  HttpClientResponse.fromWeb(HttpClientRequest.get("http://vendor.test/x"), new Response(body, { status }))

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
      const error = yield* Effect.flip(decodeJson(Schema.Struct({ id: Schema.Number }), scrub)(response(200, body)))
      assert.strictEqual(error._tag, "UnexpectedResponse")
      assert.strictEqual(error.status, 200)
      assert.isAtMost(error.bodyExcerpt!.length, 200)
      assert.notInclude(error.bodyExcerpt!, "SECRET")
      assert.include(error.bodyExcerpt!, "[redacted]")
    }))

  it.effect("a body off the contract is UnexpectedResponse naming the problem", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        decodeJson(Schema.Struct({ id: Schema.Number }), scrub)(response(200, `{"id":"tok_SECRET_99"}`))
      )
      assert.include(error.detail, "id")
      assert.notInclude(error.detail + error.bodyExcerpt, "SECRET")
    }))
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
