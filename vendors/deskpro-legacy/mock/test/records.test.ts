import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin } from "@contactkit/mock-platform/testing"
import { assert, describe, layer } from "@effect/vitest"
import { Effect } from "effect"
import { makeDeskproLegacy } from "../src/index.ts"
import { asA, del, detailsOf, get, postForm, postJson } from "./support.ts"

const reseed = Effect.andThen(admin("POST", "/reset"), admin("POST", "/seed"))
const columns = (record: any) => Array.from({ length: 10 }, (_, i) => record[`field_${i + 1}`])
const addDetail = (body: unknown) => postJson("/api/people/1/contact-details", body)

layer(mockLayer(makeDeskproLegacy(), { port: 0 }))("Deskpro Legacy mock records", (it) => {
  describe("contact details", () => {
    it.effect("each of the ten types stores its own data keys and reads them back beside field_1…field_10", () =>
      Effect.gen(function*() {
        yield* reseed
        const cases: ReadonlyArray<readonly [string, Record<string, unknown>, Record<string, string>, Array<string>]> =
          [
            ["address", { address: "1 Main St", city: "Town", state: "ST", zip: "123", country: "Nowhere" }, {
              address: "1 Main St",
              city: "Town",
              state: "ST",
              zip: "123",
              country: "Nowhere"
            }, ["1 Main St", "Town", "ST", "123", "Nowhere"]],
            ["facebook", { profile_url: "https://facebook.com/ada.l" }, {
              profile_url: "https://facebook.com/ada.l",
              display: "ada.l"
            }, ["https://facebook.com/ada.l", "ada.l"]],
            ["linked_in", { profile_url: "https://linkedin.com/in/ada" }, {
              profile_url: "https://linkedin.com/in/ada",
              display: "ada"
            }, ["https://linkedin.com/in/ada", "ada"]],
            ["fax", { number: "555 0100", country_calling_code: 44 }, {
              country_calling_code: "44",
              number: "555 0100",
              type: "phone"
            }, ["44", "555 0100", "phone", "", "", "", "", "", "", "445550100"]],
            ["mobile", { number: "555", type: "mobile" }, { country_calling_code: "", number: "555", type: "mobile" }, [
              "",
              "555",
              "mobile",
              "",
              "",
              "",
              "",
              "",
              "",
              "555"
            ]],
            ["phone", { number: "(202) 555-0143", type: "anything" }, {
              country_calling_code: "",
              number: "(202) 555-0143",
              type: "anything"
            }, ["", "(202) 555-0143", "anything", "", "", "", "", "", "", "2025550143"]],
            ["instant_message", { service: "telegram", username: "ada" }, { username: "ada", service: "telegram" }, [
              "ada",
              "telegram"
            ]],
            ["skype", { username: "ada.l" }, { username: "ada.l" }, ["ada.l"]],
            ["twitter", { username: "ada", display_feed: true }, { username: "ada" }, ["ada", "1", "0"]],
            ["website", { url: "example.com/ada" }, { url: "http://example.com/ada" }, ["http://example.com/ada"]]
          ]
        for (const [type, data, keys, fields] of cases) {
          const reply = yield* addDetail({ type, data, comment: "  mine " })
          assert.strictEqual(reply.status, 201, type)
          assert.match(reply.headers.get("location") ?? "", /\/api\/people\/1\/contact-details\/\d+$/u)
          const record = detailsOf((yield* get("/api/people/1/contact-details")).json).find((d) =>
            d.id === reply.json.id
          )
          assert.deepStrictEqual(
            record,
            {
              id: reply.json.id,
              contact_type: type,
              comment: "mine",
              ...Object.fromEntries(columns({}).map((_, i) => [`field_${i + 1}`, fields[i] ?? ""])),
              ...keys
            },
            type
          )
        }
      }))

    it.effect("refusals: required_field.type, required_field.data, invalid_argument.type, invalid_argument.data", () =>
      Effect.gen(function*() {
        yield* reseed
        const refusals: ReadonlyArray<readonly [unknown, string, string]> = [
          [{ data: { url: "x" } }, "required_field.type", "type is empty or missing"],
          [{ type: "website" }, "required_field.data", "data is empty or missing"],
          [{ type: "website", data: {} }, "required_field.data", "data is empty or missing"],
          [{ type: "im", data: { username: "x" } }, "invalid_argument.type", "type is invalid"],
          [{ type: "address", data: { city: "", zip: "0" } }, "invalid_argument.data", "data contains invalid data"],
          [
            { type: "skype", data: { username: { nested: "x" } } },
            "invalid_argument.data",
            "data contains invalid data"
          ]
        ]
        for (const [body, code, message] of refusals) {
          const reply = yield* addDetail(body)
          assert.strictEqual(reply.status, 400, code)
          assert.deepStrictEqual(reply.json, { error_code: code, error_message: message })
        }
        assert.strictEqual(detailsOf((yield* get("/api/people/1/contact-details")).json).length, 2)
      }))

    it.effect("a record's own URL says only whether it exists; delete answers 404 for a record the person lacks", () =>
      Effect.gen(function*() {
        yield* reseed
        const [first] = detailsOf((yield* get("/api/people/1/contact-details")).json)
        assert.deepStrictEqual((yield* get(`/api/people/1/contact-details/${first.id}`)).json, { exists: true })
        const grace = detailsOf((yield* get("/api/people/2/contact-details")).json)[0]
        const other = yield* get(`/api/people/1/contact-details/${grace.id}`)
        assert.deepStrictEqual([other.status, other.json], [200, { exists: false }])
        const refused = yield* del(`/api/people/1/contact-details/${grace.id}`)
        assert.deepStrictEqual([refused.status, refused.json.error_code], [404, "http_error.404"])
        const deleted = yield* del(`/api/people/1/contact-details/${first.id}`)
        assert.deepStrictEqual([deleted.status, deleted.json], [200, { success: true }])
        assert.deepStrictEqual((yield* get(`/api/people/1/contact-details/${first.id}`)).json, { exists: false })
      }))

    it.effect("a person without records has details [] (PHP's empty array); ids that are not digits are no route", () =>
      Effect.gen(function*() {
        yield* reseed
        assert.deepStrictEqual(
          (yield* get("/api/people/5/contact-details", { "x-deskpro-api-key": "2:legacy-key-b" })).json,
          {
            details: []
          }
        )
        const reply = yield* get("/api/people/abc/contact-details")
        assert.deepStrictEqual([reply.status, reply.json.error_message], [
          404,
          "No route found for \"GET /api/people/abc/contact-details\""
        ])
      }))
  })

  describe("e-mails", () => {
    it.effect("adding refuses missing, invalid and used addresses; set_primary moves the primary", () =>
      Effect.gen(function*() {
        yield* reseed
        const add = (body: unknown) => postJson("/api/people/1/emails", body)
        assert.deepStrictEqual((yield* add({})).json, {
          error_code: "required_field.email",
          error_message: "email missing"
        })
        assert.deepStrictEqual((yield* add({ email: "nope" })).json.error_message, "invalid email")
        assert.deepStrictEqual(
          (yield* add({ email: "ADA@analytical.example" })).json.error_message,
          "email in use by self"
        )
        assert.deepStrictEqual((yield* add({ email: "grace@navy.example" })).json.error_message, "email in use")
        const added = yield* add({ email: "Ada.Second@Example.com", comment: " work ", set_primary: 1 })
        assert.strictEqual(added.status, 201)
        const person = (yield* get("/api/people/1")).json.person
        assert.deepStrictEqual(person.emails.map((e: any) => [e.email, e.comment]), [["ada@analytical.example", ""], [
          "ada.second@example.com",
          "work"
        ]])
        assert.strictEqual(person.primary_email, "ada.second@example.com")
      }))

    it.effect("the last address cannot be removed; removing the primary promotes the next", () =>
      Effect.gen(function*() {
        yield* reseed
        const emails = (yield* get("/api/people/2/emails")).json.emails as Array<any>
        assert.strictEqual(emails.length, 2)
        assert.deepStrictEqual((yield* del(`/api/people/2/emails/${emails[0].id}`)).json, { success: true })
        assert.strictEqual((yield* get("/api/people/2")).json.person.primary_email, "amazing.grace@home.example")
        const last = yield* del(`/api/people/2/emails/${emails[1].id}`)
        assert.deepStrictEqual([last.status, last.json], [400, {
          error_code: "required_field",
          error_message: "cannot remove the last email"
        }])
        assert.strictEqual((yield* get(`/api/people/1/emails/${emails[1].id}`)).status, 404)
      }))

    it.effect("a record's comment changes through POST …/emails/{id}", () =>
      Effect.gen(function*() {
        yield* reseed
        const [email] = (yield* get("/api/people/1/emails")).json.emails as Array<any>
        assert.strictEqual((yield* postForm(`/api/people/1/emails/${email.id}`, "comment=personal")).status, 200)
        assert.strictEqual((yield* get(`/api/people/1/emails/${email.id}`)).json.email.comment, "personal")
      }))
  })

  describe("search, update and delete", () => {
    it.effect("per_page is bounded to 1–250 (default 25); a cache_id pages through the same snapshot", () =>
      Effect.gen(function*() {
        yield* reseed
        for (const [asked, served] of [["", 25], ["0", 25], ["500", 250], ["2", 2]] as const) {
          assert.strictEqual((yield* get(`/api/people?per_page=${asked}`)).json.per_page, served)
        }
        const first = (yield* get("/api/people?per_page=2")).json
        assert.deepStrictEqual([first.page, first.total, Object.keys(first.people)], [1, 3, ["1", "2"]])
        yield* postJson("/api/people", { name: "Late", email: "late@example.com" })
        const again = (yield* get(`/api/people?per_page=2&page=2&cache_id=${first.cache_id}`)).json
        assert.deepStrictEqual([again.total, Object.keys(again.people), again.cache_id], [3, ["3"], first.cache_id])
        assert.deepStrictEqual((yield* get(`/api/people?per_page=2&page=9&cache_id=${first.cache_id}`)).json.people, [])
        assert.strictEqual((yield* get("/api/people")).json.total, 4)
      }))

    it.effect("update changes the name and summary, not contact data; a used primary_email is refused", () =>
      Effect.gen(function*() {
        yield* reseed
        const before = (yield* get("/api/people/1")).json.person
        const taken = yield* postJson("/api/people/1", { name: "X", primary_email: "grace@navy.example" })
        assert.deepStrictEqual(taken.json, {
          error_code: "multiple",
          errors: { primary_email: ["invalid_argument.primary_email", "email already exists"] }
        })
        assert.deepStrictEqual((yield* get("/api/people/1")).json.person, before)
        const reply = yield* postJson("/api/people/1", {
          name: "Augusta Ada King",
          summary: "Countess",
          contact_data: []
        })
        assert.deepStrictEqual(reply.json, { success: true })
        const after = (yield* get("/api/people/1")).json.person
        assert.deepStrictEqual([after.first_name, after.last_name, after.summary], ["Augusta Ada", "King", "Countess"])
        assert.deepStrictEqual(after.contact_data, before.contact_data)
      }))

    it.effect("delete removes the person and its records", () =>
      Effect.gen(function*() {
        yield* reseed
        assert.deepStrictEqual((yield* del("/api/people/3")).json, { success: true })
        assert.strictEqual((yield* get("/api/people/3")).status, 404)
        assert.strictEqual((yield* del("/api/people/3")).status, 404)
        assert.strictEqual((yield* get("/api/people", asA)).json.total, 2)
      }))
  })
})
