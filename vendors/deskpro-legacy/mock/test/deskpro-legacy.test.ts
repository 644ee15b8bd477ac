import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin, assertNothingEchoes } from "@contactkit/mock-platform/testing"
import { assert, describe, layer } from "@effect/vitest"
import { Effect } from "effect"
import { makeDeskproLegacy } from "../src/index.ts"
import { asB, detailsOf, get, keyA, keyB, postForm, postJson } from "./support.ts"

// Seeded: helpdesk A has people 1 Ada, 2 Grace, 3 Alan; helpdesk B has 4 Katherine, 5 Dorothy.
const reseed = Effect.andThen(admin("POST", "/reset"), admin("POST", "/seed"))

/** The knowledge base's own example ("API: Setting contact data"), with the name and e-mail a create needs. */
const kbExample = new URLSearchParams([
  ["name", "Kay Bee"],
  ["email", "kay.bee@example.com"],
  ["contact_data[1][type]", "im"],
  ["contact_data[1][comment]", "label"],
  ["contact_data[1][data][service]", "aim"],
  ["contact_data[1][data][username]", "example"],
  ["contact_data[2][type]", "website"],
  ["contact_data[2][comment]", "person"],
  ["contact_data[2][data][url]", "http://example.com"]
]).toString()

/** A JSON value with every `date_*` time (a string; an unset one is null) replaced by the same placeholder. */
const withoutTimes = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value),
    (key, field) => key.startsWith("date_") && typeof field === "string" ? "<time>" : field
  )

