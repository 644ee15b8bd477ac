import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin, assertNothingEchoes, call } from "@contactkit/mock-platform/testing"
import { assert, describe, layer } from "@effect/vitest"
import { Effect } from "effect"
import { makeMonica } from "../src/index.ts"

const tokenA = "monica-token-a"
const tokenB = "monica-token-b"
// Seeded ids: account 1 has types 1–7 and contacts 1 Jim, 2 Pam, 3 Dwight, 4 Toby (archived);
// account 2 has types 8–14 and contacts 5 Leslie, 6 Ron. Field 7 belongs to Leslie.
const reseed = Effect.andThen(admin("POST", "/reset"), admin("POST", "/seed"))

layer(mockLayer(makeMonica({ rateLimit: false }), { port: 0 }))("Monica mock", (it) => {
  describe("contact fields", () => {
    it.effect("rejects a 256-character value with 422 code 32 and Laravel's message", () =>
      Effect.gen(function*() {
        yield* reseed
        const reply = yield* call("POST", "/api/contactfields", {
          token: tokenA,
          body: { contact_id: 1, contact_field_type_id: 1, data: "x".repeat(256) }
        })
        assert.strictEqual(reply.status, 422)
        assert.deepStrictEqual(reply.json, {
          error: { message: ["The data may not be greater than 255 characters."], error_code: 32 }
        })
      }))

    it.effect("creates a field: 201, value under content, labels standard and custom", () =>
      Effect.gen(function*() {
        yield* reseed
        const reply = yield* call("POST", "/api/contactfields", {
          token: tokenA,
          body: { contact_id: 1, contact_field_type_id: 1, data: "  jim@example.net ", labels: ["CELL", "Gym"] }
        })
        assert.strictEqual(reply.status, 201)
        const field = reply.json.data
        assert.strictEqual(field.object, "contactfield")
        assert.strictEqual(field.content, "jim@example.net")
        assert.isUndefined(field.data)
        assert.strictEqual(field.contact_field_type.name, "Email")
        assert.strictEqual(field.contact.id, 1)
        assert.match(field.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/u)
        assert.deepStrictEqual(field.labels.map((l: any) => [l.type, l.label]), [["cell", "Mobile"], ["Gym", "Gym"]])
        const read = yield* call("GET", `/api/contactfields/${field.id}`, { token: tokenA })
        assert.deepStrictEqual(read.json, reply.json)
      }))

    it.effect("a PUT naming another contact moves the field there, in id order; a deleted contact's fields are gone", () =>
      Effect.gen(function*() {
        yield* reseed
        const ids = (reply: { readonly json: any }) => reply.json.data.map((f: any) => f.id as number)
        const jim = ids(yield* call("GET", "/api/contacts/1/contactfields", { token: tokenA }))
        const pam = ids(yield* call("GET", "/api/contacts/2/contactfields", { token: tokenA }))
        const moved = jim[0]
        const reply = yield* call("PUT", `/api/contactfields/${moved}`, {
          token: tokenA,
          body: { contact_id: 2, contact_field_type_id: 1, data: "moved@example.com" }
        })
        assert.strictEqual(reply.status, 200)
        assert.strictEqual(reply.json.data.contact.id, 2)
        assert.deepStrictEqual(
          ids(yield* call("GET", "/api/contacts/1/contactfields", { token: tokenA })),
          jim.slice(1)
        )
        assert.deepStrictEqual(
          ids(yield* call("GET", "/api/contacts/2/contactfields", { token: tokenA })),
          [...pam, moved].sort((a, b) => a - b)
        )
        assert.strictEqual((yield* call("DELETE", "/api/contacts/2", { token: tokenA })).status, 200)
        for (const id of [...pam, moved]) {
          assert.strictEqual((yield* call("GET", `/api/contactfields/${id}`, { token: tokenA })).status, 404)
        }
      }))

    it.effect("lists missing fields in rule order and treats blank data as missing", () =>
      Effect.gen(function*() {
        const reply = yield* call("POST", "/api/contactfields", { token: tokenA, body: { contact_id: 1, data: "   " } })
        assert.strictEqual(reply.status, 422)
        assert.deepStrictEqual(reply.json.error.message, [
          "The contact field type id field is required.",
          "The data field is required."
        ])
      }))

    it.effect("an id that exists nowhere is 422; another account's id is 404", () =>
      Effect.gen(function*() {
        yield* reseed
        const nowhere = yield* call("DELETE", "/api/contactfields/999", { token: tokenA })
        assert.strictEqual(nowhere.status, 422)
        assert.deepStrictEqual(nowhere.json.error.message, ["The selected contact field id is invalid."])
        const foreignField = yield* call("DELETE", "/api/contactfields/7", { token: tokenA })
        assert.deepStrictEqual(foreignField.json, {
          error: { message: "The resource has not been found", error_code: 31 }
        })
        assert.strictEqual(foreignField.status, 404)
        const foreignContact = yield* call("POST", "/api/contactfields", {
          token: tokenA,
          body: { contact_id: 5, contact_field_type_id: 1, data: "x" }
        })
        assert.strictEqual(foreignContact.status, 404)
        const foreignType = yield* call("POST", "/api/contactfields", {
          token: tokenA,
          body: { contact_id: 1, contact_field_type_id: 8, data: "x" }
        })
        assert.strictEqual(foreignType.status, 404)
        const missingType = yield* call("POST", "/api/contactfields", {
          token: tokenA,
          body: { contact_id: 1, contact_field_type_id: 999, data: "x" }
        })
        assert.deepStrictEqual(missingType.json.error, {
          message: ["The selected contact field type id is invalid."],
          error_code: 32
        })
        assert.strictEqual((yield* call("GET", "/api/contactfields/7", { token: tokenA })).status, 404)
        assert.strictEqual((yield* call("GET", "/api/contactfields/7", { token: tokenB })).status, 200)
      }))

    it.effect("PUT replaces the field; labels are kept unless a non-empty list is sent; DELETE answers deleted", () =>
      Effect.gen(function*() {
        yield* reseed
        const partial = yield* call("PUT", "/api/contactfields/1", { token: tokenA, body: { data: "new" } })
        assert.strictEqual(partial.status, 422)
        assert.deepStrictEqual(partial.json.error.message, [
          "The contact id field is required.",
          "The contact field type id field is required."
        ])
        const replaced = yield* call("PUT", "/api/contactfields/1", {
          token: tokenA,
          body: { contact_id: 2, contact_field_type_id: 2, data: "+1 555 0100", labels: [] }
        })
        assert.strictEqual(replaced.status, 200)
        assert.strictEqual(replaced.json.data.content, "+1 555 0100")
        assert.strictEqual(replaced.json.data.contact.id, 2)
        assert.deepStrictEqual(replaced.json.data.labels.map((l: any) => l.type), ["work"])
        const relabelled = yield* call("PUT", "/api/contactfields/1", {
          token: tokenA,
          body: { contact_id: 2, contact_field_type_id: 2, data: "+1 555 0100", labels: ["Fax"] }
        })
        assert.deepStrictEqual(relabelled.json.data.labels.map((l: any) => l.label), ["Fax"])
        const deleted = yield* call("DELETE", "/api/contactfields/1", { token: tokenA })
        assert.deepStrictEqual(deleted.json, { deleted: true, id: 1 })
        assert.strictEqual((yield* call("GET", "/api/contactfields/1", { token: tokenA })).status, 404)
      }))

    it.effect("an archived contact's fields cannot be edited", () =>
      Effect.gen(function*() {
        yield* reseed
        const reply = yield* call("POST", "/api/contactfields", {
          token: tokenA,
          body: { contact_id: 4, contact_field_type_id: 1, data: "toby@example.org" }
        })
        assert.strictEqual(reply.status, 422)
        assert.deepStrictEqual(reply.json.error, {
          message: ["Archived contact can’t be edited, please unarchive it first."],
          error_code: 32
        })
      }))
  })

  describe("field types and tenancy", () => {
    it.effect("each account has Monica's default types under its own ids", () =>
      Effect.gen(function*() {
        yield* reseed
        const a = yield* call("GET", "/api/contactfieldtypes", { token: tokenA })
        const b = yield* call("GET", "/api/contactfieldtypes", { token: tokenB })
        const names = (reply: any) => reply.json.data.map((t: any) => t.name)
        assert.deepStrictEqual(names(a), ["Email", "Phone", "Facebook", "Twitter", "Whatsapp", "Telegram", "LinkedIn"])
        assert.deepStrictEqual(names(b), names(a))
        const ids = (reply: any) => new Set(reply.json.data.map((t: any) => t.id))
        assert.isTrue([...ids(a)].every((id) => !ids(b).has(id)))
        const email = a.json.data[0]
        assert.deepStrictEqual([email.protocol, email.delible, email.type], ["mailto:", false, "email"])
        assert.strictEqual(a.json.data[3].protocol, null)
        assert.strictEqual(
          (yield* call("GET", `/api/contactfieldtypes/${b.json.data[0].id}`, { token: tokenA })).status,
          404
        )
        const created = yield* call("POST", "/api/contactfieldtypes", { token: tokenB, body: { name: "Signal" } })
        assert.strictEqual(created.status, 201)
        assert.strictEqual(created.json.data.account.id, 2)
        const noName = yield* call("POST", "/api/contactfieldtypes", { token: tokenB, body: { protocol: "x" } })
        assert.deepStrictEqual(noName.json.error.message, ["The name field is required."])
      }))

    it.effect("a token sees only its account's contacts; unknown tokens get Laravel's 401", () =>
      Effect.gen(function*() {
        yield* reseed
        const a = yield* call("GET", "/api/contacts", { token: tokenA })
        assert.deepStrictEqual(a.json.data.map((c: any) => c.first_name), ["Jim", "Pam", "Dwight"])
        assert.strictEqual((yield* call("GET", "/api/contacts/5", { token: tokenA })).status, 404)
        assert.strictEqual((yield* call("GET", "/api/contacts/5/contactfields", { token: tokenA })).status, 404)
        const put = yield* call("PUT", "/api/contacts/5", {
          token: tokenA,
          body: { first_name: "Evil", is_birthdate_known: false, is_deceased_date_known: false }
        })
        assert.strictEqual(put.status, 404)
        assert.strictEqual((yield* call("GET", "/api/contacts/5", { token: tokenB })).json.data.first_name, "Leslie")
        const anonymous = yield* call("GET", "/api/contacts")
        assert.strictEqual(anonymous.status, 401)
        assert.deepStrictEqual(anonymous.json, { message: "Unauthenticated." })
        assert.strictEqual((yield* call("GET", "/api/contacts", { token: "nope" })).status, 401)
      }))
  })

  describe("secrets", () => {
    it.effect("never echoes a token, refused or accepted, in a body, a header or the request log", () =>
      Effect.gen(function*() {
        const secret = "sk_live_Zq8cTf3vPp1"
        const replies = [
          yield* call("GET", "/api/contacts", { token: secret }),
          yield* call("POST", "/api/contactfields", { token: secret, body: "{not json" }),
          yield* call("GET", "/api/nowhere", { token: secret }),
          yield* call("POST", "/api/contactfields", { token: tokenA, body: { data: "x" } })
        ]
        yield* assertNothingEchoes(replies, [secret, tokenA])
      }))
  })

  describe("contacts", () => {
    it.effect("creates with the required booleans and reads back with contactFields", () =>
      Effect.gen(function*() {
        yield* reseed
        const missing = yield* call("POST", "/api/contacts", { token: tokenA, body: { first_name: "Kevin" } })
        assert.deepStrictEqual(missing.json.error.message, [
          "The is birthdate known field is required.",
          "The is deceased field is required.",
          "The is deceased date known field is required."
        ])
        const created = yield* call("POST", "/api/contacts", {
          token: tokenA,
          body: {
            first_name: "Kevin",
            last_name: "Malone",
            is_birthdate_known: false,
            is_deceased: false,
            is_deceased_date_known: false
          }
        })
        assert.strictEqual(created.status, 201)
        assert.strictEqual(created.json.data.complete_name, "Kevin Malone")
        const jim = yield* call("GET", "/api/contacts/1?with=contactfields", { token: tokenA })
        assert.deepStrictEqual(jim.json.data.contactFields.map((f: any) => f.content), [
          "jim.halpert@example.com",
          "+1 570 555 0101"
        ])
        assert.isUndefined((yield* call("GET", "/api/contacts/1", { token: tokenA })).json.data.contactFields)
        const search = yield* call("GET", "/api/contacts?query=email:pam", { token: tokenA })
        assert.deepStrictEqual(search.json.data.map((c: any) => c.first_name), ["Pam"])
        assert.strictEqual(search.json.meta.query, "email:pam")
        const archived = yield* call("PUT", "/api/contacts/4", {
          token: tokenA,
          body: { first_name: "Toby", is_birthdate_known: false, is_deceased_date_known: false }
        })
        assert.strictEqual(archived.status, 422)
        const removed = yield* call("DELETE", `/api/contacts/${created.json.data.id}`, { token: tokenA })
        // `destroy($contactId)` is untyped: Monica echoes the route segment, a string.
        assert.deepStrictEqual(removed.json, { deleted: true, id: String(created.json.data.id) })
        assert.strictEqual((yield* call("GET", `/api/contacts/${created.json.data.id}`, { token: tokenA })).status, 404)
      }))

    it.effect("paginates with Laravel's envelope, default 15 per page; limit above 100 is 400 code 30", () =>
      Effect.gen(function*() {
        yield* reseed
        for (let i = 0; i < 17; i++) {
          yield* call("POST", "/api/contacts", {
            token: tokenB,
            body: { first_name: `P${i}`, is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false }
          })
        }
        const first = yield* call("GET", "/api/contacts", { token: tokenB })
        assert.strictEqual(first.json.data.length, 15)
        assert.deepStrictEqual(
          [first.json.meta.current_page, first.json.meta.last_page, first.json.meta.per_page, first.json.meta.total],
          [1, 2, 15, 19]
        )
        assert.match(first.json.links.next, /\/api\/contacts\?page=2$/u)
        assert.strictEqual(first.json.links.prev, null)
        const second = yield* call("GET", "/api/contacts?limit=5&page=4", { token: tokenB })
        assert.deepStrictEqual([second.json.data.length, second.json.meta.from, second.json.meta.to], [4, 16, 19])
        assert.strictEqual(second.json.links.next, null)
        const tooBig = yield* call("GET", "/api/contacts?limit=101", { token: tokenB })
        assert.deepStrictEqual([tooBig.status, tooBig.json.error.error_code], [400, 30])
        const badSort = yield* call("GET", "/api/contacts?sort=first_name", { token: tokenB })
        assert.deepStrictEqual([badSort.status, badSort.json.error.error_code], [400, 39])
        const names = (reply: any) => reply.json.data.map((c: any) => c.id)
        const oldest = yield* call("GET", "/api/contacts?sort=created_at&limit=100", { token: tokenB })
        const newest = yield* call("GET", "/api/contacts?sort=-created_at&limit=100", { token: tokenB })
        assert.deepStrictEqual(names(newest), [...names(oldest)].reverse())
      }))

    it.effect("a body that is not JSON, or is the JSON null, is 400 code 37 and changes nothing", () =>
      Effect.gen(function*() {
        yield* reseed
        const before = yield* call("GET", "/api/contacts/1", { token: tokenA })
        for (
          const [method, path, body] of [
            ["POST", "/api/contactfields", "{\"contact_id\": 1,"],
            ["PUT", "/api/contacts/1/work", "job=Salesman"],
            ["POST", "/api/contactfields", "null"]
          ] as const
        ) {
          const reply = yield* call(method, path, { token: tokenA, body })
          assert.strictEqual(reply.status, 400, `${method} ${path} ${body}`)
          assert.deepStrictEqual(reply.json, { error: { message: "Problems parsing JSON", error_code: 37 } })
        }
        const fields = yield* call("GET", "/api/contacts/1/contactfields", { token: tokenA })
        assert.strictEqual(fields.json.meta.total, 2)
        const after = yield* call("GET", "/api/contacts/1", { token: tokenA })
        assert.deepStrictEqual(after.json, before.json)
      }))

    it.effect("PUT sets only the names it is sent and clears an absent description", () =>
      Effect.gen(function*() {
        yield* reseed
        const base = { is_birthdate_known: false, is_deceased_date_known: false }
        yield* call("PUT", "/api/contacts/2", {
          token: tokenA,
          body: { ...base, first_name: "Pam", last_name: "Beesly", description: "Receptionist" }
        })
        const reply = yield* call("PUT", "/api/contacts/2", { token: tokenA, body: { ...base, first_name: "Pamela" } })
        assert.strictEqual(reply.status, 200)
        const { first_name, last_name, nickname, description } = reply.json.data
        assert.deepStrictEqual([first_name, last_name, nickname, description], ["Pamela", "Beesly", "Pammy", null])
      }))

    it.effect("lists with contactFields when asked, as a single read does", () =>
      Effect.gen(function*() {
        yield* reseed
        const plain = yield* call("GET", "/api/contacts", { token: tokenA })
        assert.isUndefined(plain.json.data[0].contactFields)
        const withFields = yield* call("GET", "/api/contacts?with=contactfields", { token: tokenA })
        assert.deepStrictEqual(
          withFields.json.data.map((c: any) => c.contactFields.map((f: any) => f.content)),
          [["jim.halpert@example.com", "+1 570 555 0101"], ["pam@example.org", "pambeesly"], ["+1 570 555 0199"]]
        )
      }))
  })
})

