import { type ContactDraft, type ContactId, makePhone } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, Stream } from "effect"
import { TestClock } from "effect/testing"
import nock from "nock"
import { api, captureLogs, contactsPath, errorBody, settle, useNock, waitFor, withDirectory } from "./support.ts"

useNock()

const id = (s: string) => s as ContactId

const wire = (over: Record<string, unknown> = {}) => ({
  id: 42,
  first_name: "Ada",
  last_name: "Lovelace",
  emails: [{ type: "primary", email: "ada@example.org" }],
  phone_numbers: [{ type: "home", number: "(202) 555-0123", normalized: "+12025550123" }],
  addresses: [],
  group: { id: 7, name: "Friends" },
  created_at: 1700000000,
  updated_at: 1700000000,
  ...over
})

const draft: ContactDraft = {
  kind: "individual",
  name: { given: "Ada", family: "Lovelace" },
  organization: {},
  fields: [{ _tag: "Email", address: "ada@example.org", preferred: true }, makePhone("(202) 555-0123")]
}

describe("PhonecomContactDirectory", () => {
  it.effect("create POSTs the mapped input and returns the created contact", () =>
    Effect.gen(function*() {
      let sent: any
      api().post(contactsPath, (body) => (sent = body, true)).reply(201, wire())
      const result = yield* withDirectory((d) => d.create(draft))
      assert.strictEqual(result.outcome, "created")
      assert.strictEqual(result.contact.id, "42")
      assert.deepStrictEqual(sent.emails, [{ type: "primary", email: "ada@example.org" }])
      assert.deepStrictEqual(sent.phone_numbers, [{ type: "home", number: "(202) 555-0123" }])
      assert.deepStrictEqual(result.contact.fields[1], {
        _tag: "Phone",
        number: "(202) 555-0123",
        e164: "+12025550123",
        context: "home"
      })
    }))

  it.effect("create rejects what Phone.com cannot hold before sending anything", () =>
    Effect.gen(function*() {
      const emails = ["a@x.org", "b@x.org", "c@x.org"].map((address) => ({ _tag: "Email" as const, address }))
      const error = yield* Effect.flip(withDirectory((d) => d.create({ ...draft, fields: emails })))
      assert.strictEqual(error.reason._tag, "Unsupported")
      assert.strictEqual(error.operation, "create")
    }))

  it.effect("401 → Unauthorized", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/42`).reply(401, errorBody(401, "Unauthorized"))
      const error = yield* Effect.flip(withDirectory((d) => d.get(id("42"))))
      assert.strictEqual(error.reason._tag, "Unauthorized")
      assert.strictEqual(error.vendor, "phonecom")
    }))

  it.effect("404 → ContactNotFound with the id; a non-numeric id is not found without a request", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/9`).reply(404, errorBody(404, "Not found"))
      const error = yield* Effect.flip(withDirectory((d) => d.get(id("9"))))
      assert.isTrue(error.reason._tag === "ContactNotFound" && error.reason.id === "9")
      const other = yield* Effect.flip(withDirectory((d) => d.remove(id("abc"))))
      assert.strictEqual(other.reason._tag, "ContactNotFound")
    }))

  it.effect("422 @details are reported at the draft's domain paths", () =>
    Effect.gen(function*() {
      const twoEmails: ContactDraft = {
        ...draft,
        fields: [makePhone("(202) 555-0123"), { _tag: "Email", address: "a@x.org" }, {
          _tag: "Email",
          address: "b@x.org"
        }]
      }
      api().post(contactsPath).reply(
        422,
        errorBody(422, "Validation failed", {
          "@details": { "emails.1.email": ["The email is taken."], "first_name": ["Too odd."] }
        })
      )
      const error = yield* Effect.flip(withDirectory((d) => d.create(twoEmails)))
      assert.strictEqual(error.reason._tag, "InvalidContact")
      const issues = error.reason._tag === "InvalidContact" ? error.reason.issues : []
      assert.deepStrictEqual(issues.map((i) => i.path), [["fields", 2, "address"], ["name", "given"]])
      assert.strictEqual(issues[0]!.message, "The email is taken.")
    }))

  it.effect("429 with Retry-After waits on the virtual clock and retries", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      api().get(`${contactsPath}/42`).reply(() => {
        calls.n += 1
        return [429, errorBody(429, "Too much requests", { "@rateLimit": { "Retry-After": 11 } }), {
          "Retry-After": "11"
        }]
      })
      api().get(`${contactsPath}/42`).reply(() => {
        calls.n += 1
        return [200, wire()]
      })
      const fiber = yield* Effect.forkChild(withDirectory((d) => d.get(id("42"))))
      yield* waitFor(() => calls.n, 1)
      yield* TestClock.adjust("10 seconds")
      yield* settle
      assert.strictEqual(calls.n, 1)
      yield* TestClock.adjust("1 second")
      const contact = yield* Fiber.join(fiber)
      assert.strictEqual(contact.id, "42")
      assert.strictEqual(calls.n, 2)
    }))

  it.effect("429 without the header uses the @rateLimit hint in the body", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      api().get(`${contactsPath}/42`).reply(() => {
        calls.n += 1
        return [429, errorBody(429, "Too much requests", { "@rateLimit": { "Retry-After": 3 } })]
      })
      api().get(`${contactsPath}/42`).reply(200, wire())
      const fiber = yield* Effect.forkChild(withDirectory((d) => d.get(id("42"))))
      yield* waitFor(() => calls.n, 1)
      yield* TestClock.adjust("2 seconds")
      yield* settle
      assert.isFalse(nock.isDone())
      yield* TestClock.adjust("1 second")
      assert.strictEqual((yield* Fiber.join(fiber)).id, "42")
    }))

  it.effect("503 then success on a GET", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      api().get(`${contactsPath}/42`).reply(() => {
        calls.n += 1
        return [503, errorBody(503, "Service Unavailable")]
      })
      api().get(`${contactsPath}/42`).reply(200, wire())
      const fiber = yield* Effect.forkChild(withDirectory((d) => d.get(id("42"))))
      yield* waitFor(() => calls.n, 1)
      yield* TestClock.adjust("1 second")
      assert.strictEqual((yield* Fiber.join(fiber)).id, "42")
    }))

  it.effect("a timed-out POST is sent exactly once and fails with mayHaveSucceeded", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      api().post(contactsPath).times(3).reply(() => {
        calls.n += 1
        return new Promise<[number, unknown]>((resolve) => setTimeout(() => resolve([201, wire()]), 5000).unref())
      })
      const fiber = yield* Effect.forkChild(Effect.flip(withDirectory((d) => d.create(draft))))
      yield* waitFor(() => calls.n, 1)
      yield* TestClock.adjust("2 seconds")
      const error = yield* Fiber.join(fiber)
      assert.isTrue(error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded)
      assert.strictEqual(error.operation, "create")
      yield* settle
      assert.strictEqual(calls.n, 1)
    }))

  it.effect("malformed JSON → UnexpectedResponse", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/42`).reply(200, "{\"id\": 42, \"first_na", { "content-type": "application/json" })
      const error = yield* Effect.flip(withDirectory((d) => d.get(id("42"))))
      assert.strictEqual(error.reason._tag, "UnexpectedResponse")
      assert.isTrue(error.reason._tag === "UnexpectedResponse" && error.reason.bodyExcerpt!.startsWith("{\"id\": 42"))
    }))

  it.effect("update reads, patches and PUTs the whole contact back, keeping the group", () =>
    Effect.gen(function*() {
      let sent: any
      api().get(`${contactsPath}/42`).reply(200, wire())
      api().put(`${contactsPath}/42`, (body) => (sent = body, true)).reply(200, wire({ nickname: "Enchantress" }))
      const contact = yield* withDirectory((d) => d.update(id("42"), { name: { nickname: "Enchantress" } }))
      assert.deepStrictEqual(sent.group, { id: 7 })
      assert.strictEqual(sent.nickname, "Enchantress")
      assert.strictEqual(sent.first_name, "Ada")
      assert.deepStrictEqual(sent.emails, [{ type: "primary", email: "ada@example.org" }])
      assert.strictEqual(contact.name.nickname, "Enchantress")
    }))

  it.effect("fields.add is read-modify-write and returns the stored field", () =>
    Effect.gen(function*() {
      let sent: any
      api().get(`${contactsPath}/42`).reply(200, wire())
      api().put(`${contactsPath}/42`, (body) => (sent = body, true)).reply(
        200,
        wire({ emails: [{ type: "primary", email: "ada@example.org" }, { type: "alternate", email: "b@x.org" }] })
      )
      const field = yield* withDirectory((d) => d.fields.add(id("42"), { _tag: "Email", address: "b@x.org" }))
      assert.deepStrictEqual(field, { _tag: "Email", address: "b@x.org" })
      assert.strictEqual(sent.emails.length, 2)
      assert.deepStrictEqual(sent.group, { id: 7 })
    }))

  it.effect("list streams every contact by limit/offset", () =>
    Effect.gen(function*() {
      const page = (offset: number, n: number) => ({
        total: 5,
        offset,
        limit: 2,
        items: Array.from({ length: n }, (_, i) => wire({ id: offset + i + 1 }))
      })
      api().get(contactsPath).query({ limit: "2", offset: "0" }).reply(200, page(0, 2))
      api().get(contactsPath).query({ limit: "2", offset: "2" }).reply(200, page(2, 2))
      api().get(contactsPath).query({ limit: "2", offset: "4" }).reply(200, page(4, 1))
      const contacts = yield* withDirectory((d) => Stream.runCollect(d.list({ pageSize: 2 })))
      assert.deepStrictEqual(contacts.map((c) => c.id), ["1", "2", "3", "4", "5"])
      assert.isTrue(nock.isDone())
    }))

  it.live("the API key appears in no log line and no error message", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/42`).reply(401, errorBody(401, "Bad token pc_token_TOPSECRET_77"))
      api().post(contactsPath).reply(500, "upstream said Bearer pc_token_TOPSECRET_77")
      // A 503 then a success: the retry is logged, with the request it repeats.
      api().get(`${contactsPath}/43`).reply(503, "busy, pc_token_TOPSECRET_77")
      api().get(`${contactsPath}/43`).reply(200, wire({ id: 43 }))
      const [errors, lines] = yield* captureLogs(
        withDirectory((d) =>
          Effect.gen(function*() {
            const failures = yield* Effect.all([Effect.flip(d.get(id("42"))), Effect.flip(d.create(draft))])
            yield* d.get(id("43"))
            // What a caller does with a failure: log it, cause and all.
            for (const failure of failures) yield* Effect.logError("contact call failed", failure)
            return failures
          })
        )
      )
      for (const error of errors) {
        const text = `${error.message} ${JSON.stringify(error)} ${String(error)}`
        assert.notInclude(text, "TOPSECRET")
      }
      assert.include(JSON.stringify(errors[0]), "[redacted]")
      assert.isAtLeast(lines.length, 3, "the retry and both logged failures should have produced log lines")
      assert.isTrue(lines.some((line) => line.includes("retry")), "the retry should be logged")
      for (const line of lines) assert.notInclude(line, "TOPSECRET")
    }))
})
