/**
 * A create whose contact POST lost its answer (a 201 with a garbled body): the adapter looks among the newest
 * contacts for the one it made, and carries on only when exactly one fits — what was sent, nothing added since.
 * Every other case is reported as a write that may have happened. And a rollback that fails says so.
 */
import type { ContactDraft } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { contactBody, emailType, fieldBody, monica, run, typesPage, useNock, withDir } from "./support.ts"

useNock()

const draft: ContactDraft = {
  kind: "individual",
  name: { given: "Jim", family: "Halpert" },
  organization: {},
  fields: [{ _tag: "Email", address: "jim@example.com" }]
}

const newest = { with: "contactfields", sort: "-created_at", page: "1", limit: "25" }
const lostAnswer = () => monica().post("/api/contacts").reply(201, `{"data": {"id": 3<<malformed>>`)
const create = run(withDir((d) => d.create(draft)))

describe("MonicaContactDirectory.create when the contact's answer is lost", () => {
  it.effect("exactly one new contact holds what was sent: the create carries on with it", () =>
    Effect.gen(function*() {
      lostAnswer()
      monica().get("/api/contacts").query(newest).reply(200, {
        data: [
          contactBody(32, { first_name: "Dwight", last_name: "Schrute" }),
          contactBody(31),
          contactBody(30, { contactFields: [fieldBody(5, "jim@old.example", emailType)] })
        ]
      })
      monica().get("/api/contactfieldtypes").query(true).reply(200, typesPage([emailType]))
      let fieldFor: unknown
      monica().post("/api/contactfields", (body) => (fieldFor = body.contact_id, true)).reply(201, {
        data: fieldBody(40, "jim@example.com", emailType)
      })
      const result = yield* create
      assert.strictEqual(result.contact.id, "31")
      assert.strictEqual(fieldFor, 31, "the field went onto the contact that was found")
      assert.deepStrictEqual(result.contact.fields.map((f) => f._tag), ["Email"])
    }))

  it.effect("two contacts fit: nothing more is written, and the create may have happened", () =>
    Effect.gen(function*() {
      lostAnswer()
      monica().get("/api/contacts").query(newest).reply(200, { data: [contactBody(31), contactBody(29)] })
      const error = yield* Effect.flip(create)
      assert.isTrue(error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded)
      assert.include(
        error.reason._tag === "VendorUnavailable" ? error.reason.detail : "",
        "contacts 31, 29 all hold it"
      )
    }))

  it.effect("none fits (another name, or already holding fields): the create may have happened", () =>
    Effect.gen(function*() {
      lostAnswer()
      monica().get("/api/contacts").query(newest).reply(200, {
        data: [
          contactBody(31, { nickname: "Big Tuna" }),
          contactBody(30, { contactFields: [fieldBody(5, "jim@example.com", emailType)] }),
          contactBody(29, { information: { career: { job: "Sales", company: null } } })
        ]
      })
      const error = yield* Effect.flip(create)
      assert.isTrue(error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded)
      assert.include(error.reason._tag === "VendorUnavailable" ? error.reason.detail : "", "no new contact")
    }))

  it.effect("the lookup itself fails: the lost answer is what is reported", () =>
    Effect.gen(function*() {
      lostAnswer()
      monica().get("/api/contacts").query(newest).reply(500, { error: { message: "down", error_code: 40 } })
      const error = yield* Effect.flip(create)
      assert.isTrue(error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded)
      assert.strictEqual(error.reason._tag === "VendorUnavailable" ? error.reason.status : 0, 201)
    }))
})

describe("MonicaContactDirectory.create when a later step fails", () => {
  it.effect("a field's answer is lost and the rollback fails too: may have happened, naming the contact", () =>
    Effect.gen(function*() {
      monica().post("/api/contacts").reply(201, { data: contactBody(8) })
      monica().get("/api/contactfieldtypes").query(true).reply(200, typesPage([emailType]))
      monica().post("/api/contactfields").reply(201, "<<malformed>>")
      monica().delete("/api/contacts/8").reply(500, { error: { message: "down" } })
      const error = yield* Effect.flip(create)
      assert.isTrue(error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded)
      assert.include(error.reason._tag === "VendorUnavailable" ? error.reason.detail : "", "contact 8 was created")
    }))

  it.effect("a field's answer is lost and the rollback works: nothing was created, a retry is safe", () =>
    Effect.gen(function*() {
      monica().post("/api/contacts").reply(201, { data: contactBody(8) })
      monica().get("/api/contactfieldtypes").query(true).reply(200, typesPage([emailType]))
      monica().post("/api/contactfields").reply(201, "<<malformed>>")
      monica().delete("/api/contacts/8").reply(200, { deleted: true, id: 8 })
      const error = yield* Effect.flip(create)
      assert.isTrue(error.reason._tag === "VendorUnavailable" && !error.reason.mayHaveSucceeded)
      assert.isTrue(error.isRetryable)
    }))
})
