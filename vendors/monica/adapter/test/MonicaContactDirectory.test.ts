/**
 * The adapter against a nock-recorded Monica: paths, bodies, paging, Monica's error bodies,
 * the stale field-type retry, the create rollback, 429 handling under `TestClock`, and the API
 * key kept out of errors and logs.
 */
import { ContactId, FieldId } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, Logger, Stream } from "effect"
import { TestClock } from "effect/testing"
import nock from "nock"
import {
  apiKey,
  base,
  contactBody,
  emailType,
  fieldBody,
  monica,
  phoneType,
  run,
  twitterType,
  typesPage,
  useNock,
  withDir
} from "./support.ts"

useNock()

describe("MonicaContactDirectory", () => {
  it.effect("get reads the contact with its fields in one request", () =>
    Effect.gen(function*() {
      monica().get("/api/contacts/8").query({ with: "contactfields" }).reply(200, {
        data: contactBody(8, {
          contactFields: [fieldBody(11, "jim@example.com", emailType, ["work"]), fieldBody(12, "@jim", twitterType)]
        })
      })
      const contact = yield* run(withDir((d) => d.get(ContactId.make("8"))))
      assert.strictEqual(contact.id, "8")
      assert.deepStrictEqual(contact.name, { given: "Jim", family: "Halpert" })
      assert.deepStrictEqual(contact.fields, [
        { _tag: "Email", id: FieldId.make("11"), context: "work", address: "jim@example.com" },
        { _tag: "OnlineService", id: FieldId.make("12"), service: "twitter", user: "@jim" }
      ])
    }))

  it.effect("a missing contact is ContactNotFound (Monica error 31)", () =>
    Effect.gen(function*() {
      monica().get("/api/contacts/99").query(true).reply(404, {
        error: { message: "The resource has not been found", error_code: 31 }
      })
      const error = yield* run(Effect.flip(withDir((d) => d.get(ContactId.make("99")))))
      assert.strictEqual(error.reason._tag, "ContactNotFound")
      assert.strictEqual(error.operation, "get")
      assert.strictEqual(error.vendor, "monica")
    }))

  it.effect("401 is Unauthorized, and the key is in neither the error nor the logs", () =>
    Effect.gen(function*() {
      nock(base).get("/api/contacts/8").query(true).reply(401, { message: `Unauthenticated. ${apiKey}` })
      const lines: Array<string> = []
      const capture = Logger.layer([Logger.make((entry) => lines.push(JSON.stringify(entry.message)))])
      const error = yield* run(Effect.flip(withDir((d) => d.get(ContactId.make("8")))))
        .pipe(Effect.provide(capture))
      assert.strictEqual(error.reason._tag, "Unauthorized")
      assert.notInclude(`${error.message} ${JSON.stringify(error)} ${String(error)}`, apiKey)
      assert.notInclude(lines.join("\n"), apiKey)
    }))

  it.effect("list asks for contact fields with the contacts: one request per page", () =>
    Effect.gen(function*() {
      monica().get("/api/contacts").query({ with: "contactfields", page: "1", limit: "2" }).reply(200, {
        data: [contactBody(1), contactBody(2, { contactFields: [fieldBody(5, "+12025550123", phoneType, ["cell"])] })],
        meta: { current_page: 1, last_page: 2 }
      })
      monica().get("/api/contacts").query({ with: "contactfields", page: "2", limit: "2" }).reply(200, {
        data: [contactBody(3)],
        meta: { current_page: 2, last_page: 2 }
      })
      const contacts = yield* run(
        withDir((d) => Stream.runCollect(d.list({ pageSize: 2 })))
      )
      assert.deepStrictEqual(contacts.map((c) => c.id), ["1", "2", "3"])
      assert.deepStrictEqual(contacts[1]!.fields[0], {
        _tag: "Phone",
        id: FieldId.make("5"),
        number: "+12025550123",
        e164: "+12025550123",
        features: ["mobile"]
      })
    }))

  it.effect("create: a stale field-type id is refreshed and the field retried once", () =>
    Effect.gen(function*() {
      const bodies: Array<unknown> = []
      monica().post("/api/contacts", (body) => {
        bodies.push(body)
        return true
      }).reply(201, { data: contactBody(8) })
      monica().get("/api/contactfieldtypes").query(true).reply(200, typesPage([emailType]))
      monica().post("/api/contactfields", (body) => body.contact_field_type_id === 1).reply(422, {
        error: { message: ["The selected contact field type id is invalid."], error_code: 32 }
      })
      monica().get("/api/contactfieldtypes").query(true).reply(200, typesPage([{ ...emailType, id: 31 }]))
      monica().post("/api/contactfields", (body) => {
        bodies.push(body)
        return body.contact_field_type_id === 31
      }).reply(201, { data: fieldBody(40, "jim@example.com", { ...emailType, id: 31 }, ["home"]) })
      const result = yield* run(withDir((d) =>
        d.create({
          kind: "individual",
          name: { given: "Jim", family: "Halpert" },
          organization: {},
          fields: [{ _tag: "Email", address: "jim@example.com", context: "home" }]
        })
      ))
      assert.strictEqual(result.outcome, "created")
      assert.deepStrictEqual(result.contact.fields, [
        { _tag: "Email", id: FieldId.make("40"), context: "home", address: "jim@example.com" }
      ])
      assert.deepStrictEqual(bodies, [
        {
          first_name: "Jim",
          last_name: "Halpert",
          is_birthdate_known: false,
          is_deceased: false,
          is_deceased_date_known: false
        },
        { contact_id: 8, contact_field_type_id: 31, data: "jim@example.com", labels: ["home"] }
      ])
    }))

  it.effect("create: a field Monica refuses removes the half-created contact; issues point at the field", () =>
    Effect.gen(function*() {
      monica().post("/api/contacts").reply(201, { data: contactBody(8) })
      monica().get("/api/contactfieldtypes").query(true).reply(200, typesPage([emailType, phoneType]))
      monica().post("/api/contactfields").reply(201, { data: fieldBody(40, "jim@example.com", emailType) })
      monica().post("/api/contactfields").reply(422, {
        error: { message: ["The data may not be greater than 255 characters."], error_code: 32 }
      })
      monica().delete("/api/contacts/8").reply(200, { deleted: true, id: 8 })
      const error = yield* run(Effect.flip(withDir((d) =>
        d.create({
          kind: "individual",
          name: { given: "Jim" },
          organization: {},
          fields: [{ _tag: "Email", address: "jim@example.com" }, { _tag: "Phone", number: "+12025550123" }]
        })
      )))
      assert.strictEqual(error.reason._tag, "InvalidContact")
      if (error.reason._tag === "InvalidContact") {
        assert.deepStrictEqual(error.reason.issues, [
          { path: ["fields", 1, "number"], message: "The data may not be greater than 255 characters." }
        ])
      }
    }))

  it.effect("create: validation runs first, nothing is sent", () =>
    Effect.gen(function*() {
      const error = yield* run(Effect.flip(withDir((d) =>
        d.create({ kind: "individual", name: { family: "Halpert" }, organization: {}, fields: [] })
      )))
      assert.strictEqual(error.reason._tag, "InvalidContact")
    }))

  it.effect("429 with Retry-After is waited out on the clock, then the call succeeds", () =>
    Effect.gen(function*() {
      monica().get("/api/contacts/8").query(true).reply(429, {
        error: { message: "Too many attempts, please slow down the request", error_code: 34 }
      }, { "Retry-After": "7" })
      monica().get("/api/contacts/8").query(true).reply(200, { data: contactBody(8) })
      const fiber = yield* run(
        withDir((d) => d.get(ContactId.make("8"))),
        { retry: { times: 2 } }
      ).pipe(Effect.forkChild)
      yield* TestClock.adjust("6 seconds")
      assert.strictEqual(fiber.pollUnsafe(), undefined, "still waiting before Retry-After has passed")
      yield* TestClock.adjust("2 seconds")
      const contact = yield* Fiber.join(fiber)
      assert.strictEqual(contact.id, "8")
    }))

  it.effect("429 without retries left is RateLimited with the vendor's delay", () =>
    Effect.gen(function*() {
      monica().get("/api/contacts/8").query(true).reply(429, {
        error: { message: "Too many attempts, please slow down the request", error_code: 34 }
      }, { "Retry-After": "30" })
      const error = yield* run(Effect.flip(withDir((d) => d.get(ContactId.make("8")))))
      assert.strictEqual(error.reason._tag, "RateLimited")
      assert.isTrue(error.isRetryable)
    }))

  it.effect("update: read-modify-write of the contact, fields reconciled by id", () =>
    Effect.gen(function*() {
      const current = contactBody(8, {
        description: "Sales",
        contactFields: [fieldBody(11, "old@example.com", emailType), fieldBody(12, "@jim", twitterType)]
      })
      monica().get("/api/contacts/8").query(true).reply(200, { data: current })
      let put: unknown
      monica().put("/api/contacts/8", (body) => {
        put = body
        return true
      }).reply(200, { data: current })
      monica().get("/api/contactfieldtypes").query(true).reply(200, typesPage([emailType, phoneType, twitterType]))
      monica().put("/api/contactfields/11", {
        contact_id: 8,
        contact_field_type_id: 1,
        data: "new@example.com",
        labels: []
      }).reply(200, { data: fieldBody(11, "new@example.com", emailType) })
      monica().post("/api/contactfields", { contact_id: 8, contact_field_type_id: 2, data: "+12025550123", labels: [] })
        .reply(201, { data: fieldBody(13, "+12025550123", phoneType) })
      monica().delete("/api/contactfields/12").reply(200, { deleted: true, id: 12 })
      monica().get("/api/contacts/8").query(true).reply(200, {
        data: contactBody(8, {
          first_name: "James",
          contactFields: [fieldBody(11, "new@example.com", emailType), fieldBody(13, "+12025550123", phoneType)]
        })
      })
      const updated = yield* run(withDir((d) =>
        d.update(ContactId.make("8"), {
          name: { given: "James" },
          fields: [
            { _tag: "Email", id: FieldId.make("11"), address: "new@example.com" },
            { _tag: "Phone", number: "+12025550123" }
          ]
        })
      ))
      assert.deepStrictEqual(put, {
        first_name: "James",
        last_name: "Halpert",
        nickname: null,
        description: "Sales",
        is_birthdate_known: false,
        is_deceased: false,
        is_deceased_date_known: false
      })
      assert.strictEqual(updated.name.given, "James")
      assert.deepStrictEqual(updated.fields.map((f) => String(f.id)), ["11", "13"])
    }))

  it.effect("fields.add creates a type the account lacks (Website) once, then uses it", () =>
    Effect.gen(function*() {
      monica().get("/api/contactfieldtypes").query(true).reply(200, typesPage([emailType]))
      monica().post("/api/contactfieldtypes", { name: "Website" }).reply(201, {
        data: { id: 50, name: "Website", protocol: null, type: null }
      })
      monica().post("/api/contactfields", (b) => b.contact_field_type_id === 50).twice().reply(201, {
        data: fieldBody(60, "https://jim.example", { id: 50, name: "Website" })
      })
      const added = yield* run(withDir((d) =>
        Effect.zipWith(
          d.fields.add(ContactId.make("8"), { _tag: "Link", uri: "https://jim.example" }),
          d.fields.add(ContactId.make("8"), { _tag: "Link", uri: "https://jim.example" }),
          (a) => a
        )
      ))
      assert.deepStrictEqual(added, {
        _tag: "Link",
        id: FieldId.make("60"),
        uri: "https://jim.example",
        kind: "website"
      })
    }))

  it.effect("fields.update that drops every label deletes and re-adds the field (Monica keeps labels on a PUT without any)", () =>
    Effect.gen(function*() {
      const calls: Array<string> = []
      monica().get("/api/contactfields/70").reply(200, { data: fieldBody(70, "old@example.com", emailType, ["home"]) })
      monica().get("/api/contactfieldtypes").query(true).reply(200, typesPage([emailType, phoneType]))
      monica().delete("/api/contactfields/70").reply(() => (calls.push("DELETE 70"), [200, { deleted: true, id: 70 }]))
      monica().post("/api/contactfields", (body) => (calls.push(`POST ${JSON.stringify(body.labels)}`), true))
        .reply(201, { data: fieldBody(71, "new@example.com", emailType) })
      const stored = yield* run(
        withDir((d) =>
          d.fields.update(ContactId.make("8"), FieldId.make("70"), { _tag: "Email", address: "new@example.com" })
        )
      )
      assert.deepStrictEqual(calls, ["DELETE 70", "POST []"])
      assert.deepStrictEqual(stored, { _tag: "Email", id: FieldId.make("71"), address: "new@example.com" })
    }))

  it.effect("fields.update that keeps a label is one PUT", () =>
    Effect.gen(function*() {
      monica().get("/api/contactfields/70").reply(200, { data: fieldBody(70, "old@example.com", emailType, ["home"]) })
      monica().get("/api/contactfieldtypes").query(true).reply(200, typesPage([emailType, phoneType]))
      monica().put("/api/contactfields/70", (body) => body.labels[0] === "work")
        .reply(200, { data: fieldBody(70, "new@example.com", emailType, ["work"]) })
      const stored = yield* run(withDir((d) =>
        d.fields.update(ContactId.make("8"), FieldId.make("70"), {
          _tag: "Email",
          address: "new@example.com",
          context: "work"
        })
      ))
      assert.strictEqual(stored.id, FieldId.make("70"))
    }))

  it.effect("fields.remove checks the field belongs to the contact", () =>
    Effect.gen(function*() {
      monica().get("/api/contactfields/70").reply(200, {
        data: { ...fieldBody(70, "x@example.com", emailType), contact: { id: 9 } }
      })
      const error = yield* run(Effect.flip(withDir((d) => d.fields.remove(ContactId.make("8"), FieldId.make("70")))))
      assert.strictEqual(error.reason._tag, "ContactNotFound")
      assert.strictEqual(error.operation, "fields.remove")
    }))
})
