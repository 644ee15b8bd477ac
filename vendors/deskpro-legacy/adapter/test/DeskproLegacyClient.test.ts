/**
 * The adapter against a nock-recorded helpdesk: the API's error bodies as reasons with domain paths, the 429
 * without Retry-After that waits for X-RateLimit-Reset, a 5xx on a write, and the key kept out of errors.
 */
import { type ContactDraft, ContactId, FieldId } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber } from "effect"
import { TestClock } from "effect/testing"
import nock from "nock"
import { api, apiKey, errorBody, origin, personBody, settle, useNock, waitFor, withDirectory } from "./support.ts"

useNock()

const draft: ContactDraft = {
  kind: "individual",
  name: { given: "Ada", family: "Lovelace" },
  organization: {},
  fields: [{ _tag: "Email", address: "ada@example.com" }, { _tag: "Link", uri: "https://ada.example" }]
}

const issuesOf = (error: { readonly reason: unknown }) => {
  const reason = error.reason as { readonly _tag: string; readonly issues?: ReadonlyArray<{ path: unknown }> }
  return [reason._tag, reason.issues?.map((i) => i.path)] as const
}

describe("Deskpro Legacy client errors", () => {
  it.effect("401 invalid_auth is Unauthorized, and the key is in no error text", () =>
    Effect.gen(function*() {
      nock(origin).get("/api/people/1").reply(
        401,
        errorBody("invalid_auth", "Please provide a valid API key or token"),
        {
          "www-authenticate": "Basic realm=\"API\""
        }
      )
      const error = yield* Effect.flip(withDirectory((d) => d.get(ContactId.make("1"))))
      assert.strictEqual(error.reason._tag, "Unauthorized")
      assert.notInclude(JSON.stringify(error), "legacy_SECRET_key")
    }))

  it.effect("404 http_error.404 for a person is ContactNotFound; an id that is not digits is never sent", () =>
    Effect.gen(function*() {
      api().get("/api/people/9").reply(404, errorBody("http_error.404", "There is no person with ID 9"))
      const error = yield* Effect.flip(withDirectory((d) => d.get(ContactId.make("9"))))
      assert.deepStrictEqual([error.reason._tag, (error.reason as { id?: string }).id], ["ContactNotFound", "9"])
      const other = yield* Effect.flip(withDirectory((d) => d.get(ContactId.make("abc"))))
      assert.strictEqual(other.reason._tag, "ContactNotFound")
    }))

  it.effect("the multiple-errors body of a create is InvalidContact, each field at its domain path", () =>
    Effect.gen(function*() {
      api().post("/api/people").reply(400, {
        error_code: "multiple",
        errors: {
          name: ["required_field.name", "name is empty or missing"],
          email: ["invalid_argument.email", "email already exists"]
        }
      })
      const error = yield* Effect.flip(withDirectory((d) => d.create(draft)))
      assert.deepStrictEqual(issuesOf(error), ["InvalidContact", [["name"], ["fields", 0, "address"]]])
      assert.include(error.message, "email already exists")
    }))

  it.effect("each contact-details code is InvalidContact at the field it was sent for", () =>
    Effect.gen(function*() {
      const codes: ReadonlyArray<readonly [string, string]> = [
        ["required_field.type", "type is empty or missing"],
        ["required_field.data", "data is empty or missing"],
        ["invalid_argument.type", "type is invalid"],
        ["invalid_argument.data", "data contains invalid data"]
      ]
      for (const [code, message] of codes) {
        api().get("/api/people/1").reply(200, { person: personBody(1) })
        api().post("/api/people/1/contact-details").reply(400, errorBody(code, message))
        const error = yield* Effect.flip(
          withDirectory((d) => d.fields.add(ContactId.make("1"), { _tag: "Link", uri: "https://ada.example" }))
        )
        assert.deepStrictEqual(issuesOf(error), ["InvalidContact", [["fields", 1]]], code)
        assert.include(error.message, code)
      }
    }))

  it.effect("e-mail refusals are InvalidContact at the address; the last e-mail's removal at the fields", () =>
    Effect.gen(function*() {
      for (
        const [code, message] of [["required_field.email", "email missing"], ["invalid_argument.email", "email in use"]]
      ) {
        api().get("/api/people/1").reply(200, { person: personBody(1) })
        api().post("/api/people/1/emails").reply(400, errorBody(code!, message!))
        const error = yield* Effect.flip(
          withDirectory((d) => d.fields.add(ContactId.make("1"), { _tag: "Email", address: "b@example.com" }))
        )
        assert.deepStrictEqual(issuesOf(error), ["InvalidContact", [["fields", 1, "address"]]], code)
      }
      // A person whose record list changed under us: the server refuses to remove its last address.
      api().get("/api/people/1").reply(200, {
        person: personBody(1, {
          emails: [{ id: 31, email: "ada@example.com" }, { id: 32, email: "b@example.com" }]
        })
      })
      api().delete("/api/people/1/emails/32").reply(400, errorBody("required_field", "cannot remove the last email"))
      const last = yield* Effect.flip(
        withDirectory((d) => d.fields.remove(ContactId.make("1"), FieldId.make("email:32")))
      )
      assert.deepStrictEqual(issuesOf(last), ["InvalidContact", [["fields"]]])
    }))

  it.effect("a 429 without Retry-After waits until X-RateLimit-Reset, then succeeds", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(1_700_000_000_000)
      const calls = { n: 0 }
      api().get("/api/people/1").times(2).reply(() => {
        calls.n += 1
        return calls.n === 1
          ? [429, errorBody("rate_limit_exceeded", "Rate Limit Exceeded"), {
            "x-ratelimit-limit": "1000",
            "x-ratelimit-remaining": "0",
            "x-ratelimit-reset": "1700000030"
          }]
          : [200, { person: personBody(1) }]
      })
      const fiber = yield* Effect.forkChild(withDirectory((d) => d.get(ContactId.make("1"))))
      yield* waitFor(() => calls.n, 1)
      yield* TestClock.adjust("29 seconds")
      yield* settle
      assert.strictEqual(calls.n, 1, "retried before the reset time")
      yield* TestClock.adjust("1 second")
      const contact = yield* Fiber.join(fiber)
      assert.strictEqual(contact.id, "1")
      assert.strictEqual(calls.n, 2)
    }))

  it.effect("a 5xx on a create fails at once with VendorUnavailable{mayHaveSucceeded: true}, not retried", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      api().post("/api/people").times(2).reply(() => {
        calls.n += 1
        return [500, errorBody("http_error.500", "Internal server error.")]
      })
      const error = yield* Effect.flip(withDirectory((d) => d.create(draft)))
      assert.strictEqual(error.reason._tag, "VendorUnavailable")
      assert.isTrue(error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded)
      assert.strictEqual(calls.n, 1)
    }))

  it.effect("sends instant messaging as instant_message in a JSON create, with the key in its header", () =>
    Effect.gen(function*() {
      let sent: any
      api().post("/api/people", (body) => {
        sent = body
        return true
      }).reply(201, { id: 12 }, { location: `${origin}/api/people/12` })
      api().get("/api/people/12").reply(200, { person: personBody(12) })
      yield* withDirectory((d) =>
        d.create({
          ...draft,
          fields: [{ _tag: "Email", address: "ada@example.com" }, {
            _tag: "OnlineService",
            service: "aim",
            user: "ada"
          }]
        })
      )
      assert.deepStrictEqual(sent, {
        name: "Ada Lovelace",
        email: "ada@example.com",
        contact_data: [{ type: "instant_message", comment: "", data: { service: "aim", username: "ada" } }]
      })
      assert.isDefined(apiKey)
    }))
})