layer(mockLayer(makeMonica({ rateLimit: { limit: 3, windowSeconds: 60 } }), { port: 0 }))("Monica throttle", (it) => {
  it.effect("counts down X-RateLimit-Remaining, then 429 code 34 with Retry-After, per token", () =>
    Effect.gen(function*() {
      const remaining: Array<string | null> = []
      for (let i = 0; i < 3; i++) {
        const reply = yield* call("GET", "/api/contactfieldtypes", { token: tokenA })
        assert.strictEqual(reply.headers.get("x-ratelimit-limit"), "3")
        remaining.push(reply.headers.get("x-ratelimit-remaining"))
      }
      assert.deepStrictEqual(remaining, ["2", "1", "0"])
      const limited = yield* call("GET", "/api/contactfieldtypes", { token: tokenA })
      assert.strictEqual(limited.status, 429)
      assert.deepStrictEqual(limited.json, {
        error: { message: "Too many attempts, please slow down the request", error_code: 34 }
      })
      assert.isTrue(Number(limited.headers.get("retry-after")) >= 1)
      assert.isTrue(Number(limited.headers.get("x-ratelimit-reset")) > 0)
      assert.strictEqual((yield* call("GET", "/api/contactfieldtypes", { token: tokenB })).status, 200)
      const off = yield* admin("PUT", "/monica/rate-limit", { enabled: false })
      assert.deepStrictEqual(off.json, { rateLimit: false })
      const after = yield* call("GET", "/api/contactfieldtypes", { token: tokenA })
      assert.strictEqual(after.status, 200)
      assert.isNull(after.headers.get("x-ratelimit-limit"))
    }))
})
