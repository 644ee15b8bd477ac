/**
 * A write resumed after a crash at any point, and a write whose answer was lost, against the memory directory and
 * the journal on SQLite: what the journal and the target hold decides — a create that had landed is found, not
 * repeated; one that had not is sent once; an update whose answer was lost is read back; a remove of a contact
 * already gone is done; a refusal is reported and leaves no link.
 */
import {
  type ContactDirectory,
  type ContactDraft,
  ContactError,
  InvalidContact,
  makeMemory,
  VendorUnavailable
} from "@contactkit/domain"
import { assert, layer } from "@effect/vitest"
import { Effect, Layer, Ref, Stream } from "effect"
import { contentHash } from "../src/ContentHash.ts"
import { layerStores } from "../src/Embedded.ts"
import * as NodeSqliteClient from "../src/NodeSqliteClient.ts"
import type { Operation } from "../src/SyncPlan.ts"
import { SyncStore } from "../src/SyncStore.ts"
import { write } from "../src/TargetWrite.ts"

const draft = (given: string): ContactDraft => ({
  kind: "individual",
  name: { given, family: "Lovelace" },
  organization: {},
  fields: [{ _tag: "Email", address: `${given.toLowerCase()}@example.com` }]
})

const createOf = (sourceId: string, content: ContactDraft): Extract<Operation, { _tag: "Create" }> => ({
  _tag: "Create",
  sourceId,
  label: sourceId,
  hash: contentHash(content),
  draft: content,
  fingerprint: contentHash(content)
})

/** The memory directory, counting creates, failing the next `lost` writes after applying them (a lost answer). */
const counted = (lost = 0) =>
  Effect.gen(function*() {
    const memory = yield* makeMemory()
    const creates = yield* Ref.make(0)
    const toLose = yield* Ref.make(lost)
    const loseAnswer = <A>(effect: Effect.Effect<A, ContactError>, operation: "create" | "update") =>
      Effect.flatMap(effect, (value) =>
        Effect.flatMap(Ref.getAndUpdate(toLose, (n) => Math.max(0, n - 1)), (n) =>
          n > 0
            ? Effect.fail(
              new ContactError({
                vendor: "memory",
                operation,
                reason: new VendorUnavailable({ mayHaveSucceeded: true, detail: "answer cut off" })
              })
            )
            : Effect.succeed(value)))
    const directory: ContactDirectory.Service = {
      ...memory,
      create: (d) => loseAnswer(Effect.tap(memory.create(d), () => Ref.update(creates, (n) => n + 1)), "create"),
      update: (id, patch) => loseAnswer(memory.update(id, patch), "update")
    }
    return { directory, creates: Ref.get(creates) }
  })

const count = (directory: ContactDirectory.Service) =>
  Effect.map(Stream.runCollect(directory.list()), (all) => Array.from(all).length)

const stores = layerStores.pipe(Layer.provide(NodeSqliteClient.layer({ filename: ":memory:" })), Layer.orDie)