layer(mockLayer(makeDeskproLegacy(), { port: 0 }))("Deskpro Legacy mock", (it) => {
  describe("the knowledge base's example", () => {
    it.effect("form-encoded create answers 201; the website and its comment are stored, the im record is not", () =>
      Effect.gen(function*() {
        yield* reseed
        const reply = yield* postForm("/api/people", kbExample)
        assert.strictEqual(reply.status, 201)
        const id = reply.json.id as number
        assert.isAbove(id, 5)
        assert.match(reply.headers.get("location") ?? "", new RegExp(`/api/people/${id}$`, "u"))
        const details = detailsOf((yield* get(`/api/people/${id}/contact-details`)).json)
        assert.deepStrictEqual(details.map((d) => [d.contact_type, d.comment, d.url]), [
          ["website", "person", "http://example.com"]
        ])
        assert.isFalse(details.some((d) => d.contact_type === "im" || d.contact_type === "instant_message"))
      }))

    it.effect("POST …/contact-details with type=im answers 400 invalid_argument.type and stores nothing", () =>
      Effect.gen(function*() {
        yield* reseed
        const reply = yield* postForm("/api/people/1/contact-details", "type=im&comment=label&data[service]=aim")
        assert.strictEqual(reply.status, 400)
        assert.deepStrictEqual(reply.json, { error_code: "invalid_argument.type", error_message: "type is invalid" })
        assert.strictEqual(detailsOf((yield* get("/api/people/1/contact-details")).json).length, 2)
      }))
  })

  describe("auth", () => {
    it.effect("no key, an unknown key or a malformed one: 401 invalid_auth with WWW-Authenticate", () =>
      Effect.gen(function*() {
        for (const headers of [{}, { "x-deskpro-api-key": "1:wrong" }, { "x-deskpro-api-key": "legacy-key-a" }]) {
          const reply = yield* get("/api/people", headers)
          assert.strictEqual(reply.status, 401)
          assert.deepStrictEqual(reply.json, {
            error_code: "invalid_auth",
            error_message: "Please provide a valid API key or token"
          })
          assert.strictEqual(reply.headers.get("www-authenticate"), "Basic realm=\"API\"")
        }
      }))

    it.effect("the key also works as the API-KEY parameter and as Basic; the header wins even when it is wrong", () =>
      Effect.gen(function*() {
        yield* reseed
        assert.strictEqual((yield* get(`/api/people/1?API-KEY=${keyA}`, {})).status, 200)
        const basic = `Basic ${Buffer.from(keyA).toString("base64")}`
        assert.strictEqual((yield* get("/api/people/1", { authorization: basic })).status, 200)
        assert.strictEqual((yield* postForm("/api/people/1", `API-KEY=${keyA}&summary=x`, {})).status, 200)
        assert.strictEqual((yield* get(`/api/people/1?API-KEY=${keyA}`, { "x-deskpro-api-key": "1:no" })).status, 401)
      }))

    it.effect("another helpdesk's person is a person that does not exist", () =>
      Effect.gen(function*() {
        yield* reseed
        for (const reply of [yield* get("/api/people/4"), yield* get("/api/people/4/contact-details")]) {
          assert.strictEqual(reply.status, 404)
          assert.deepStrictEqual(reply.json, {
            error_code: "http_error.404",
            error_message: "There is no person with ID 4"
          })
        }
        assert.strictEqual((yield* get("/api/people/4", asB)).status, 200)
        const listed = (yield* get("/api/people", asB)).json
        assert.deepStrictEqual(Object.keys(listed.people), ["4", "5"])
      }))

    it.effect("keys never show in replies or in the request log", () =>
      Effect.gen(function*() {
        yield* admin("DELETE", "/requests")
        const replies = [
          yield* get(`/api/people/999?API-KEY=${keyA}`, {}),
          yield* get("/api/people/999", asB),
          yield* postForm("/api/people", `API-KEY=${keyA}&name=`, {})
        ]
        yield* assertNothingEchoes(replies, [keyA, keyB, "legacy-key-a", "legacy-key-b"])
      }))
  })

  describe("create", () => {
    it.effect("name and email are required: every refusal at once, as a multiple error, and nothing is stored", () =>
      Effect.gen(function*() {
        yield* reseed
        const before = (yield* get("/api/people")).json.total
        const missing = yield* postJson("/api/people", {
          name: "  ",
          contact_data: [{ type: "website", data: { url: "x" } }]
        })
        assert.strictEqual(missing.status, 400)
        assert.deepStrictEqual(missing.json, {
          error_code: "multiple",
          errors: {
            name: ["required_field.name", "name is empty or missing"],
            email: ["required_field.email", "email is empty or invalid"]
          }
        })
        const taken = yield* postJson("/api/people", { name: "Imposter", email: "ADA@analytical.example" })
        assert.deepStrictEqual(taken.json.errors, { email: ["invalid_argument.email", "email already exists"] })
        const invalid = yield* postJson("/api/people", { name: "Ünï", email: "ünï@example.com" })
        assert.deepStrictEqual(invalid.json.errors, { email: ["required_field.email", "email is empty or invalid"] })
        assert.strictEqual((yield* get("/api/people")).json.total, before)
      }))

    it.effect("form and JSON bodies give the same person", () =>
      Effect.gen(function*() {
        yield* reseed
        const input = {
          name: "  Mary  Ann   Van Dyke ",
          email: "Mary@Example.COM",
          secondary_email: ["mary.ann@example.org"],
          organization: "Acme",
          organization_position: "CTO",
          contact_data: {
            1: { type: "address", comment: "home", data: { address: "1 Main St", city: "Springfield", zip: "0" } },
            2: { type: "phone", data: { number: "+1 202-555-0143", country_calling_code: "" } }
          }
        }
        const fromForm = yield* postForm("/api/people", input)
        const person = (id: number) => Effect.map(get(`/api/people/${id}`), (r) => r.json.person)
        const formPerson = yield* person(fromForm.json.id)
        yield* reseed
        const fromJson = yield* postJson("/api/people", input)
        assert.strictEqual(fromJson.status, 201)
        const jsonPerson = yield* person(fromJson.json.id)
        // The two were made a moment apart, so their `date_*` times may fall in different seconds.
        assert.deepStrictEqual(withoutTimes(jsonPerson), withoutTimes(formPerson))
        assert.match(jsonPerson.date_created, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/u)
        assert.deepStrictEqual([jsonPerson.name, jsonPerson.first_name, jsonPerson.last_name], [
          "Mary Ann Van Dyke",
          "Mary Ann Van",
          "Dyke"
        ])
        assert.deepStrictEqual(jsonPerson.emails.map((e: any) => e.email), ["mary@example.com", "mary.ann@example.org"])
        assert.strictEqual(jsonPerson.primary_email, "mary@example.com")
        assert.strictEqual(jsonPerson.organization.name, "Acme")
        assert.strictEqual(jsonPerson.organization_position, "CTO")
        const records = Object.values(jsonPerson.contact_data) as Array<any>
        assert.deepStrictEqual(records.map((r) => r.contact_type), ["address", "phone"])
        assert.deepStrictEqual(records[1].field_10, "12025550143")
        assert.strictEqual(records[1].type, "phone")
      }))

    it.effect("records without a handler, without data, or whose columns would all be empty are skipped silently", () =>
      Effect.gen(function*() {
        yield* reseed
        const reply = yield* postJson("/api/people", {
          name: "Sparse",
          email: "sparse@example.com",
          contact_data: [
            { type: "im", data: { service: "aim", username: "x" } },
            { type: "skype", data: {} },
            { type: "skype", data: { username: "0" } },
            { type: "address", data: { city: "" } },
            { type: "twitter", data: { username: "", display_feed: 0 } },
            { data: { url: "x" } },
            { type: "website", data: "not an array" },
            { type: "instant_message", data: { service: "msn" } }
          ]
        })
        assert.strictEqual(reply.status, 201)
        const details = detailsOf((yield* get(`/api/people/${reply.json.id}/contact-details`)).json)
        assert.deepStrictEqual(details.map((d) => [d.contact_type, d.service, d.username]), [
          ["instant_message", "msn", ""]
        ])
      }))
  })
})
