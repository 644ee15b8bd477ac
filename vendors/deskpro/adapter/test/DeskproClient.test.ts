/**
 * The error paths of the Deskpro client, through the directory, against nock: 401, 404, 400 `invalid_input` with
 * nested `fields` reported at domain paths, 429, a 5xx on a write, and bodies that are not JSON.
 */
import type { ContactDraft, ContactError, ContactId } from "@contactkit/domain"
import { makePhone } from "@contactkit/domain"
import { ContactDirectory } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Effect, Layer, Stream } from "effect"
import { FetchHttpClient } from "effect/http"
import nock from "nock"
import { DeskproContactDirectory } from "../src/index.ts"
import { api, deskproError, envelope, people, person, secret, useNock, withDirectory } from "./support.ts"

useNock()

const issuesOf = (error: ContactError) => (error.reason._tag === "InvalidContact" ? error.reason.issues : [])
const id = (value: string) => value as ContactId

const draft: ContactDraft = {
  kind: "individual",
  name: { prefix: "Ms", given: "Joanne", family: "Bloggs" },
  organization: { name: "Acme", title: "Engineer" },
  fields: [
    { _tag: "Email", address: "joanne@example.com" },
    { _tag: "OnlineService", service: "twitter", user: "@jb" },
    makePhone("+1 202 555 0143", { label: "Office" }),
    { _tag: "OnlineService", service: "skype", user: "joanne.b" },
    { _tag: "Email", address: "jb@example.org", preferred: true },
    { _tag: "Address", street: "10 Testing Street", locality: "Beverly Hills" }
  ]
}

