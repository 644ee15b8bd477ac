/**
 * What a contact reads back as: one sample draft using every writable kind (with labels where the vendor keeps
 * them), 25 generated ones, and one at the vendor's length limits in unicode. Each must read back as
 * `capabilities.project` says; ids, timestamps and the raw record are not compared.
 */
import { ContactDirectory, project } from "@contactkit/domain"
import { contactDraftArb } from "@contactkit/domain/testing"
import { assert } from "@effect/vitest"
import { Effect } from "effect"
import fc from "fast-check"
import type { ChecksFor } from "./CheckSupport.ts"
import { comparable, sampleDraft, storable, unicodeDraft } from "./Drafts.ts"

export const roundTripChecks: ChecksFor<"round-trip" | "round-trip-generated" | "unicode-max-length"> = {
  "round-trip": (next) =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const draft = sampleDraft(directory.capabilities, next())
      const { contact: created, outcome } = yield* directory.create(draft)
      assert.strictEqual(outcome, "created", "the create of a new contact reported")
      const expected = comparable(project(directory.capabilities, draft).contact)
      assert.deepStrictEqual(comparable(created), expected, "what create returned is not project(draft)")
      const read = yield* directory.get(created.id)
      assert.strictEqual(read.id, created.id, "get returned a contact with another id")
      assert.deepStrictEqual(comparable(read), expected, "the contact read back is not project(draft)")
    }),

  "round-trip-generated": () =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const capabilities = directory.capabilities
      // Fixed seed: the same 25 contacts on every run, so a failure can be replayed.
      const drafts = fc.sample(contactDraftArb, { seed: 9553, numRuns: 25 }).map((draft, i) =>
        storable(capabilities, draft, i)
      )
      for (const [i, draft] of drafts.entries()) {
        const { contact } = yield* directory.create(draft)
        const read = yield* directory.get(contact.id)
        assert.deepStrictEqual(
          comparable(read),
          comparable(project(capabilities, draft).contact),
          `generated contact ${i} read back is not project(draft): ${JSON.stringify(draft)}`
        )
      }
    }),

  "unicode-max-length": () =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const draft = unicodeDraft(directory.capabilities)
      const { contact } = yield* directory.create(draft)
      const read = yield* directory.get(contact.id)
      assert.deepStrictEqual(
        comparable(read),
        comparable(project(directory.capabilities, draft).contact),
        "the unicode contact at the length limits read back is not project(draft)"
      )
    })
}
