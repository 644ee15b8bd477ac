/**
 * The organisation half of a contact: Monica keeps job title and company outside the contact PUT, behind
 * `PUT /api/contacts/{id}/work`, and shows them under `information.career`. Against a nock-recorded Monica.
 */
import { ContactDirectory, ContactId } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import nock from "nock"
import { afterEach, beforeAll } from "vitest"
import { MonicaContactDirectory } from "../src/index.ts"

const base = "http://monica.test"
const apiKey = "s3cret-monica-token"

const run = <A, E>(f: (directory: ContactDirectory.Service) => Effect.Effect<A, E>) =>
  Effect.provide(
    Effect.gen(function*() {
      return yield* f(yield* ContactDirectory)
    }),
    MonicaContactDirectory.layerFetch({
      apiUrl: `${base}/api`,
      apiKey: Redacted.make(apiKey),
      rateLimit: false,
      retry: { times: 0 }
    })
  )

const monica = () => nock(base, { reqheaders: { authorization: `Bearer ${apiKey}` } })

const contactBody = (career: { readonly job: string | null; readonly company: string | null }) => ({
  id: 8,
  object: "contact",
  first_name: "Jim",
  last_name: "Halpert",
  nickname: null,
  description: null,
  is_partial: false,
  is_dead: false,
  information: { career, dates: { birthdate: { date: null }, deceased_date: { date: null } } },
  created_at: "2024-01-01T00:00:00Z",
  updated_at: "2024-01-01T00:00:00Z"
})

beforeAll(() => {
  nock.disableNetConnect()
})
afterEach(() => {
  const pending = nock.pendingMocks()
  nock.cleanAll()
  assert.deepStrictEqual(pending, [], "every recorded Monica call was made")
})

describe("MonicaContactDirectory work", () => {
  it.effect("create sends the organisation to /work and reads it back from information.career", () =>
    Effect.gen(function*() {
      monica().post("/api/contacts").reply(201, { data: contactBody({ job: null, company: null }) })
      monica().put("/api/contacts/8/work", { job: "Salesman", company: "Dunder Mifflin" })
        .reply(200, { data: contactBody({ job: "Salesman", company: "Dunder Mifflin" }) })
      const { contact } = yield* run((d) =>
        d.create({
          kind: "individual",
          name: { given: "Jim", family: "Halpert" },
          organization: { name: "Dunder Mifflin", title: "Salesman" },
          fields: []
        })
      )
      assert.deepStrictEqual(contact.organization, { name: "Dunder Mifflin", title: "Salesman" })
    }))

  it.effect("create without an organisation does not call /work", () =>
    Effect.gen(function*() {
      monica().post("/api/contacts").reply(201, { data: contactBody({ job: null, company: null }) })
      const { contact } = yield* run((d) =>
        d.create({ kind: "individual", name: { given: "Jim" }, organization: {}, fields: [] })
      )
      assert.deepStrictEqual(contact.organization, {})
    }))

  it.effect("a patch of the title keeps the company Monica has, and leaves the contact PUT alone", () =>
    Effect.gen(function*() {
      monica().get("/api/contacts/8").query({ with: "contactfields" })
        .reply(200, { data: contactBody({ job: "Salesman", company: "Dunder Mifflin" }) })
      monica().put("/api/contacts/8/work", { job: "Regional Manager", company: "Dunder Mifflin" })
        .reply(200, { data: contactBody({ job: "Regional Manager", company: "Dunder Mifflin" }) })
      monica().get("/api/contacts/8").query({ with: "contactfields" })
        .reply(200, { data: contactBody({ job: "Regional Manager", company: "Dunder Mifflin" }) })
      const updated = yield* run((d) => d.update(ContactId.make("8"), { organization: { title: "Regional Manager" } }))
      assert.deepStrictEqual(updated.organization, { name: "Dunder Mifflin", title: "Regional Manager" })
    }))

  it.effect("Monica's 422 on /work names the organisation path, and the half-created contact is removed", () =>
    Effect.gen(function*() {
      monica().post("/api/contacts").reply(201, { data: contactBody({ job: null, company: null }) })
      monica().put("/api/contacts/8/work").reply(422, {
        error: { message: ["The company may not be greater than 255 characters."], error_code: 32 }
      })
      monica().delete("/api/contacts/8").reply(200, { deleted: true, id: "8" })
      const error = yield* Effect.flip(
        run((d) =>
          d.create({ kind: "individual", name: { given: "Jim" }, organization: { name: "Dunder Mifflin" }, fields: [] })
        )
      )
      assert.strictEqual(error.reason._tag, "InvalidContact")
      if (error.reason._tag === "InvalidContact") {
        assert.deepStrictEqual(error.reason.issues.map((i) => i.path), [["organization", "name"]])
      }
    }))
})
