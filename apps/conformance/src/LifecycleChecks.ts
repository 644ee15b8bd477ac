/**
 * Contacts coming and going: a listing in small pages sees every contact once, remove makes a contact unreadable
 * (or, for a vendor that cannot delete, is refused before anything is sent), the same draft twice is merged by a
 * vendor that dedupes, and concurrent creates stay distinct.
 */
import { ContactDirectory } from "@contactkit/domain"
import { assert } from "@effect/vitest"
import { Effect, Stream } from "effect"
import { type Check, type ChecksFor, countContacts, outcome, refusal } from "./CheckSupport.ts"
import { comparable, sampleDraft } from "./Drafts.ts"
import { HarnessControl } from "./Harness.ts"

const listPages: Check = (next) =>
  Effect.gen(function*() {
    const directory = yield* ContactDirectory
    const created = yield* Effect.forEach(
      [1, 2, 3, 4, 5],
      () => directory.create(sampleDraft(directory.capabilities, next())).pipe(Effect.map((r) => r.contact.id))
    )
    const listed = yield* Stream.runCollect(directory.list({ pageSize: 2 })).pipe(
      Effect.map((all) => Array.from(all, (c) => c.id))
    )
    assert.strictEqual(new Set(listed).size, listed.length, "a contact was listed twice")
    for (const id of created) assert.include(listed, id, `contact ${id} is missing from the listing`)
  })

const removeContact: Check = (next) =>
  Effect.gen(function*() {
    const directory = yield* ContactDirectory
    if (!directory.capabilities.remove) return yield* removeRefused(next)
    const { contact } = yield* directory.create(sampleDraft(directory.capabilities, next()))
    yield* directory.remove(contact.id)
    assert.strictEqual(yield* outcome(directory.get(contact.id)), "ContactNotFound", "get after remove gave")
    assert.strictEqual(
      yield* outcome(directory.remove(contact.id)),
      "ContactNotFound",
      "a second remove of the same contact gave"
    )
  })

/** A vendor without delete: `remove` is refused as `Unsupported`, sends nothing, and the contact stays. */
const removeRefused: Check = (next) =>
  Effect.gen(function*() {
    const directory = yield* ContactDirectory
    const control = yield* HarnessControl
    const { contact } = yield* directory.create(sampleDraft(directory.capabilities, next()))
    const sentBefore = control.requestsSent === undefined ? undefined : yield* control.requestsSent
    const error = yield* refusal(directory.remove(contact.id), "remove, which the capabilities say is not supported,")
    assert.strictEqual(error.reason._tag, "Unsupported", "remove without delete support failed with")
    if (control.requestsSent !== undefined) {
      assert.strictEqual(yield* control.requestsSent, sentBefore, "remove without delete support sent requests")
    }
    assert.strictEqual(
      yield* outcome(directory.get(contact.id)),
      "success",
      "after a refused remove, reading the contact gave"
    )
  })

const dedupe: Check = (next) =>
  Effect.gen(function*() {
    const directory = yield* ContactDirectory
    assert.isTrue(
      directory.capabilities.dedupeOnCreate,
      "the capabilities say this vendor does not dedupe on create: skip this scenario with that reason"
    )
    const draft = sampleDraft(directory.capabilities, next())
    const count = yield* countContacts
    const first = yield* directory.create(draft)
    assert.strictEqual(first.outcome, "created", "the first create of a draft reported")
    const firstRead = yield* directory.get(first.contact.id)
    const second = yield* directory.create(draft)
    assert.strictEqual(second.outcome, "merged", "the same draft created again reported")
    assert.strictEqual(second.contact.id, first.contact.id, "the merged create answered another contact's id")
    assert.strictEqual((yield* countContacts) - count, 1, "contacts added by creating the same draft twice")
    assert.deepStrictEqual(
      comparable(yield* directory.get(first.contact.id)),
      comparable(firstRead),
      "merging the same draft again changed the contact"
    )
  })

const concurrentCreates: Check = (next) =>
  Effect.gen(function*() {
    const directory = yield* ContactDirectory
    const drafts = Array.from({ length: 8 }, () => sampleDraft(directory.capabilities, next()))
    const created = yield* Effect.forEach(drafts, (d) => directory.create(d), { concurrency: "unbounded" })
    const ids = created.map((r) => r.contact.id)
    assert.strictEqual(new Set(ids).size, drafts.length, "distinct contacts from 8 concurrent creates")
    for (const [i, r] of created.entries()) {
      const read = yield* directory.get(r.contact.id)
      assert.strictEqual(read.name.given, drafts[i]!.name.given, `concurrent create ${i} reads back as another draft`)
    }
  })

export const lifecycleChecks: ChecksFor<"list-pages" | "remove" | "dedupe" | "concurrent-creates"> = {
  "list-pages": listPages,
  "remove": removeContact,
  "dedupe": dedupe,
  "concurrent-creates": concurrentCreates
}
