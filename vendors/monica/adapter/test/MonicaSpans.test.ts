/**
 * Observability of one `create` against the Monica mock, read from the spans themselves: the port operation is a
 * span naming the vendor, the operation and its outcome; every vendor HTTP call under it is a client span naming
 * the vendor, the method, the route (ids replaced by `:id`) and the status. No attribute holds the API key, a
 * contact id or anything of the contact (names, e-mail address).
 */
import { ContactDirectory, type ContactDraft } from "@contactkit/domain"
import { monica } from "@contactkit/mock-monica"
import { layer as mockServer, MockServer } from "@contactkit/mock-platform"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Redacted, Tracer } from "effect"
import { FetchHttpClient } from "effect/http"
import { MonicaContactDirectory } from "../src/index.ts"

const token = "monica-token-a"
const draft: ContactDraft = {
  kind: "individual",
  name: { given: "Kelly", family: "Kapoor" },
  organization: {},
  fields: [{ _tag: "Email", address: "kelly.kapoor@example.com" }]
}

const recording = () => {
  const spans: Array<Tracer.NativeSpan> = []
  const tracer = Tracer.make({
    span(options) {
      const span = new Tracer.NativeSpan(options)
      spans.push(span)
      return span
    }
  })
  return { spans, tracer }
}

describe("MonicaContactDirectory spans", () => {
  it.effect("one create: its operation span, and a client span per vendor call beneath it", () =>
    Effect.gen(function*() {
      const { spans, tracer } = recording()
      const { url } = yield* MockServer
      const directory = MonicaContactDirectory.layer({
        apiUrl: `${url}/api`,
        apiKey: Redacted.make(token),
        rateLimit: false
      }).pipe(Layer.provide(FetchHttpClient.layer))
      const created = yield* Effect.gen(function*() {
        const contacts = yield* ContactDirectory
        return yield* contacts.create(draft)
      }).pipe(Effect.provide(directory), Effect.provideService(Tracer.Tracer, tracer))

      const operation = spans.filter((span) => span.name === "monica.create")
      assert.strictEqual(operation.length, 1)
      const create = operation[0]!
      assert.deepStrictEqual(Object.fromEntries(create.attributes), {
        "contactkit.vendor": "monica",
        "contactkit.operation": "create",
        "contactkit.outcome": "ok"
      })
      assert.strictEqual(create.status._tag, "Ended")

      const calls = spans.filter((span) => span.kind === "client")
      assert.isAtLeast(calls.length, 2, "the contact and its e-mail field are two calls at least")
      for (const call of calls) {
        assert.strictEqual(Option.getOrUndefined(call.parent)?.spanId, create.spanId, `${call.name} is under create`)
        assert.strictEqual(call.attributes.get("contactkit.vendor"), "monica")
        assert.strictEqual(call.attributes.get("contactkit.outcome"), "ok")
        assert.isNumber(call.attributes.get("http.response.status_code"))
      }
      const post = calls.find((call) => call.name === "POST /api/contacts")
      assert.isDefined(post, calls.map((call) => call.name).join(", "))
      assert.strictEqual(post!.attributes.get("http.response.status_code"), 201)
      assert.strictEqual(post!.attributes.get("url.template"), "/api/contacts")

      const everything = JSON.stringify(spans.map((span) => [span.name, [...span.attributes]]))
      for (const secret of [token, "Kelly", "Kapoor", "kelly.kapoor", `/${created.contact.id}`]) {
        assert.notInclude(everything, secret)
      }
    }).pipe(Effect.provide(mockServer(monica, { port: 0 }))))
})
