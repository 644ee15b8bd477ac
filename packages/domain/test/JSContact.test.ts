import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import fc from "fast-check"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import type { Contact } from "../src/Contact.ts"
import type { ContactField } from "../src/ContactField.ts"
import type { ContactId, FieldId } from "../src/ContactId.ts"
import { Card, decodeCard, fromCard, toCard, toUTCDateTime } from "../src/JSContact.ts"
import { contactArb } from "../src/testing/Arbitraries.ts"

/**
 * One file per case under `fixtures/jscontact/`: `{ source, card, expected }` for a Card that must
 * decode to `expected`, or `{ source, card, error }` for one that must be refused with these issues.
 * The cards are the examples printed in RFC 9553, wrapped in a minimal Card where the RFC shows a fragment.
 */
interface Fixture {
  readonly source: string
  readonly card: unknown
  readonly expected?: unknown
  readonly error?: ReadonlyArray<unknown>
}
const fixtureDir = join(import.meta.dirname, "fixtures", "jscontact")
const fixtures = readdirSync(fixtureDir)
  .filter((file) => file.endsWith(".json"))
  .map((file) => [file, JSON.parse(readFileSync(join(fixtureDir, file), "utf8")) as Fixture] as const)

const contact = (fields: ReadonlyArray<ContactField>, extra: Partial<Contact> = {}): Contact => ({
  id: "c-1" as ContactId,
  kind: "individual",
  name: { given: "Ada", family: "Lovelace" },
  organization: {},
  fields,
  ...extra
})

/** The contact with its timestamps in the one form RFC 9553 allows (the same instants). */
const canonical = (c: Contact): Contact => ({
  ...c,
  ...(c.createdAt === undefined ? {} : { createdAt: toUTCDateTime(c.createdAt) }),
  ...(c.updatedAt === undefined ? {} : { updatedAt: toUTCDateTime(c.updatedAt) })
})

/** Through JSON text and back, as a card would really travel. */
const viaJson = (c: Contact) => decodeCard(JSON.parse(JSON.stringify(toCard(c))))

describe("JSContact fixtures (RFC 9553 examples)", () => {
  it("has fixtures to run", () => assert.isAtLeast(fixtures.length, 20))

  for (const [file, fixture] of fixtures) {
    it.effect(`${file}: ${fixture.source}`, () =>
      Effect.gen(function*() {
        if (fixture.error !== undefined) {
          const error = yield* Effect.flip(decodeCard(fixture.card))
          assert.deepStrictEqual(error.issues, fixture.error)
        } else {
          assert.deepStrictEqual(yield* decodeCard(fixture.card), fixture.expected)
        }
      }))
  }
})

