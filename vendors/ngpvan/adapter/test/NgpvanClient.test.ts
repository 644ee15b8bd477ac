/**
 * The error paths of the NGP VAN adapter against nock: 201 created vs 200 merged, a 301 that is not followed,
 * 400 `properties` at domain paths, 401, 404, 429 with `Retry-After` (on the virtual clock), 5xx on a create.
 */
import { type ContactDraft, type ContactError, ContactId, makePhone } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, Stream } from "effect"
import { TestClock } from "effect/testing"
import nock from "nock"
import { api, contactsPath, errors, key, settle, useNock, waitFor, wire, withDirectory } from "./support.ts"

useNock()

const id = ContactId.make("VN93A9H7CW7")

const draft: ContactDraft = {
  kind: "individual",
  name: { given: "Lefty", family: "McDonkey" },
  organization: { name: "NGP VAN", title: "Mascot" },
  fields: [
    makePhone("2025557979", { features: ["mobile"] }),
    { _tag: "Email", address: "lefty@example.com" },
    { _tag: "Email", address: "lefty@work.example.com", context: "work" },
    { _tag: "Address", street: "1203 12th St\nSuite 525", locality: "Washington", region: "DC", postcode: "20005" }
  ]
}

const issuesOf = (error: ContactError) => error.reason._tag === "InvalidContact" ? error.reason.issues : []

describe("create", () => {
  it.effect("201 is created; the contact is read back", () =>
    Effect.gen(function*() {
      api().post(contactsPath, (body) => body.type === "INDIVIDUAL").reply(201, { contactId: id })
      api().get(`${contactsPath}/${id}`).reply(200, wire(id, { firstName: "Lefty", lastName: "McDonkey" }))
      const result = yield* withDirectory((d) => d.create(draft))
      assert.strictEqual(result.outcome, "created")
      assert.strictEqual(result.contact.id, id)
      assert.strictEqual(result.contact.name.given, "Lefty")
      assert.isTrue(nock.isDone())
    }))

  it.effect("200 is NGP's dedupe merge: outcome merged, and the merged contact is returned", () =>
    Effect.gen(function*() {
      api().post(contactsPath).reply(200, { contactId: id })
      api().get(`${contactsPath}/${id}`).reply(200, wire(id, { nickname: "Already there" }))
      const result = yield* withDirectory((d) => d.create(draft))
      assert.strictEqual(result.outcome, "merged")
      assert.strictEqual(result.contact.name.nickname, "Already there")
    }))

  it.effect("a 301 is not followed: the write did not happen, and the error says where NGP pointed", () =>
    Effect.gen(function*() {
      api().post(contactsPath).reply(301, "", { Location: `/v2/contacts/${id}` })
      // Following the redirect would GET the contact and report a write that never happened.
      const followed = api().get(`${contactsPath}/${id}`).reply(200, wire(id))
      const error = yield* Effect.flip(withDirectory((d) => d.create(draft)))
      assert.strictEqual(error.reason._tag, "UnexpectedResponse")
      assert.include(error.reason._tag === "UnexpectedResponse" ? error.reason.detail : "", `/v2/contacts/${id}`)
      assert.isFalse(followed.isDone())
    }))

  it.effect("400 INVALID_PARAMETER properties are reported at the draft's domain paths", () =>
    Effect.gen(function*() {
      api().post(contactsPath).reply(
        400,
        errors(
          {
            code: "INVALID_PARAMETER",
            text: "It's not possible to have two emails with the same type.",
            properties: ["emails[1].type"]
          },
          {
            code: "INVALID_PARAMETER",
            text: "A valid phone number is required",
            properties: ["phones[0].number"],
            hint: "^1?[2-9]"
          },
          { code: "INVALID_PARAMETER", text: "Too long", properties: ["addresses[0].line2", "occupation"] }
        )
      )
      const error = yield* Effect.flip(withDirectory((d) => d.create(draft)))
      assert.strictEqual(error.operation, "create")
      assert.deepStrictEqual(issuesOf(error).map((i) => i.path), [
        ["fields", 2, "context"],
        ["fields", 0, "number"],
        ["fields", 3, "street"],
        ["organization", "title"]
      ])
      assert.include(issuesOf(error)[0]!.message, "same type")
    }))

  it.effect("a 500 on the create POST is not retried and may have succeeded", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      api().post(contactsPath).times(3).reply(() => {
        calls.n += 1
        return [
          500,
          errors({ code: "INTERNAL_SERVER_ERROR", text: "An unexpected error occurred.", referenceCode: "R1" })
        ]
      })
      const error = yield* Effect.flip(withDirectory((d) => d.create(draft)))
      assert.strictEqual(error.reason._tag, "VendorUnavailable")
      assert.isTrue(error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded)
      assert.strictEqual(calls.n, 1)
    }))

  it.effect("a create NGP accepted but that cannot be read back may have succeeded", () =>
    Effect.gen(function*() {
      api().post(contactsPath).reply(201, { contactId: id })
      api().get(`${contactsPath}/${id}`).reply(503, errors({ code: "SERVICE_UNAVAILABLE", text: "down" }))
      const error = yield* Effect.flip(withDirectory((d) => d.create(draft), { retry: { times: 0 } }))
      assert.strictEqual(error.reason._tag, "VendorUnavailable")
      assert.isTrue(error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded)
      assert.include(error.reason._tag === "VendorUnavailable" ? error.reason.detail : "", `created ${id}`)
    }))

  it.effect("a draft with two fields of one NGP type is refused before any request", () =>
    Effect.gen(function*() {
      const twoMobiles = {
        ...draft,
        fields: [
          makePhone("2025550100", { features: ["mobile"] }),
          makePhone("2025550101", { context: "work", features: ["mobile"] })
        ]
      }
      const error = yield* Effect.flip(withDirectory((d) => d.create(twoMobiles)))
      assert.strictEqual(error.reason._tag, "Unsupported")
      assert.include(error.message, "MOBILE")
    }))
})

