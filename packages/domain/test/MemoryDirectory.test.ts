import { assert, describe, it, layer } from "@effect/vitest"
import { Effect, Stream } from "effect"
import { TestClock } from "effect/testing"
import { type Capabilities, lossless, unsupportedField } from "../src/Capabilities.ts"
import type { ContactDraft } from "../src/Contact.ts"
import { ContactDirectory } from "../src/ContactDirectory.ts"
import type { ContactId, FieldId } from "../src/ContactId.ts"
import { layerMemory, makeMemory } from "../src/MemoryDirectory.ts"
import { project } from "../src/Projection.ts"

const ada: ContactDraft = {
  kind: "individual",
  name: { given: "Ada", family: "Lovelace" },
  organization: { name: "Analytical Engines" },
  fields: [
    { _tag: "Email", id: "ignored" as FieldId, address: "ada@example.com", context: "home", label: "Personal" },
    { _tag: "Phone", number: "(202) 555-0123", features: ["voice"] }
  ]
}

const named = (given: string): ContactDraft => ({ ...ada, name: { given } })

/** Two e-mails at most, no labels, no addresses, no deletes, no field ids. */
const restrictive: Capabilities = {
  ...lossless,
  vendor: "restrictive",
  remove: false,
  fields: {
    ...lossless.fields,
    Email: { ...lossless.fields.Email, maxCount: 2, labels: { _tag: "None" }, fieldIds: false },
    Phone: { ...lossless.fields.Phone, fieldIds: false },
    Address: unsupportedField()
  }
}

const reasonOf = <A>(effect: Effect.Effect<A, { readonly reason: { readonly _tag: string } }>) =>
  Effect.map(Effect.flip(effect), (e) => e.reason._tag)

