import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin, assertNothingEchoes } from "@contactkit/mock-platform/testing"
import { assert, describe, layer } from "@effect/vitest"
import { Effect } from "effect"
import { deskpro } from "../src/index.ts"
import { call, joanne, keyA, keyB, people } from "./support.ts"

/** Every person helpdesk A can list, as a client sees them. */
const everyoneInA = Effect.map(call("GET", `${people}?count=200`, keyA), (reply) => reply.json.data)

layer(mockLayer(deskpro, { port: 0 }))("Deskpro mock", (it) => {
  describe("the KB's Joanne Bloggs request", () => {
    it.effect("answers 201 with Location and the new id; every value sent reads back; helpdesk B cannot see her", () =>
      Effect.gen(function*() {
        const created = yield* call("POST", people, keyA, { body: joanne })
        assert.strictEqual(created.status, 201)
        const id = created.json.data.id
        assert.isNumber(id)
        assert.match(
          created.headers.get("location") ?? "",
          new RegExp(`^http://127\\.0\\.0\\.1:\\d+/api/v2/people/${id}$`)
        )

        const read = yield* call("GET", `${people}/${id}`, keyA)
        assert.strictEqual(read.status, 200)
        const person = read.json.data
        assert.deepStrictEqual(read.json.meta, {})
        for (const key of ["first_name", "last_name", "title_prefix", "primary_email", "is_agent"] as const) {
          assert.deepStrictEqual(person[key], joanne[key], key)
        }
        assert.deepStrictEqual(person.emails, ["joanne.bloggs3@example.com"])
        // Read back as one array of records, each with its own id and type, holding exactly what was sent.
        const records: Array<Record<string, unknown>> = person.contact_data
        assert.strictEqual(records.length, 9)
        assert.strictEqual(new Set(records.map((r) => r["id"])).size, 9)
        for (const [type, [sent]] of Object.entries(joanne.contact_data)) {
          const record = records.find((r) => r["contact_type"] === type)
          assert.isDefined(record, type)
          assert.deepInclude(record!, sent as Record<string, unknown>, type)
          assert.isNumber(record!["id"])
        }
        assert.deepStrictEqual(created.json.data, person)

        assert.strictEqual((yield* call("GET", `${people}/${id}`, keyB)).status, 404)
        const listedByB = yield* call("GET", `${people}?count=200`, keyB)
        assert.isFalse(listedByB.json.data.some((p: { id: number }) => p.id === id))
        assert.strictEqual((yield* call("PUT", `${people}/${id}`, keyB, { body: { first_name: "X" } })).status, 404)
        assert.strictEqual((yield* call("DELETE", `${people}/${id}`, keyB)).status, 404)
        assert.strictEqual((yield* call("GET", `${people}/${id}`, keyA)).json.data.first_name, "Joanne")

        const contactData = yield* call("GET", `${people}/${id}/contact_data`, keyA)
        assert.deepStrictEqual(contactData.json.data, records)
        assert.strictEqual(contactData.json.meta.pagination.total, 9)
        const one = yield* call("GET", `${people}/${id}/contact_data/${records[2]!["id"]}`, keyA)
        assert.deepStrictEqual(one.json.data, records[2])
        assert.strictEqual((yield* call("GET", `${people}/${id}/contact_data/${records[2]!["id"]}`, keyB)).status, 404)
      }))
  })

  describe("validation", () => {
    it.effect("an IM service outside the list is 400 invalid_input naming the field, and stores nothing", () =>
      Effect.gen(function*() {
        const before = yield* everyoneInA
        const body = {
          ...joanne,
          primary_email: "im@example.com",
          contact_data: { instant_message: [{ service: "yahoo", username: "jb" }] }
        }
        const reply = yield* call("POST", people, keyA, { body })
        assert.strictEqual(reply.status, 400)
        assert.strictEqual(reply.json.status, 400)
        assert.strictEqual(reply.json.code, "invalid_input")
        assert.strictEqual(reply.json.message, "Request input is invalid.")
        assert.deepStrictEqual(
          reply.json.errors.fields.contact_data.fields.instant_message.fields.instant_message_0.fields.service.errors,
          [{ code: "invalid_choice", message: "The value you selected is not a valid choice." }]
        )
        assert.deepStrictEqual(yield* everyoneInA, before)
      }))

    it.effect("a malformed primary_email is 400 invalid_input naming the field, and stores nothing", () =>
      Effect.gen(function*() {
        const before = yield* everyoneInA
        const reply = yield* call("POST", people, keyA, { body: { ...joanne, primary_email: "joanne at example" } })
        assert.strictEqual(reply.status, 400)
        assert.strictEqual(reply.json.code, "invalid_input")
        assert.deepStrictEqual(reply.json.errors, {
          fields: {
            primary_email: { errors: [{ code: "invalid_email", message: "This value is not a valid email address." }] }
          }
        })
        assert.deepStrictEqual(yield* everyoneInA, before)
      }))

    it.effect("unknown names, unknown types and wrong types are each named where they are", () =>
      Effect.gen(function*() {
        const reply = yield* call("POST", people, keyA, {
          body: {
            first_name: 12,
            nickname: "JB",
            contact_data: {
              fax: [{ number: "1" }],
              twitter: [{ username: "jb", display_feed: "yes", colour: "blue" }]
            },
            phone_numbers: [{ label: "Home" }]
          }
        })
        assert.strictEqual(reply.status, 400)
        const { errors } = reply.json
        assert.deepStrictEqual(errors.errors, [{ code: "extra_fields", message: "Unexpected field names: nickname" }])
        assert.strictEqual(errors.fields.first_name.errors[0].code, "invalid_type")
        assert.deepStrictEqual(errors.fields.contact_data.errors, [{
          code: "extra_fields",
          message: "Unexpected field names: fax"
        }])
        const twitter = errors.fields.contact_data.fields.twitter.fields.twitter_0
        assert.deepStrictEqual(twitter.errors, [{ code: "extra_fields", message: "Unexpected field names: colour" }])
        assert.strictEqual(twitter.fields.display_feed.errors[0].code, "invalid_type")
        assert.deepStrictEqual(errors.fields.phone_numbers.fields.phone_numbers_0.fields.number.errors, [
          { code: "required", message: "This value should not be blank." }
        ])
      }))

    it.effect("malformed JSON is Deskpro's documented invalid_json_body", () =>
      Effect.gen(function*() {
        const reply = yield* call("POST", people, keyA, { body: "{\"first_name\": " })
        assert.strictEqual(reply.status, 400)
        assert.deepStrictEqual(reply.json, { status: 400, code: "invalid_json_body", message: "Invalid JSON body" })
        const put = yield* call("PUT", `${people}/1`, keyA, { body: "not json" })
        assert.strictEqual(put.json.code, "invalid_json_body")
        const empty = yield* call("POST", people, keyA, { body: "" })
        assert.strictEqual(empty.json.code, "invalid_json_body", "a write must carry a JSON payload")
      }))

    it.effect("a used email is 400 dupe_email naming the field, in Deskpro's words", () =>
      Effect.gen(function*() {
        const before = yield* everyoneInA
        const taken = "john.doe@helpdesk-a.example"
        const primary = yield* call("POST", people, keyA, {
          body: { first_name: "J", primary_email: taken.toUpperCase() }
        })
        assert.strictEqual(primary.status, 400)
        assert.deepStrictEqual(primary.json.errors.fields.primary_email.errors, [
          { code: "dupe_email", message: `Email "${taken.toUpperCase()}" is already in use by other user.` }
        ])
        // HMRC's recorded answer to `{"name", "email"}` with a used address, shape for shape.
        const viaEmail = yield* call("POST", people, keyA, { body: { name: "J D", email: taken } })
        assert.deepStrictEqual(viaEmail.json.errors, {
          fields: {
            emails: {
              fields: {
                emails_0: {
                  errors: [{ code: "dupe_email", message: `Email "${taken}" is already in use by other user.` }]
                }
              }
            }
          }
        })
        const secondary = yield* call("PUT", `${people}/2`, keyA, {
          body: { emails: ["fionna.apple@helpdesk-a.example", taken] }
        })
        assert.strictEqual(secondary.json.errors.fields.emails.fields.emails_1.errors[0].code, "dupe_email")
        assert.deepStrictEqual(yield* everyoneInA, before)
        // Another helpdesk's people do not count.
        const inB = yield* call("POST", people, keyB, { body: { primary_email: taken } })
        assert.strictEqual(inB.status, 201)
      }))
  })

  describe("auth", () => {
    it.effect("a missing or wrong key is 401 with Deskpro's error body", () =>
      Effect.gen(function*() {
        for (
          const key of [undefined, "key 1:wrong", "Bearer 1:deskpro-key-a", "token 1:deskpro-key-a", "1:deskpro-key-a"]
        ) {
          const reply = yield* call("GET", people, key)
          assert.strictEqual(reply.status, 401, String(key))
          assert.deepStrictEqual(reply.json, {
            status: 401,
            code: "invalid_auth",
            message: "Please provide a valid API key or token"
          })
        }
      }))

    it.effect("never echoes a key, refused or accepted, in a body, a header or the request log", () =>
      Effect.gen(function*() {
        const secret = "7:sk_live_Zq8cTf3vPp1"
        const replies = [
          yield* call("GET", people, `key ${secret}`),
          yield* call("POST", people, `key ${secret}`, { body: "{not json" }),
          yield* call("GET", "/api/v2/nowhere", `key ${secret}`),
          yield* call("POST", people, keyA, { body: { primary_email: "bad" } })
        ]
        yield* assertNothingEchoes(replies, [secret, "deskpro-key-a"])
      }))
  })

  describe("updates and deletes", () => {
    it.effect("PUT changes only what it is sent: 204 with Location, or 200 with the person on follow_location=1", () =>
      Effect.gen(function*() {
        const created =
          (yield* call("POST", people, keyA, { body: { ...joanne, primary_email: "put@example.com" } })).json.data
        const path = `${people}/${created.id}`
        const renamed = yield* call("PUT", path, keyA, { body: { first_name: "Jo" } })
        assert.strictEqual(renamed.status, 204)
        assert.strictEqual(renamed.text, "")
        assert.match(renamed.headers.get("location") ?? "", new RegExp(`${path}$`))
        const after = (yield* call("GET", path, keyA)).json.data
        assert.deepStrictEqual(after, { ...created, first_name: "Jo", name: "Jo Bloggs", display_name: "Jo Bloggs" })

        const followed = yield* call("PUT", `${path}?follow_location=1`, keyA, {
          body: {
            emails: ["second@example.com", "put@example.com"],
            contact_data: { website: [{ url: "https://jo.example/" }] }
          }
        })
        assert.strictEqual(followed.status, 200)
        const person = followed.json.data
        assert.deepStrictEqual(person.emails, ["second@example.com", "put@example.com"])
        assert.strictEqual(person.primary_email, "put@example.com")
        assert.strictEqual(person.contact_data.length, 1)
        assert.notInclude(created.contact_data.map((r: { id: number }) => r.id), person.contact_data[0].id)
        assert.deepStrictEqual(person.phone_numbers, created.phone_numbers)

        const cleared = yield* call("PUT", `${path}?follow_location=1`, keyA, {
          body: { emails: ["third@example.com"] }
        })
        assert.strictEqual(
          cleared.json.data.primary_email,
          "third@example.com",
          "the primary left, the first email took over"
        )
      }))

    it.effect("POST on a person is refused with 405: Deskpro updates with PUT", () =>
      Effect.gen(function*() {
        const reply = yield* call("POST", `${people}/1`, keyA, { body: { first_name: "X" } })
        assert.strictEqual(reply.status, 405)
        assert.strictEqual(reply.json.code, "method_not_allowed")
        assert.strictEqual((yield* call("GET", `${people}/1`, keyA)).json.data.first_name, "John")
      }))

    it.effect("DELETE answers 200, then the person is gone and the address is free again", () =>
      Effect.gen(function*() {
        const created = (yield* call("POST", people, keyA, { body: { primary_email: "gone@example.com" } })).json.data
        const path = `${people}/${created.id}`
        const deleted = yield* call("DELETE", path, keyA)
        assert.strictEqual(deleted.status, 200)
        assert.deepStrictEqual(deleted.json, { data: null, meta: {}, linked: {} })
        assert.strictEqual((yield* call("GET", path, keyA)).status, 404)
        assert.strictEqual((yield* call("DELETE", path, keyA)).status, 404)
        assert.strictEqual((yield* call("GET", `${path}/contact_data`, keyA)).status, 404)
        assert.strictEqual(
          (yield* call("POST", people, keyA, { body: { primary_email: "gone@example.com" } })).status,
          201
        )
      }))
  })

  describe("organizations and names", () => {
    it.effect("an organization is written by name, read as its id, and side-loaded with include=organization", () =>
      Effect.gen(function*() {
        const first = (yield* call("POST", `${people}?include=organization`, keyA, {
          body: { first_name: "Ann", organization: "Globex", organization_position: "CTO" }
        })).json
        const orgId = first.data.organization
        assert.isNumber(orgId)
        assert.strictEqual(first.data.organization_position, "CTO")
        assert.strictEqual(first.linked.organization[String(orgId)].name, "Globex")
        const second = (yield* call("POST", people, keyA, { body: { first_name: "Ben", organization: "Globex" } })).json
        assert.strictEqual(second.data.organization, orgId)
        assert.deepStrictEqual(second.linked, {})
        const listed = (yield* call("GET", `${people}?organization=${orgId}&include=organization`, keyA)).json
        assert.deepStrictEqual(listed.data.map((p: { first_name: string }) => p.first_name), ["Ann", "Ben"])
        assert.deepStrictEqual(Object.keys(listed.linked.organization), [String(orgId)])
        const cleared = yield* call("PUT", `${people}/${first.data.id}?follow_location=1`, keyA, {
          body: { organization: null }
        })
        assert.isNull(cleared.json.data.organization)
      }))

    it.effect("`name` is split into first and last name when those are not sent", () =>
      Effect.gen(function*() {
        const created =
          (yield* call("POST", people, keyA, { body: { name: "dave  van testerson", email: "dvt@example.com" } })).json
            .data
        assert.strictEqual(created.first_name, "dave")
        assert.strictEqual(created.last_name, "van testerson")
        assert.strictEqual(created.primary_email, "dvt@example.com")
        assert.strictEqual(created.name, "dave van testerson")
      }))
  })

  describe("lists", () => {
    it.effect("pages with count and page, meta.pagination agreeing, nothing missed or repeated", () =>
      Effect.gen(function*() {
        const all = (yield* call("GET", `${people}?count=200`, keyA)).json
        const total = all.meta.pagination.total
        assert.strictEqual(all.data.length, total)
        const seen: Array<number> = []
        for (let page = 1;; page++) {
          const reply = (yield* call("GET", `${people}?count=2&page=${page}`, keyA)).json
          assert.deepStrictEqual(reply.meta.pagination, {
            total,
            count: reply.data.length,
            per_page: 2,
            current_page: page,
            total_pages: Math.ceil(total / 2)
          })
          if (reply.data.length === 0) break
          seen.push(...reply.data.map((p: { id: number }) => p.id))
        }
        assert.deepStrictEqual(seen, all.data.map((p: { id: number }) => p.id))
        assert.strictEqual((yield* call("GET", people, keyA)).json.meta.pagination.per_page, 10)
        assert.strictEqual((yield* call("GET", `${people}?count=5000`, keyA)).json.meta.pagination.per_page, 200)
      }))

    it.effect("filters and orders as documented, and names a malformed parameter", () =>
      Effect.gen(function*() {
        const byEmail = (yield* call("GET", `${people}?primary_email=JOHN.DOE@helpdesk-a.example`, keyA)).json.data
        assert.deepStrictEqual(byEmail.map((p: { first_name: string }) => p.first_name), ["John"])
        const agents = (yield* call("GET", `${people}?is_agent=1`, keyA)).json.data
        assert.isTrue(agents.length > 0 && agents.every((p: { is_agent: boolean }) => p.is_agent))
        const labelled = (yield* call("GET", `${people}?label[]=vip`, keyA)).json.data
        assert.deepStrictEqual(labelled.map((p: { first_name: string }) => p.first_name), ["John"])
        const ids = (yield* call("GET", `${people}?ids=2,1&order_by=id&order_dir=desc`, keyA)).json.data
        assert.deepStrictEqual(ids.map((p: { id: number }) => p.id), [2, 1])
        const limited = (yield* call("GET", `${people}?limit=1`, keyA)).json
        assert.strictEqual(limited.meta.pagination.total, 1)
        for (const query of ["page=0", "count=x", "order_by=colour", "is_agent=maybe", "ids=1,,2"]) {
          const reply = yield* call("GET", `${people}?${query}`, keyA)
          assert.strictEqual(reply.status, 400, query)
          assert.strictEqual(reply.json.code, "invalid_input", query)
          assert.isDefined(reply.json.errors.fields[query.split("=")[0]!], query)
        }
      }))

    it.effect("both helpdesks start with their own demo people", () =>
      Effect.gen(function*() {
        yield* admin("POST", "/seed")
        const a = (yield* call("GET", people, keyA)).json.data.map((p: { name: string }) => p.name)
        const b = (yield* call("GET", people, keyB)).json.data.map((p: { name: string }) => p.name)
        assert.deepStrictEqual(a, ["John Doe", "Fionna Apple", "Sam Agent"])
        assert.deepStrictEqual(b, ["Bob Emu", "Dave Testerson"])
      }))
  })

  describe("rate limit and faults", () => {
    it.effect("a key over its limit gets 429 with Deskpro's error body; the other key does not", () =>
      Effect.gen(function*() {
        assert.strictEqual((yield* admin("PUT", "/deskpro/rate-limit", { limit: 2, windowSeconds: 3600 })).status, 200)
        assert.strictEqual((yield* call("GET", people, keyA)).status, 200)
        assert.strictEqual((yield* call("GET", people, keyA)).status, 200)
        const limited = yield* call("GET", people, keyA)
        assert.strictEqual(limited.status, 429)
        assert.deepStrictEqual(limited.json, {
          status: 429,
          code: "rate_limit_exceeded",
          message: "Rate Limit Exceeded"
        })
        assert.strictEqual((yield* call("GET", people, keyB)).status, 200)
        yield* admin("PUT", "/deskpro/rate-limit", { enabled: false })
        assert.strictEqual((yield* call("GET", people, keyA)).status, 200)
      }))

    it.effect("injected faults answer in Deskpro's shape", () =>
      Effect.gen(function*() {
        yield* admin("POST", "/faults", { kind: "rateLimit", count: 1 })
        assert.strictEqual((yield* call("GET", people, keyA)).json.code, "rate_limit_exceeded")
        yield* admin("POST", "/faults", { kind: "status", status: 503, count: 1 })
        const unavailable = yield* call("POST", people, keyA, { body: { primary_email: "never@example.com" } })
        assert.strictEqual(unavailable.status, 503)
        assert.strictEqual(unavailable.json.status, 503)
        assert.strictEqual((yield* call("GET", `${people}?primary_email=never@example.com`, keyA)).json.data.length, 0)
        const unknown = yield* call("GET", "/api/v2/nowhere", keyA)
        assert.strictEqual(unknown.status, 404)
        assert.strictEqual(unknown.json.code, "not_found")
      }))
  })
})
