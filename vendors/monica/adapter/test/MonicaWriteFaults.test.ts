/**
 * Writes reported truthfully against the Monica mock (on port 0) with its `truncated` and `malformed` faults:
 * the mock stores the write, then cuts or garbles its answer. A create whose contact POST lost its answer finds
 * the contact and finishes it — one contact, with its field; a create whose later step lost its answer deletes
 * the contact again and says nothing was created; an idempotent step whose answer was cut is simply repeated.
 * What Monica holds afterwards is read through its own API, not through the adapter.
 */
import { ContactDirectory, type ContactDraft } from "@contactkit/domain"
import { makeMonica } from "@contactkit/mock-monica"
import { layer as mockServer, MockServer } from "@contactkit/mock-platform"
import { assert, layer } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"
import { FetchHttpClient, HttpClient, HttpClientRequest } from "effect/http"
import { MonicaContactDirectory } from "../src/index.ts"

const token = "monica-token-a"

/** The mock's admin API: a clean seeded state, then one fault. */
const inject = (url: string, fault: Record<string, unknown>) =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    yield* client.execute(HttpClientRequest.post(`${url}/__admin/reset`))
    yield* client.execute(HttpClientRequest.post(`${url}/__admin/seed`))
    const added = yield* client.execute(
      HttpClientRequest.bodyJsonUnsafe(HttpClientRequest.post(`${url}/__admin/faults`), fault)
    )
    assert.strictEqual(added.status, 201, "the fault was set")
  })

/** The contacts Monica holds under `name`, with their fields, through Monica's own search. */
const stored = (url: string, name: string) =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const response = yield* client.execute(
      HttpClientRequest.get(`${url}/api/contacts`, { urlParams: { query: name, with: "contactfields" } }).pipe(
        HttpClientRequest.bearerToken(token)
      )
    )
    const body = (yield* response.json) as {
      readonly data: ReadonlyArray<{ readonly first_name: string; readonly contactFields: ReadonlyArray<unknown> }>
    }
    return body.data.filter((contact) => contact.first_name === name)
  })

const create = (url: string, draft: ContactDraft) =>
  Effect.gen(function*() {
    return yield* (yield* ContactDirectory).create(draft)
  }).pipe(Effect.provide(MonicaContactDirectory.layer({
    apiUrl: `${url}/api`,
    apiKey: Redacted.make(token),
    rateLimit: false,
    retry: { times: 2, base: "10 millis", max: "10 millis" }
  })))

const draft = (given: string): ContactDraft => ({
  kind: "individual",
  name: { given, family: "Beesly" },
  organization: { name: "Dunder Mifflin", title: "Receptionist" },
  fields: [{ _tag: "Email", address: `${given.toLowerCase()}@example.com`, context: "work" }]
})

// The real clock: the adapter's retry backoff, the mock's timestamps and the create's time window all run on it.
layer(mockServer(makeMonica({ rateLimit: false }), { port: 0 }).pipe(Layer.merge(FetchHttpClient.layer)), {
  excludeTestServices: true
})(
  "Monica create under faults",
  (it) => {
    for (const kind of ["truncated", "malformed"] as const) {
      it.effect(`the contact POST's answer is ${kind}: the contact is found and finished — one, with its field`, () =>
        Effect.gen(function*() {
          const { url } = yield* MockServer
          const given = `Pam${kind}`
          yield* inject(url, { kind, method: "POST", path: "/api/contacts" })
          const result = yield* create(url, draft(given))
          assert.strictEqual(result.outcome, "created")
          assert.deepStrictEqual(result.contact.organization, { name: "Dunder Mifflin", title: "Receptionist" })
          const held = yield* stored(url, given)
          assert.strictEqual(held.length, 1, "exactly one contact")
          assert.strictEqual(held[0]!.contactFields.length, 1, "with its e-mail")
          assert.strictEqual(String(result.contact.id), String((held[0] as unknown as { id: number }).id))
        }))

      it.effect(`a field POST's answer is ${kind}: the contact is deleted again, and the create did not happen`, () =>
        Effect.gen(function*() {
          const { url } = yield* MockServer
          const given = `Angela${kind}`
          yield* inject(url, { kind, method: "POST", path: "/api/contactfields" })
          const error = yield* Effect.flip(create(url, draft(given)))
          assert.strictEqual(error.operation, "create")
          assert.strictEqual(error.reason._tag, "VendorUnavailable")
          assert.isTrue(error.reason._tag === "VendorUnavailable" && !error.reason.mayHaveSucceeded)
          assert.isTrue(error.isRetryable, "nothing was left: a retry is safe")
          assert.deepStrictEqual(yield* stored(url, given), [])
        }))
    }

    it.effect("the work PUT's answer is cut: a PUT may be repeated, so it is, and the create succeeds", () =>
      Effect.gen(function*() {
        const { url } = yield* MockServer
        yield* inject(url, { kind: "truncated", method: "PUT", path: "/api/contacts/:id/work" })
        const result = yield* create(url, draft("Oscar"))
        assert.deepStrictEqual(result.contact.organization, { name: "Dunder Mifflin", title: "Receptionist" })
        const held = yield* stored(url, "Oscar")
        assert.strictEqual(held.length, 1)
        assert.strictEqual(held[0]!.contactFields.length, 1)
      }))
  }
)
