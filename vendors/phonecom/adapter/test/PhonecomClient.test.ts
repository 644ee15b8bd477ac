/**
 * The vendor-shaped parts of the Phone.com client, through the directory: `limit`/`offset`
 * paging that stops at `total`, 422 `@details` reported at the domain path of the field sent,
 * and 403 as Forbidden.
 */
import { type ContactDraft, type ContactError, type ContactId, makePhone } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Stream } from "effect"
import nock from "nock"
import { api, contactsPath, errorBody, useNock, withDirectory } from "./support.ts"

useNock()

const wire = (id: number, over: Record<string, unknown> = {}) => ({
  id,
  first_name: `Person ${id}`,
  emails: [{ type: "primary", email: "ada@example.org" }],
  phone_numbers: [{ type: "home", number: "(202) 555-0123", normalized: "+12025550123" }],
  addresses: [],
  ...over
})

const issuesOf = (error: ContactError) => error.reason._tag === "InvalidContact" ? error.reason.issues : []

describe("PhonecomClient", () => {
  it.effect("list pages by limit/offset through three full pages and stops at total", () =>
    Effect.gen(function*() {
      const asked: Array<string> = []
      for (const offset of [0, 2, 4]) {
        api().get(contactsPath).query({ limit: "2", offset: String(offset) }).reply(() => {
          asked.push(`offset=${offset}`)
          return [200, { total: 6, offset, limit: 2, items: [wire(offset + 1), wire(offset + 2)] }]
        })
      }
      // A fourth page would be an unmatched request, which nock refuses: the stream would fail.
      const contacts = yield* withDirectory((d) => Stream.runCollect(d.list({ pageSize: 2 })))
      assert.deepStrictEqual(contacts.map((c) => c.id), ["1", "2", "3", "4", "5", "6"])
      assert.deepStrictEqual(asked, ["offset=0", "offset=2", "offset=4"])
      assert.isTrue(nock.isDone())
    }))

  it.effect("list asks for at most 500 a page, Phone.com's limit", () =>
    Effect.gen(function*() {
      api().get(contactsPath).query({ limit: "500", offset: "0" }).reply(200, { total: 1, items: [wire(1)] })
      const contacts = yield* withDirectory((d) => Stream.runCollect(d.list({ pageSize: 10_000 })))
      assert.deepStrictEqual(contacts.map((c) => c.id), ["1"])
    }))

  it.effect("422 @details on phone_numbers.1.number → the path of the draft's second phone", () =>
    Effect.gen(function*() {
      const draft: ContactDraft = {
        kind: "individual",
        name: { given: "Ada" },
        organization: {},
        fields: [
          makePhone("(202) 555-0123"),
          { _tag: "Email", address: "ada@example.org" },
          { _tag: "Address", locality: "London" },
          makePhone("+44 20 7123 4567", { features: ["fax"] })
        ]
      }
      const sent: Array<any> = []
      api().post(contactsPath, (body) => (sent.push(body), true)).reply(
        422,
        errorBody(422, "Validation failed", {
          "@details": { "phone_numbers.1.number": ["The phone_numbers.1.number is not a valid phone number."] }
        })
      )
      const error = yield* Effect.flip(withDirectory((d) => d.create(draft)))
      assert.strictEqual(error.reason._tag, "InvalidContact")
      assert.strictEqual(error.operation, "create")
      assert.deepStrictEqual(issuesOf(error), [{
        path: ["fields", 3, "number"],
        message: "The phone_numbers.1.number is not a valid phone number."
      }])
      assert.deepStrictEqual(sent[0].phone_numbers[1], { type: "fax", number: "+44 20 7123 4567" })
    }))

  it.effect("422 on the PUT of fields.add → the path of the added phone in the contact sent", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/42`).reply(200, wire(42))
      api().put(`${contactsPath}/42`).reply(
        422,
        errorBody(422, "Validation failed", { "@details": { "phone_numbers.1.number": ["Invalid number."] } })
      )
      const error = yield* Effect.flip(
        withDirectory((d) => d.fields.add("42" as ContactId, makePhone("555", { context: "work" })))
      )
      assert.strictEqual(error.operation, "fields.add")
      assert.deepStrictEqual(issuesOf(error).map((i) => i.path), [["fields", 2, "number"]])
    }))

  it.effect("403 → Forbidden, on a read and on a write", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/42`).reply(403, errorBody(403, "Forbidden"))
      api().delete(`${contactsPath}/42`).reply(403, errorBody(403, "Forbidden"))
      const read = yield* Effect.flip(withDirectory((d) => d.get("42" as ContactId)))
      assert.strictEqual(read.reason._tag, "Forbidden")
      assert.strictEqual(read.vendor, "phonecom")
      assert.isFalse(read.isRetryable)
      const write = yield* Effect.flip(withDirectory((d) => d.remove("42" as ContactId)))
      assert.strictEqual(write.reason._tag, "Forbidden")
      assert.strictEqual(write.operation, "remove")
      assert.isTrue(nock.isDone())
    }))

  it.effect("403 on list fails the stream with Forbidden", () =>
    Effect.gen(function*() {
      api().get(contactsPath).query(true).reply(403, errorBody(403, "Forbidden"))
      const error = yield* Effect.flip(withDirectory((d) => Stream.runCollect(d.list())))
      assert.strictEqual(error.reason._tag, "Forbidden")
      assert.strictEqual(error.operation, "list")
    }))
})