layer(stores)("TargetWrite", (it) => {
  it.effect("a create that landed before the crash is found at the target, not sent again", () =>
    Effect.gen(function*() {
      const store = yield* SyncStore
      const { creates, directory } = yield* counted()
      const op = createOf("s1", draft("Ada"))
      // The crash: the journal says a create began, the target holds it, nothing recorded its id.
      yield* store.begin("job1", "s1", { key: "k1", hash: op.hash, fingerprint: op.fingerprint })
      const landed = yield* directory.create(op.draft)
      const outcome = yield* write({ jobId: "job1", target: directory, key: "k1" }, op)
      assert.deepStrictEqual(outcome, {
        _tag: "Created",
        sourceId: "s1",
        targetId: landed.contact.id,
        merged: false,
        checked: true
      })
      assert.strictEqual(yield* creates, 1)
      assert.deepInclude(yield* store.link("job1", "s1"), { targetId: landed.contact.id, pendingKey: null })
    }))

  it("a create that had not landed is sent once", () =>
    Effect.gen(function*() {
      const store = yield* SyncStore
      const { creates, directory } = yield* counted()
      const op = createOf("s2", draft("Grace"))
      yield* store.begin("job2", "s2", { key: "k2", hash: op.hash, fingerprint: op.fingerprint })
      const outcome = yield* write({ jobId: "job2", target: directory, key: "k2" }, op)
      assert.deepInclude(outcome, { _tag: "Created", checked: false })
      assert.strictEqual(yield* creates, 1)
      // Run again (the activity replayed after it finished): nothing more is sent.
      const again = yield* write({ jobId: "job2", target: directory, key: "k2" }, op)
      assert.deepInclude(again, { _tag: "Created", checked: false })
      assert.strictEqual(yield* creates, 1)
      assert.strictEqual(yield* count(directory), 1)
    }))

  it("a create whose answer was lost is found at the target instead of created twice", () =>
    Effect.gen(function*() {
      const { creates, directory } = yield* counted(1)
      const outcome = yield* write({ jobId: "job3", target: directory, key: "k3" }, createOf("s3", draft("Alan")))
      assert.deepInclude(outcome, { _tag: "Created", checked: true })
      assert.strictEqual(yield* creates, 1)
      assert.strictEqual(yield* count(directory), 1)
    }))

  it("an update whose answer was lost is read back, not repeated blindly", () =>
    Effect.gen(function*() {
      const store = yield* SyncStore
      const { directory } = yield* counted()
      const created = yield* directory.create(draft("Linus"))
      yield* store.written("job4", "s4", created.contact.id, "old-hash")
      const updates = yield* Ref.make(0)
      // The update is applied, then its answer is lost.
      const target: ContactDirectory.Service = {
        ...directory,
        update: (id, patch) =>
          Effect.andThen(
            Effect.andThen(Ref.update(updates, (n) => n + 1), directory.update(id, patch)),
            Effect.fail(
              new ContactError({
                vendor: "memory",
                operation: "update",
                reason: new VendorUnavailable({ mayHaveSucceeded: true })
              })
            )
          )
      }
      const changed = draft("Linus Benedict")
      const outcome = yield* write({ jobId: "job4", target, key: "k4" }, {
        _tag: "Update",
        sourceId: "s4",
        label: "s4",
        targetId: created.contact.id,
        hash: contentHash(changed),
        draft: changed,
        fingerprint: contentHash(changed)
      })
      assert.deepStrictEqual(outcome, { _tag: "Updated", sourceId: "s4", targetId: created.contact.id, checked: true })
      assert.strictEqual(yield* Ref.get(updates), 1)
      assert.strictEqual((yield* directory.get(created.contact.id)).name.given, "Linus Benedict")
    }))

  it("removing a contact already gone at the target is done, and the link goes", () =>
    Effect.gen(function*() {
      const store = yield* SyncStore
      const { directory } = yield* counted()
      const created = yield* directory.create(draft("Dennis"))
      yield* store.written("job5", "s5", created.contact.id, "h")
      yield* directory.remove(created.contact.id)
      const outcome = yield* write({ jobId: "job5", target: directory, key: "k5" }, {
        _tag: "Remove",
        sourceId: "s5",
        targetId: created.contact.id,
        fingerprint: null
      })
      assert.deepStrictEqual(outcome, { _tag: "Removed", sourceId: "s5", checked: true })
      assert.isUndefined(yield* store.link("job5", "s5"))
    }))

  it("a refusal is reported with the vendor's reasons and leaves no link", () =>
    Effect.gen(function*() {
      const store = yield* SyncStore
      const { directory } = yield* counted()
      const refusing: ContactDirectory.Service = {
        ...directory,
        create: () =>
          Effect.fail(
            new ContactError({
              vendor: "memory",
              operation: "create",
              reason: new InvalidContact({ issues: [{ path: ["name", "given"], message: "is required" }] })
            })
          )
      }
      const outcome = yield* write({ jobId: "job6", target: refusing, key: "k6" }, createOf("s6", draft("Barbara")))
      assert.deepStrictEqual(outcome, {
        _tag: "Refused",
        sourceId: "s6",
        label: "s6",
        issues: [`at ["name"]["given"]: is required`]
      })
      assert.isUndefined(yield* store.link("job6", "s6"))
    }))
})