describe("toCard / fromCard", () => {
  it("gives back every contact it exports, through JSON (remote aside)", () =>
    fc.assert(
      fc.property(contactArb, (c) => {
        assert.deepStrictEqual(Effect.runSync(viaJson(c)), canonical(c))
      }),
      { numRuns: 300 }
    ))

  it("writes Cards that the Card schema accepts", () =>
    fc.assert(
      fc.property(contactArb, (c) => {
        const card = toCard(c)
        assert.deepStrictEqual(Schema.decodeUnknownSync(Card)(card), card)
        assert.strictEqual(card["@type"], "Card")
        assert.strictEqual(card.version, "1.0")
      })
    ))

  it("writes timestamps in the RFC's one UTCDateTime form", () => {
    assert.strictEqual(toUTCDateTime("2024-01-02T03:04:05.000Z"), "2024-01-02T03:04:05Z")
    assert.strictEqual(toUTCDateTime("2024-01-02T03:04:05.120Z"), "2024-01-02T03:04:05.12Z")
    assert.strictEqual(toUTCDateTime("2024-01-02T03:04:05.003Z"), "2024-01-02T03:04:05.003Z")
    assert.strictEqual(toUTCDateTime("2024-01-02T03:04:05Z"), "2024-01-02T03:04:05Z")
    assert.strictEqual(toCard(contact([], { createdAt: "2024-01-02T03:04:05.500Z" })).created, "2024-01-02T03:04:05.5Z")
  })

  it("maps the model to RFC 9553 names", () => {
    const card = toCard(contact([
      { _tag: "Email", address: "ada@example.com", context: "home", preferred: true, label: "Personal" },
      {
        _tag: "Phone",
        number: "(202) 555-0123",
        e164: "+12025550123",
        features: ["mobile", "text"],
        context: "work",
        preferred: false
      },
      { _tag: "Address", street: "1 Main St", locality: "Springfield", countryCode: "US", label: "HQ" },
      { _tag: "OnlineService", service: "linkedin", user: "ada" },
      { _tag: "Link", uri: "https://ada.example.com", kind: "blog" }
    ], {
      kind: "organization",
      name: { prefix: "Dr.", given: "Ada", middle: "Augusta", family: "Lovelace", suffix: "FRS", nickname: "Countess" },
      organization: { name: "Analytical Engines", department: "Research", title: "Mathematician", role: "Author" }
    }))
    assert.deepStrictEqual(card, {
      "@type": "Card",
      version: "1.0",
      uid: "c-1",
      kind: "org",
      name: {
        components: [
          { kind: "title", value: "Dr." },
          { kind: "given", value: "Ada" },
          { kind: "given2", value: "Augusta" },
          { kind: "surname", value: "Lovelace" },
          { kind: "credential", value: "FRS" }
        ]
      },
      nicknames: { n1: { name: "Countess" } },
      organizations: { o1: { name: "Analytical Engines", units: [{ name: "Research" }] } },
      titles: {
        t1: { kind: "title", name: "Mathematician", organizationId: "o1" },
        r1: { kind: "role", name: "Author", organizationId: "o1" }
      },
      emails: { e1: { address: "ada@example.com", label: "Personal", contexts: { private: true }, pref: 1 } },
      phones: {
        p1: {
          number: "(202) 555-0123",
          features: { mobile: true, text: true },
          "contactkit:e164": "+12025550123",
          contexts: { work: true },
          pref: 100
        }
      },
      addresses: {
        a1: {
          components: [{ kind: "name", value: "1 Main St" }, { kind: "locality", value: "Springfield" }],
          countryCode: "US",
          "contactkit:label": "HQ"
        }
      },
      onlineServices: { s1: { service: "LinkedIn", user: "ada" } },
      links: { l1: { uri: "https://ada.example.com", kind: "contactkit:blog" } }
    })
  })

  it("keys fields by their vendor id, and generates stable keys that never take one", () => {
    const card = toCard(contact([
      { _tag: "Email", address: "a@example.com" },
      { _tag: "Email", address: "b@example.com", id: "e1" as FieldId },
      { _tag: "Email", address: "c@example.com", id: "not a JSContact id" as FieldId }
    ]))
    assert.deepStrictEqual(Object.keys(card.emails ?? {}), ["e2", "e1", "e3"])
    assert.strictEqual(card.emails?.e1?.["contactkit:id"], "e1")
    assert.strictEqual(card.emails?.e3?.["contactkit:id"], "not a JSContact id")
    assert.deepStrictEqual(toCard(contact([{ _tag: "Email", address: "a@example.com" }])).emails, {
      e1: { address: "a@example.com" }
    })
  })

  it("writes the context other and the field order only as contactkit extensions", () => {
    const fields: ReadonlyArray<ContactField> = [
      { _tag: "Phone", number: "12" },
      { _tag: "Email", address: "a@example.com", context: "other" }
    ]
    const card = toCard(contact(fields))
    assert.deepStrictEqual(card.emails?.e1, { address: "a@example.com", "contactkit:context": "other" })
    assert.deepStrictEqual(card["contactkit:fieldOrder"], ["phones/p1", "emails/e1"])
    assert.isUndefined(toCard(contact([...fields].reverse()))["contactkit:fieldOrder"])
  })

  it("never exports the vendor's remote record", () => {
    const card = toCard(contact([], { remote: { vendor: "acme-crm", record: { secret_note: "do not leak" } } }))
    assert.notInclude(JSON.stringify(card), "do not leak")
    assert.notInclude(JSON.stringify(card), "acme-crm")
  })

  it.effect("reads other JSContact producers' spellings", () =>
    Effect.gen(function*() {
      const decoded = yield* decodeCard({
        "@type": "Card",
        version: "1.0",
        uid: "u1",
        phones: { a: { number: "tel:+1-202-555-0123", features: { video: true, voice: true }, pref: 2 } },
        onlineServices: { b: { service: "SKYPE", user: "ada" }, c: { service: "x", user: "ada" } },
        links: { d: { uri: "https://example.com", kind: "example.com:cv" } },
        addresses: { e: { full: "1 Main St, Springfield", countryCode: "us", contexts: { billing: true } } }
      })
      assert.deepStrictEqual(decoded.fields, [
        { _tag: "Phone", number: "+1-202-555-0123", e164: "+12025550123", features: ["voice"], preferred: false },
        { _tag: "Address", street: "1 Main St, Springfield", countryCode: "US" },
        { _tag: "OnlineService", service: "skype", user: "ada" },
        { _tag: "OnlineService", service: "twitter", user: "ada" },
        { _tag: "Link", uri: "https://example.com", kind: "other" }
      ])
    }))

  it.effect("refuses a Card that breaks a domain rule, naming the domain path and the Card property", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(decodeCard({
        "@type": "Card",
        version: "1.0",
        uid: "u1",
        emails: { work: { address: "not-an-email" } }
      }))
      assert.strictEqual(error._tag, "InvalidContact")
      assert.deepStrictEqual(error.issues, [{
        path: ["fields", 0, "address"],
        message: "must be an e-mail address (JSContact emails/work)"
      }])
    }))

  it.effect("refuses input that is not a Card, naming the Card path", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(decodeCard({ "@type": "Card", version: "1.0", emails: { e1: {} } }))
      assert.deepStrictEqual(error.issues.map((issue) => issue.path), [["uid"], ["emails", "e1", "address"]])
    }))

  it.effect("fromCard takes a typed Card", () =>
    Effect.gen(function*() {
      const decoded = yield* fromCard({
        "@type": "Card",
        version: "1.0",
        uid: "u1",
        kind: "org",
        name: { full: "ACME" }
      })
      assert.strictEqual(decoded.kind, "organization")
      assert.deepStrictEqual(decoded.name, { full: "ACME" })
    }))
})
