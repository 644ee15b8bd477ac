/**
 * The directory against the Deskpro mock: a round trip of generated contacts holds exactly what the capabilities
 * project, and read-modify-write keeps what the domain does not model — twitter's `display_feed`, instagram's
 * `instagram_id`, a phone's extension, records the domain cannot read — and leaves lists it does not touch alone.
 */
import { type Contact, ContactDirectory, type ContactDraft, type ContactId, project } from "@contactkit/domain"
import { contactDraftArb } from "@contactkit/domain/testing"
import { deskpro } from "@contactkit/mock-deskpro"
import { layer as mockLayer, MockServer } from "@contactkit/mock-platform"
import { assert, layer } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"
import fc from "fast-check"
import { DeskproCapabilities, DeskproContactDirectory } from "../src/index.ts"

const key = "1:deskpro-key-a"

const directoryAtMock = Layer.unwrap(
  Effect.map(
    MockServer,
    (server) =>
      DeskproContactDirectory.layerFetch({
        apiUrl: `${server.url}/api/v2`,
        apiKey: Redacted.make(key),
        rateLimit: false
      })
  )
)

/** The mock's own API, beside the adapter: to set up and inspect what the domain does not see. */
const raw = (method: string, path: string, body?: unknown) =>
  Effect.gen(function*() {
    const server = yield* MockServer
    const response = yield* Effect.promise(() =>
      fetch(`${server.url}/api/v2${path}`, {
        method,
        headers: { authorization: `key ${key}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      })
    )
    const text = yield* Effect.promise(() => response.text())
    return { status: response.status, json: text === "" ? undefined : JSON.parse(text) }
  })

/** What a round trip compares: no vendor ids, timestamps or raw record. */
const comparable = (contact: Contact | ContactDraft): ContactDraft => ({
  kind: contact.kind,
  name: contact.name,
  organization: contact.organization,
  fields: contact.fields.map(({ id: _id, ...field }) => field)
})

/** A generated draft cut to what Deskpro accepts (what `validate` would refuse is dropped). */
const storable = (draft: ContactDraft): ContactDraft => {
  const { origins } = project(DeskproCapabilities, { ...draft, fields: draft.fields })
  return { ...draft, fields: origins.map((i) => draft.fields[i]!) }
}

layer(Layer.provideMerge(directoryAtMock, mockLayer(deskpro, { port: 0 })))("Deskpro directory on the mock", (it) => {
  it.effect("a round trip of generated contacts holds exactly what the capabilities project", () =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      for (const [i, generated] of fc.sample(contactDraftArb, { seed: 4030, numRuns: 40 }).entries()) {
        const draft = storable(generated)
        const { contact } = yield* directory.create(draft)
        const read = yield* directory.get(contact.id)
        const expected = comparable(project(DeskproCapabilities, draft).contact)
        assert.deepStrictEqual(comparable(read), expected, `contact ${i}: ${JSON.stringify(draft)}`)
        assert.deepStrictEqual(comparable(contact), expected, `created ${i}`)
        yield* directory.remove(contact.id)
      }
    }))

  it.effect("updating one record keeps twitter's display_feed, instagram's id and the records it cannot read", () =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const created = yield* raw("POST", "/people", {
        first_name: "Joanne",
        primary_email: "rmw@example.com",
        phone_numbers: [{ number: "+44 20 7946 0018", label: "Office", extension: "12" }],
        contact_data: {
          website: [{ url: "www.no-scheme.example" }],
          twitter: [{ username: "@jb", display_feed: true }],
          instagram: [{ username: "jb", instagram_id: "abc123" }]
        }
      })
      const id = String(created.json.data.id) as ContactId
      const before = yield* directory.get(id)
      const twitter = before.fields.find((f) => f._tag === "OnlineService" && f.service === "twitter")!
      yield* directory.fields.update(id, twitter.id!, { _tag: "OnlineService", service: "twitter", user: "@jb2" })
      // The list was rewritten: its records have new ids, so the instagram record is looked up again.
      const instagram = (yield* directory.fields.list(id)).find((f) =>
        f._tag === "OnlineService" && f.service === "instagram"
      )!
      yield* directory.fields.update(id, instagram.id!, { _tag: "OnlineService", service: "instagram", user: "jb2" })
      const after = (yield* raw("GET", `/people/${id}`)).json.data
      const records = after.contact_data.map(({ id: _, ...r }: Record<string, unknown>) => r)
      assert.deepStrictEqual(records, [
        { contact_type: "website", comment: "", url: "www.no-scheme.example" },
        { contact_type: "twitter", comment: "", username: "@jb2", display_feed: true },
        { contact_type: "instagram", comment: "", username: "jb2", instagram_id: "abc123" }
      ])
      assert.deepStrictEqual(after.phone_numbers, created.json.data.phone_numbers, "phones were not touched")

      const phone = (yield* directory.fields.list(id)).findIndex((f) => f._tag === "Phone")
      yield* directory.fields.update(id, phone, { _tag: "Phone", number: "+44 20 7946 0018", label: "Desk" })
      const phones = (yield* raw("GET", `/people/${id}`)).json.data.phone_numbers
      assert.deepStrictEqual(phones, [{
        number: "+44 20 7946 0018",
        label: "Desk",
        extension: "12",
        person: Number(id),
        type: "person"
      }])
    }))

  it.effect("a name update leaves the lists alone: contact-data ids stay as they were", () =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const { contact } = yield* directory.create({
        kind: "individual",
        name: { given: "Ada" },
        organization: { name: "Analytical Engines", title: "Analyst" },
        fields: [
          { _tag: "Email", address: "ada.stable@example.com" },
          { _tag: "Address", locality: "London", label: "Home" },
          { _tag: "OnlineService", service: "skype", user: "ada.l" }
        ]
      })
      const updated = yield* directory.update(contact.id, { name: { given: "Augusta", prefix: "Lady" } })
      assert.deepStrictEqual(updated.fields, contact.fields)
      assert.deepStrictEqual(updated.name, { prefix: "Lady", given: "Augusta" })
      assert.deepStrictEqual(updated.organization, { name: "Analytical Engines", title: "Analyst" })
      const withEmail = yield* directory.fields.add(contact.id, { _tag: "Email", address: "second@example.com" })
      assert.deepStrictEqual(withEmail, { _tag: "Email", address: "second@example.com" })
      const afterAdd = yield* directory.get(contact.id)
      assert.deepStrictEqual(
        afterAdd.fields.filter((f) => f._tag !== "Email"),
        contact.fields.filter((f) => f._tag !== "Email")
      )
    }))

  it.effect("a preferred email added becomes the primary one; removing it hands primary to the first", () =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const { contact } = yield* directory.create({
        kind: "individual",
        name: { given: "Grace" },
        organization: {},
        fields: [{ _tag: "Email", address: "grace.one@example.com" }]
      })
      const added = yield* directory.fields.add(contact.id, {
        _tag: "Email",
        address: "grace.two@example.com",
        preferred: true
      })
      assert.deepStrictEqual(added, { _tag: "Email", address: "grace.two@example.com", preferred: true })
      assert.strictEqual((yield* raw("GET", `/people/${contact.id}`)).json.data.primary_email, "grace.two@example.com")
      yield* directory.fields.remove(contact.id, 1)
      assert.deepStrictEqual(yield* directory.fields.list(contact.id), [
        { _tag: "Email", address: "grace.one@example.com", preferred: true }
      ])
    }))
})