describe("DeskproClient error paths", () => {
  it.effect("401: an unknown key is Unauthorized, and the key shows nowhere in the error", () =>
    Effect.gen(function*() {
      api().get(people).query(true).reply(401, deskproError(401, "invalid_auth", `no such key: ${secret}`))
      const error = yield* Effect.flip(withDirectory((d) => Stream.runCollect(d.list())))
      assert.strictEqual(error.reason._tag, "Unauthorized")
      assert.strictEqual(error.operation, "list")
      assert.notInclude(JSON.stringify(error), secret)
      assert.notInclude(error.message, secret)
    }))

  it.effect("404 on a person is ContactNotFound; an id Deskpro could never have is one without a request", () =>
    Effect.gen(function*() {
      api().get(`${people}/41`).query({ include: "organization" }).reply(404, deskproError(404, "not_found", "gone"))
      const missing = yield* Effect.flip(withDirectory((d) => d.get(id("41"))))
      assert.deepStrictEqual([missing.reason._tag, missing.operation], ["ContactNotFound", "get"])
      assert.strictEqual(missing.reason._tag === "ContactNotFound" && missing.reason.id, "41")
      const odd = yield* Effect.flip(withDirectory((d) => d.remove(id("abc"))))
      assert.strictEqual(odd.reason._tag, "ContactNotFound")
      assert.isTrue(nock.isDone())
    }))

  it.effect("400 invalid_input: each nested field error is reported at the domain path of the value sent", () =>
    Effect.gen(function*() {
      const sent: Array<any> = []
      api().post(people, (body) => (sent.push(body), true)).query({ include: "organization" }).reply(
        400,
        deskproError(400, "invalid_input", "Request input is invalid.", {
          errors: [{ code: "extra_fields", message: "Unexpected field names: colour" }],
          fields: {
            first_name: { errors: [{ code: "too_long", message: "too long" }] },
            emails: { fields: { emails_1: { errors: [{ code: "dupe_email", message: "in use" }] } } },
            primary_email: { errors: [{ code: "dupe_email", message: "primary in use" }] },
            phone_numbers: {
              fields: { phone_numbers_0: { fields: { label: { errors: [{ code: "x", message: "label" }] } } } }
            },
            contact_data: {
              fields: {
                instant_message: {
                  fields: {
                    instant_message_0: {
                      fields: { service: { errors: [{ code: "invalid_choice", message: "bad service" }] } }
                    }
                  }
                },
                address: { fields: { address_0: { fields: { city: { errors: [{ code: "x", message: "city" }] } } } } },
                twitter: {
                  fields: { twitter_0: { fields: { username: { errors: [{ code: "x", message: "handle" }] } } } }
                }
              }
            }
          }
        })
      )
      const error = yield* Effect.flip(withDirectory((d) => d.create(draft)))
      assert.strictEqual(error.reason._tag, "InvalidContact")
      const paths = issuesOf(error).map((i) => [i.message, i.path])
      assert.sameDeepMembers(paths, [
        ["Unexpected field names: colour", []],
        ["first_name: too long", ["name", "given"]],
        ["emails.emails_1: in use", ["fields", 4, "address"]],
        ["primary_email: primary in use", ["fields", 4, "address"]],
        ["phone_numbers.phone_numbers_0.label: label", ["fields", 2, "label"]],
        ["contact_data.instant_message.instant_message_0.service: bad service", ["fields", 3, "service"]],
        ["contact_data.address.address_0.city: city", ["fields", 5, "locality"]],
        ["contact_data.twitter.twitter_0.username: handle", ["fields", 1, "user"]]
      ])
      // What was sent: the preferred email as primary, contact data keyed by type in Deskpro's order.
      assert.strictEqual(sent[0].primary_email, "jb@example.org")
      assert.deepStrictEqual(sent[0].emails, ["joanne@example.com", "jb@example.org"])
      assert.deepStrictEqual(Object.keys(sent[0].contact_data), ["address", "instant_message", "twitter"])
      assert.deepStrictEqual(sent[0].contact_data.instant_message, [{ service: "skype", username: "joanne.b" }])
      assert.deepStrictEqual(sent[0].phone_numbers, [{ number: "+1 202 555 0143", label: "Office" }])
      assert.deepStrictEqual([sent[0].organization, sent[0].organization_position], ["Acme", "Engineer"])
    }))

  // Live: the retry's backoff sleeps on the real clock.
  it.live("429 is RateLimited once retries are spent; it was retried first", () =>
    Effect.gen(function*() {
      let calls = 0
      api().get(`${people}/7`).query(true).times(2).reply(() => {
        calls++
        return [429, deskproError(429, "rate_limit_exceeded", "Rate Limit Exceeded")]
      })
      const error = yield* Effect.flip(
        withDirectory((d) => d.get(id("7")), { retry: { times: 1, base: "1 millis", max: "1 millis" } })
      )
      assert.strictEqual(error.reason._tag, "RateLimited")
      assert.strictEqual(calls, 2)
    }))

  it.effect("a 5xx on a create may have succeeded, and the create is not retried", () =>
    Effect.gen(function*() {
      let calls = 0
      api().post(people).query(true).times(3).reply(() => {
        calls++
        return [500, { status: 500, code: "server_error", message: "oops" }]
      })
      const error = yield* Effect.flip(withDirectory((d) => d.create(draft), { retry: { times: 2, base: "1 millis" } }))
      assert.strictEqual(error.reason._tag, "VendorUnavailable")
      assert.isTrue(error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded)
      assert.strictEqual(calls, 1)
    }))

  it.effect("a 5xx on the PUT of an update may have succeeded too", () =>
    Effect.gen(function*() {
      api().get(`${people}/7`).query(true).reply(200, envelope(person(7)))
      api().put(`${people}/7`).reply(503, { status: 503, code: "service_unavailable", message: "down" })
      const error = yield* Effect.flip(withDirectory((d) => d.update(id("7"), { name: { given: "Augusta" } })))
      assert.deepStrictEqual([error.reason._tag, error.operation], ["VendorUnavailable", "update"])
      assert.isTrue(error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded)
    }))

  it.effect("malformed JSON: a read is UnexpectedResponse; a create's 201 may still have created the person", () =>
    Effect.gen(function*() {
      api().get(`${people}/7`).query(true).reply(200, "{\"data\": {\"id\": 7,", { "content-type": "application/json" })
      const read = yield* Effect.flip(withDirectory((d) => d.get(id("7"))))
      assert.strictEqual(read.reason._tag, "UnexpectedResponse")
      api().post(people).query(true).reply(201, "<<malformed>>", { "content-type": "application/json" })
      const created = yield* Effect.flip(withDirectory((d) => d.create(draft)))
      assert.strictEqual(created.reason._tag, "VendorUnavailable")
      assert.isTrue(created.reason._tag === "VendorUnavailable" && created.reason.mayHaveSucceeded)
    }))

  it.effect("a person that does not match Deskpro's contract is UnexpectedResponse naming it", () =>
    Effect.gen(function*() {
      api().get(`${people}/7`).query(true).reply(200, envelope(person(7, { emails: "ada@example.org" })))
      const error = yield* Effect.flip(withDirectory((d) => d.get(id("7"))))
      assert.strictEqual(error.reason._tag, "UnexpectedResponse")
      assert.include(error.reason._tag === "UnexpectedResponse" ? error.reason.detail : "", "emails")
    }))

  it.effect("lists page by page with count, until meta.pagination's last page", () =>
    Effect.gen(function*() {
      for (const page of [1, 2]) {
        api().get(people).query({ page: String(page), count: "2", include: "organization" }).reply(200, {
          data: [
            person(page * 10, { emails: [`p${page}a@example.org`], primary_email: `p${page}a@example.org` }),
            person(page * 10 + 1)
          ],
          meta: { pagination: { total: 4, count: 2, per_page: 2, current_page: page, total_pages: 2 } },
          linked: {}
        })
      }
      const listed = yield* withDirectory((d) => Stream.runCollect(d.list({ pageSize: 2 })))
      assert.deepStrictEqual(listed.map((c) => c.id), ["10", "11", "20", "21"])
      assert.isTrue(nock.isDone())
    }))

  it.effect("layerConfig reads DESKPRO_API_URL and DESKPRO_API_KEY and sends the key the Deskpro way", () =>
    Effect.gen(function*() {
      api().get(`${people}/5`).query({ include: "organization" }).reply(200, envelope(person(5)))
      const contact = yield* Effect.flatMap(ContactDirectory, (d) => d.get(id("5"))).pipe(
        Effect.provide(
          DeskproContactDirectory.layerConfig().pipe(
            Layer.provide(FetchHttpClient.layer),
            Layer.provide(ConfigProvider.layer(ConfigProvider.fromUnknown({
              DESKPRO_API_URL: "http://deskpro.test/api/v2",
              DESKPRO_API_KEY: secret
            })))
          )
        )
      )
      assert.strictEqual(contact.name.given, "Ada")
      assert.isTrue(nock.isDone())
    }))
})
