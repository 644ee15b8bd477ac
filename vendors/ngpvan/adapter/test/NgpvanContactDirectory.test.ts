/**
 * The directory against the NGP VAN mock server (port 0): the dedupe outcome through the port, one field per type,
 * data the domain does not model surviving updates, read-modify-write field operations, and a remove that never
 * reaches the vendor.
 */
import { ContactDirectory, type ContactDraft, makePhone } from "@contactkit/domain"
import { ngpvan } from "@contactkit/mock-ngpvan"
import { layer as mockLayer, MockServer } from "@contactkit/mock-platform"
import { assert, layer } from "@effect/vitest"
import { Effect, Layer, Redacted, Stream } from "effect"
import { NgpvanContactDirectory } from "../src/index.ts"

const keyA = "11111111-1111-4111-8111-111111111111"

const mock = mockLayer(ngpvan, { port: 0 })
const directory = Layer.unwrap(
  Effect.map(
    MockServer,
    (server) =>
      NgpvanContactDirectory.layerFetch({ apiUrl: `${server.url}/v2`, apiKey: Redacted.make(keyA), rateLimit: false })
  )
)

/** The mock's own API, as another NGP client would use it. */
const raw = (method: string, path: string, body?: unknown) =>
  Effect.gen(function*() {
    const server = yield* MockServer
    const response = yield* Effect.promise(() =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { apiKey: keyA, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      })
    )
    return yield* Effect.promise(() => response.json() as Promise<any>)
  })

const requestCount = Effect.map(raw("GET", "/__admin/requests"), (log) => log.requests.length as number)

const draft = (given: string): ContactDraft => ({
  kind: "individual",
  name: { given, family: "Baker" },
  organization: { name: "SCLC", title: "Organizer" },
  fields: [
    { _tag: "Email", address: `${given.toLowerCase()}@example.org`, context: "home" },
    makePhone("(202) 555-0143", { features: ["mobile"] }),
    { _tag: "Address", street: "1 Main St\nApt 2", locality: "Atlanta", region: "GA", context: "work" }
  ]
})

layer(Layer.provideMerge(directory, mock))("NgpvanContactDirectory against the mock", (it) => {
  it.effect("the same draft twice: created, then merged into the same contact, which is listed once", () =>
    Effect.gen(function*() {
      const contacts = yield* ContactDirectory
      const first = yield* contacts.create(draft("Ella"))
      const second = yield* contacts.create(draft("Ella"))
      assert.deepStrictEqual([first.outcome, second.outcome], ["created", "merged"])
      assert.strictEqual(second.contact.id, first.contact.id)
      assert.deepStrictEqual(second.contact.fields, first.contact.fields)
      const listed = yield* Stream.runCollect(contacts.list({ pageSize: 2 }))
      assert.strictEqual(Array.from(listed).filter((c) => c.id === first.contact.id).length, 1)
    }))

  it.effect("remove is Unsupported and sends nothing", () =>
    Effect.gen(function*() {
      const contacts = yield* ContactDirectory
      const { contact } = yield* contacts.create(draft("Septima"))
      const before = yield* requestCount
      const error = yield* Effect.flip(contacts.remove(contact.id))
      assert.strictEqual(error.reason._tag, "Unsupported")
      assert.strictEqual(yield* requestCount, before)
      assert.strictEqual((yield* contacts.get(contact.id)).id, contact.id)
    }))

  it.effect("an update keeps contact codes, disclosures and an email's opt-out set through NGP's own API", () =>
    Effect.gen(function*() {
      const contacts = yield* ContactDirectory
      const { contact } = yield* contacts.create(draft("Diane"))
      yield* raw("POST", `/v2/contacts/${contact.id}`, {
        contactCodes: [{ contactCodeId: 1022 }],
        disclosureFields: [{ disclosureFieldId: 2114, designationId: 8, value: 2013 }],
        emails: [{ address: "diane@example.org", type: "PERSONAL", doNotEmail: true }]
      })
      const updated = yield* contacts.update(contact.id, {
        name: { middle: "Judith" },
        fields: [...contact.fields, { _tag: "Email", address: "dn@example.com" }]
      })
      assert.strictEqual(updated.name.middle, "Judith")
      const stored = yield* raw("GET", `/v2/contacts/${contact.id}`)
      assert.deepStrictEqual(stored.contactCodes, [{ contactCodeId: 1022 }])
      assert.deepStrictEqual(stored.disclosureFields, [{ disclosureFieldId: 2114, designationId: 8, value: 2013 }])
      assert.deepStrictEqual(
        stored.emails.map((e: { address: string; doNotEmail: boolean }) => [e.address, e.doNotEmail]),
        [["diane@example.org", true], ["dn@example.com", false]]
      )
    }))

  it.effect("field operations read, change and write; a second field of one type is refused and writes nothing", () =>
    Effect.gen(function*() {
      const contacts = yield* ContactDirectory
      const { contact } = yield* contacts.create({ ...draft("Fannie"), fields: [] })
      const added = yield* contacts.fields.add(contact.id, makePhone("6625550110", { context: "home" }))
      assert.deepStrictEqual(added, { _tag: "Phone", number: "6625550110", e164: "+16625550110", context: "home" })
      const before = yield* requestCount
      const twice = yield* Effect.flip(contacts.fields.add(contact.id, makePhone("6625550111", { context: "home" })))
      assert.strictEqual(twice.reason._tag, "Unsupported")
      assert.strictEqual(yield* requestCount, before + 1, "only the read before the refused write")
      const updated = yield* contacts.fields.update(contact.id, 0, makePhone("6625550112", { features: ["fax"] }))
      assert.deepStrictEqual(updated, { _tag: "Phone", number: "6625550112", e164: "+16625550112", features: ["fax"] })
      yield* contacts.fields.remove(contact.id, 0)
      assert.deepStrictEqual(yield* contacts.fields.list(contact.id), [])
    }))
})