describe("memory ContactDirectory", () => {
  it.effect("create assigns ids, field ids and timestamps, and get returns the same contact", () =>
    Effect.gen(function*() {
      yield* TestClock.adjust("1 hour")
      const directory = yield* makeMemory()
      const { contact, outcome } = yield* directory.create(ada)
      assert.strictEqual(outcome, "created")
      assert.strictEqual(contact.id, "1")
      assert.deepStrictEqual(contact.fields.map((f) => String(f.id)), ["1", "2"])
      assert.strictEqual(contact.createdAt, "1970-01-01T01:00:00.000Z")
      assert.strictEqual(contact.updatedAt, contact.createdAt)
      assert.strictEqual(contact.remote?.vendor, "memory")
      assert.deepStrictEqual(contact.fields[1], {
        _tag: "Phone",
        id: "2" as FieldId,
        number: "(202) 555-0123",
        e164: "+12025550123",
        features: ["voice"]
      })
      assert.deepStrictEqual(yield* directory.get(contact.id), contact)
      const second = yield* directory.create(named("Charles"))
      assert.strictEqual(second.contact.id, "2")
    }))

  it.effect("stores what project says the vendor keeps", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory(restrictive)
      const { contact } = yield* directory.create(ada)
      const expected = project(restrictive, ada).contact
      assert.deepStrictEqual(contact.fields, expected.fields)
      assert.isUndefined(contact.fields[0]?.label)
    }))

  it.effect("get of an unknown id fails with ContactNotFound", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory()
      const error = yield* Effect.flip(directory.get("42" as ContactId))
      assert.strictEqual(error.reason._tag, "ContactNotFound")
      assert.strictEqual(error.operation, "get")
      assert.strictEqual(error.vendor, "memory")
    }))

  it.effect("invalid and unsupported input fail before anything is stored", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory(restrictive)
      const tooMany: ContactDraft = {
        ...ada,
        fields: ["a", "b", "c"].map((l) => ({ _tag: "Email" as const, address: `${l}@example.com` }))
      }
      const unsupported = yield* Effect.flip(directory.create(tooMany))
      assert.strictEqual(unsupported.reason._tag, "Unsupported")
      assert.strictEqual(unsupported.operation, "create")
      assert.deepStrictEqual(unsupported.message.split("\n")[0], "restrictive create: Unsupported")
      const invalid = yield* Effect.flip(directory.create({
        ...ada,
        fields: [{ _tag: "Address", locality: "London" }, { _tag: "Email", address: "x".repeat(300) + "@example.com" }]
      }))
      assert.strictEqual(invalid.reason._tag, "InvalidContact")
      assert.include(invalid.message, "at [\"fields\"][1][\"address\"]: Expected a value with a length of at most 254")
      const all = yield* Stream.runCollect(directory.list())
      assert.strictEqual(all.length, 0)
      // The failed creates used no id.
      assert.strictEqual((yield* directory.create(ada)).contact.id, "1")
    }))

  it.effect("a value rule broken anywhere makes the reason InvalidContact", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory({ ...restrictive, nameMaxLength: 5 })
      const error = yield* Effect.flip(directory.create({
        ...ada,
        fields: [{ _tag: "Address", locality: "London" }]
      }))
      assert.strictEqual(error.reason._tag, "InvalidContact")
      assert.include(error.message, "at [\"name\"][\"family\"]: must be at most 5 characters for restrictive")
      assert.include(error.message, "at [\"fields\"][0]: restrictive cannot store Address fields")
    }))

  it.effect("update applies the patch, keeps field ids and moves updatedAt", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory()
      const { contact } = yield* directory.create(ada)
      yield* TestClock.adjust("1 minute")
      const updated = yield* directory.update(contact.id, { name: { given: "Augusta", family: null } })
      assert.deepStrictEqual(updated.name, { given: "Augusta" })
      assert.deepStrictEqual(updated.fields, contact.fields)
      assert.deepStrictEqual(updated.organization, contact.organization)
      assert.strictEqual(updated.createdAt, contact.createdAt)
      assert.strictEqual(updated.updatedAt, "1970-01-01T00:01:00.000Z")
      assert.deepStrictEqual(yield* directory.get(contact.id), updated)
      const replaced = yield* directory.update(contact.id, {
        fields: [contact.fields[1]!, { _tag: "Link", uri: "https://ada.example" }]
      })
      assert.deepStrictEqual(replaced.fields.map((f) => String(f.id)), ["2", "3"])
      assert.strictEqual(yield* reasonOf(directory.update("9" as ContactId, {})), "ContactNotFound")
      const invalid = yield* Effect.flip(directory.update(contact.id, { fields: [{ _tag: "Phone", number: "" }] }))
      assert.strictEqual(invalid.operation, "update")
      assert.strictEqual(invalid.reason._tag, "InvalidContact")
      assert.deepStrictEqual(yield* directory.get(contact.id), replaced)
    }))

  it.effect("remove deletes; get then fails with ContactNotFound", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory()
      const { contact } = yield* directory.create(ada)
      yield* directory.remove(contact.id)
      assert.strictEqual(yield* reasonOf(directory.get(contact.id)), "ContactNotFound")
      assert.strictEqual(yield* reasonOf(directory.remove(contact.id)), "ContactNotFound")
    }))

  it.effect("remove is Unsupported when the vendor cannot delete", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory(restrictive)
      const { contact } = yield* directory.create(ada)
      assert.strictEqual(yield* reasonOf(directory.remove(contact.id)), "Unsupported")
      assert.strictEqual((yield* directory.get(contact.id)).id, contact.id)
    }))

  it.effect("field operations by id and by index", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory()
      const { contact } = yield* directory.create(ada)
      const added = yield* directory.fields.add(contact.id, { _tag: "Link", uri: "https://ada.example", kind: "blog" })
      assert.deepStrictEqual(added, { _tag: "Link", id: "3" as FieldId, uri: "https://ada.example", kind: "blog" })
      const updated = yield* directory.fields.update(contact.id, "1" as FieldId, {
        _tag: "Email",
        address: "augusta@example.com"
      })
      assert.deepStrictEqual(updated, { _tag: "Email", id: "1" as FieldId, address: "augusta@example.com" })
      yield* directory.fields.remove(contact.id, 1)
      const fields = yield* directory.fields.list(contact.id)
      assert.deepStrictEqual(fields.map((f) => String(f.id)), ["1", "3"])
      assert.deepStrictEqual(fields, (yield* directory.get(contact.id)).fields)
    }))

  it.effect("field operations without vendor field ids go by index", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory(restrictive)
      const { contact } = yield* directory.create({ ...ada, fields: [] })
      const added = yield* directory.fields.add(contact.id, { _tag: "Email", address: "a@example.com", label: "x" })
      assert.deepStrictEqual(added, { _tag: "Email", address: "a@example.com" })
      yield* directory.fields.add(contact.id, { _tag: "Email", address: "b@example.com" })
      const third = yield* Effect.flip(directory.fields.add(contact.id, { _tag: "Email", address: "c@example.com" }))
      assert.strictEqual(third.reason._tag, "Unsupported")
      assert.strictEqual(third.operation, "fields.add")
      yield* directory.fields.update(contact.id, 0, { _tag: "Email", address: "z@example.com" })
      const fields = yield* directory.fields.list(contact.id)
      assert.deepStrictEqual(fields.map((f) => f._tag === "Email" && f.address), ["z@example.com", "b@example.com"])
    }))

  it.effect("an unknown field ref is InvalidContact at its path; an unknown contact is ContactNotFound", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory()
      const { contact } = yield* directory.create(ada)
      const byId = yield* Effect.flip(directory.fields.update(contact.id, "99" as FieldId, ada.fields[0]!))
      assert.strictEqual(byId.reason._tag, "InvalidContact")
      assert.include(byId.message, "at [\"fields\"][\"99\"]: no field with this id")
      const byIndex = yield* Effect.flip(directory.fields.remove(contact.id, 5))
      assert.include(byIndex.message, "at [\"fields\"][5]: no field at this index")
      assert.strictEqual(yield* reasonOf(directory.fields.list("9" as ContactId)), "ContactNotFound")
      assert.strictEqual(yield* reasonOf(directory.fields.add("9" as ContactId, ada.fields[0]!)), "ContactNotFound")
      assert.deepStrictEqual((yield* directory.get(contact.id)).fields.length, 2)
    }))

  it.effect("list pages through everything in id order, nothing missed or repeated", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory()
      for (let i = 0; i < 11; i++) yield* directory.create(named(`P${i}`))
      yield* directory.remove("4" as ContactId)
      const listed = yield* Stream.runCollect(directory.list({ pageSize: 2 }))
      assert.deepStrictEqual(listed.map((c) => c.id), ["1", "2", "3", "5", "6", "7", "8", "9", "10", "11"])
      const empty = yield* makeMemory()
      assert.strictEqual((yield* Stream.runCollect(empty.list({ pageSize: 2 }))).length, 0)
    }))

  it.effect("list reads the next page only when the stream gets there", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory()
      for (let i = 0; i < 3; i++) yield* directory.create(named(`P${i}`))
      // A contact created while the first page is consumed is on a later page: nothing was read ahead.
      const listed = yield* directory.list({ pageSize: 2 }).pipe(
        Stream.tap((c) => c.id === "1" ? directory.create(named("Late")) : Effect.void),
        Stream.runCollect
      )
      assert.deepStrictEqual(listed.map((c) => c.id), ["1", "2", "3", "4"])
    }))

  it.effect("concurrent creates get distinct ids", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory()
      const created = yield* Effect.forEach(
        Array.from({ length: 50 }, (_, i) => named(`C${i}`)),
        (draft) => directory.create(draft),
        { concurrency: "unbounded" }
      )
      const ids = new Set(created.map((r) => r.contact.id))
      assert.strictEqual(ids.size, 50)
      const fieldIds = created.flatMap((r) => r.contact.fields.map((f) => f.id))
      assert.strictEqual(new Set(fieldIds).size, fieldIds.length)
      assert.strictEqual((yield* Stream.runCollect(directory.list({ pageSize: 7 }))).length, 50)
    }))

  it.effect("dedupe on create merges into the existing contact", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory({ ...lossless, dedupeOnCreate: true })
      const first = yield* directory.create(ada)
      const again = yield* directory.create({
        ...ada,
        fields: [{ _tag: "Email", address: "ADA@example.com" }, { _tag: "Link", uri: "https://ada.example" }]
      })
      assert.strictEqual(again.outcome, "merged")
      assert.strictEqual(again.contact.id, first.contact.id)
      assert.deepStrictEqual(again.contact.fields.map((f) => f._tag), ["Email", "Phone", "Link"])
      assert.strictEqual((yield* directory.create(named("Charles"))).outcome, "created")
    }))

  it.effect("dedupe on create does not add a phone it already holds, given again as entered", () =>
    Effect.gen(function*() {
      const directory = yield* makeMemory({ ...lossless, dedupeOnCreate: true })
      const draft = { ...ada, fields: [...ada.fields, { _tag: "Phone" as const, number: "(617) 555-0187" }] }
      const first = yield* directory.create(draft)
      const again = yield* directory.create(draft)
      assert.strictEqual(again.outcome, "merged")
      assert.deepStrictEqual(again.contact.fields, first.contact.fields)
    }))
})

layer(layerMemory())("layerMemory", (it) => {
  it.effect("provides a ContactDirectory with lossless capabilities", () =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      assert.strictEqual(directory.vendor, "memory")
      assert.strictEqual(directory.capabilities, lossless)
      const { contact } = yield* directory.create(ada)
      assert.deepStrictEqual((yield* directory.get(contact.id)).name, ada.name)
    }))
})
