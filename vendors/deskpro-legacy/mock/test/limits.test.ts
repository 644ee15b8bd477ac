import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin, call } from "@contactkit/mock-platform/testing"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import fc from "fast-check"
import qs from "qs"
import { makeDeskproLegacy } from "../src/index.ts"
import { asA, get } from "./support.ts"

const reseed = Effect.andThen(admin("POST", "/reset"), admin("POST", "/seed"))

/** Everything helpdesk A has, as the API shows it. */
const everything = Effect.gen(function*() {
  const people = (yield* get("/api/people?per_page=250")).json.people
  return Object.keys(people).map((id) => people[id])
})

layer(mockLayer(makeDeskproLegacy({ rateLimit: { limit: 3, intervalSeconds: 60 } }), { port: 0 }))(
  "Deskpro Legacy mock rate limit",
  (it) => {
    it.effect("headers on every answer, then 429 rate_limit_exceeded with the reset time and no Retry-After", () =>
      Effect.gen(function*() {
        yield* reseed
        const remaining: Array<string | null> = []
        for (let i = 0; i < 3; i++) {
          const reply = yield* get("/api/people/1")
          assert.strictEqual(reply.status, 200)
          assert.strictEqual(reply.headers.get("x-ratelimit-limit"), "3")
          remaining.push(reply.headers.get("x-ratelimit-remaining"))
        }
        assert.deepStrictEqual(remaining, ["2", "1", "0"])
        const over = yield* get("/api/people/1")
        assert.strictEqual(over.status, 429)
        assert.deepStrictEqual(over.json, { error_code: "rate_limit_exceeded", error_message: "Rate Limit Exceeded" })
        assert.strictEqual(over.headers.get("x-ratelimit-remaining"), "0")
        const reset = Number(over.headers.get("x-ratelimit-reset"))
        assert.isTrue(reset > Date.now() / 1000 && reset <= Date.now() / 1000 + 61)
        assert.isNull(over.headers.get("retry-after"))
        // Unauthenticated requests are answered before the limit is looked at.
        const anonymous = yield* get("/api/people/1", {})
        assert.deepStrictEqual([anonymous.status, anonymous.headers.get("x-ratelimit-limit")], [401, null])
        // Helpdesk B's key has its own count.
        assert.strictEqual((yield* get("/api/people/4", { "x-deskpro-api-key": "2:legacy-key-b" })).status, 200)
      }))
  }
)

layer(mockLayer(makeDeskproLegacy(), { port: 0 }))("Deskpro Legacy mock under faults and bad input", (it) => {
  it.effect("no rate-limit headers by default; platform faults answer in the API's own error body", () =>
    Effect.gen(function*() {
      yield* reseed
      assert.isNull((yield* get("/api/people/1")).headers.get("x-ratelimit-limit"))
      yield* admin("POST", "/faults", { kind: "status", status: 503, count: 1 })
      const unavailable = yield* get("/api/people/1")
      assert.deepStrictEqual([unavailable.status, unavailable.json.error_code], [503, "http_error.503"])
      yield* admin("POST", "/faults", { kind: "rateLimit", count: 1, retryAfterSeconds: 7 })
      const limited = yield* get("/api/people/1")
      assert.deepStrictEqual([limited.status, limited.json.error_code], [429, "rate_limit_exceeded"])
      assert.isNull(limited.headers.get("retry-after"))
      assert.isTrue(Number(limited.headers.get("x-ratelimit-reset")) >= Math.floor(Date.now() / 1000) + 6)
      const unknown = yield* get("/api/organizations")
      assert.deepStrictEqual([unknown.status, unknown.json.error_code], [404, "http_error.404"])
    }))

  it.effect("any refused body changes nothing and never gets a 5xx", () =>
    Effect.gen(function*() {
      yield* reseed
      const before = yield* everything
      const value = fc.oneof(
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.dictionary(fc.string(), fc.string())
      )
      const body = fc.record({
        type: value,
        data: fc.oneof(value, fc.dictionary(fc.constantFrom("url", "username", "service", "city", "zip"), value)),
        comment: value,
        name: value,
        email: fc.oneof(value, fc.constantFrom("ada@analytical.example", "no-at-sign", "")),
        contact_data: fc.oneof(value, fc.array(fc.dictionary(fc.constantFrom("type", "data", "comment"), value)))
      }, { requiredKeys: [] })
      const samples = fc.sample(fc.tuple(body, fc.constantFrom("json", "form", "text")), { seed: 42, numRuns: 40 })
      const paths = ["/api/people/1/contact-details", "/api/people/1/emails", "/api/people/1", "/api/people"]
      let refused = 0
      for (const [input, encoding] of samples) {
        for (const path of paths) {
          const contentType = {
            json: "application/json",
            form: "application/x-www-form-urlencoded",
            text: "text/plain"
          }
          const text = encoding === "json"
            ? JSON.stringify(input)
            : encoding === "form"
            ? qs.stringify(input)
            : String(input.name ?? "{")
          const reply = yield* call("POST", path, {
            body: text,
            headers: { ...asA, "content-type": contentType[encoding] }
          })
          assert.isBelow(reply.status, 500, `${path} ${text}`)
          if (reply.status >= 400) {
            refused++
            assert.isString(reply.json.error_code)
            assert.deepStrictEqual(yield* everything, before, `${path} ${text} was refused but changed the state`)
          } else yield* reseed
        }
      }
      assert.isAbove(refused, 40)
    }))
})