describe("reads", () => {
  it.effect("401 is Unauthorized, and the key is nowhere in the error", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/${id}`).reply(401, errors({ code: "UNAUTHORIZED", text: `bad key ${key}` }))
      const error = yield* Effect.flip(withDirectory((d) => d.get(id)))
      assert.strictEqual(error.reason._tag, "Unauthorized")
      assert.notInclude(error.message + JSON.stringify(error.reason), key)
    }))

  it.effect("404 is ContactNotFound; an id NGP could not have given is not even asked for", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/${id}`).reply(
        404,
        errors({ code: "NOT_FOUND", text: "The specified resource cannot be found." })
      )
      const missing = yield* Effect.flip(withDirectory((d) => d.get(id)))
      assert.deepStrictEqual([missing.reason._tag, missing.operation], ["ContactNotFound", "get"])
      const malformed = yield* Effect.flip(withDirectory((d) => d.get(ContactId.make("42"))))
      assert.strictEqual(malformed.reason._tag, "ContactNotFound")
      assert.isTrue(nock.isDone())
    }))

  it.effect("429 with Retry-After waits that long on the virtual clock, then retries", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      api().get(`${contactsPath}/${id}`).reply(() => {
        calls.n += 1
        return [429, errors({ code: "RATE_LIMIT_EXCEEDED", text: "Too many requests" }), { "Retry-After": "11" }]
      })
      api().get(`${contactsPath}/${id}`).reply(() => {
        calls.n += 1
        return [200, wire(id)]
      })
      const fiber = yield* Effect.forkChild(withDirectory((d) => d.get(id)))
      yield* waitFor(() => calls.n, 1)
      yield* TestClock.adjust("10 seconds")
      yield* settle
      assert.strictEqual(calls.n, 1)
      yield* TestClock.adjust("1 second")
      assert.strictEqual((yield* Fiber.join(fiber)).id, id)
      assert.strictEqual(calls.n, 2)
    }))

  it.effect("a 429 that lasts past the retries is RateLimited with the announced wait", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/${id}`).times(3).reply(
        429,
        errors({ code: "RATE_LIMIT_EXCEEDED", text: "Slow down" }),
        { "Retry-After": "1" }
      )
      const fiber = yield* Effect.forkChild(Effect.flip(withDirectory((d) => d.get(id))))
      for (let i = 0; i < 3; i++) {
        yield* settle
        yield* TestClock.adjust("1 second")
      }
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error.reason._tag, "RateLimited")
      assert.isTrue(error.reason._tag === "RateLimited" && error.reason.retryAfter !== undefined)
    }))

  it.effect("list pages by $skip while NGP names a next page, asking the configured URL, not nextPageLink", () =>
    Effect.gen(function*() {
      const page = (skip: number, ids: ReadonlyArray<string>, next: boolean) =>
        api().get(contactsPath).query({ $top: "2", $skip: String(skip) }).reply(200, {
          items: ids.map((i) => wire(i)),
          count: 5,
          nextPageLink: next ? `https://elsewhere.example/v2/contacts?$top=2&$skip=${skip + 2}` : null
        })
      page(0, ["VN0000000A1", "VN0000000A2"], true)
      page(2, ["VN0000000A3", "VN0000000A4"], true)
      page(4, ["VN0000000A5"], false)
      const contacts = yield* withDirectory((d) => Stream.runCollect(d.list({ pageSize: 2 })))
      assert.deepStrictEqual(Array.from(contacts, (c) => c.id), [
        "VN0000000A1",
        "VN0000000A2",
        "VN0000000A3",
        "VN0000000A4",
        "VN0000000A5"
      ])
      assert.isTrue(nock.isDone())
    }))

  it.effect("a page item off NGP's contract is UnexpectedResponse", () =>
    Effect.gen(function*() {
      api().get(contactsPath).query(true).reply(200, { items: [{ contactId: 7 }], count: 1, nextPageLink: null })
      const error = yield* Effect.flip(withDirectory((d) => Stream.runCollect(d.list())))
      assert.deepStrictEqual([error.reason._tag, error.operation], ["UnexpectedResponse", "list"])
    }))
})

describe("writes that cannot happen", () => {
  it.effect("remove is Unsupported before any request", () =>
    Effect.gen(function*() {
      const deleted = api().delete(`${contactsPath}/${id}`).reply(200, {})
      const read = api().get(`${contactsPath}/${id}`).reply(200, wire(id))
      const error = yield* Effect.flip(withDirectory((d) => d.remove(id)))
      assert.deepStrictEqual([error.reason._tag, error.operation], ["Unsupported", "remove"])
      assert.include(error.message, "delete")
      assert.isFalse(deleted.isDone() || read.isDone(), "remove sent a request")
    }))
})
