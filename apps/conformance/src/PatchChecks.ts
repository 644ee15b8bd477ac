/**
 * Updates through the port: a patch changes what it names and nothing else (vendor data the domain does not model
 * included), and each of 20 generated patches either stores exactly what the vendor can hold of it or is refused
 * and changes nothing — with enough of them accepted that "refuse everything" cannot pass.
 */
import { applyPatch, ContactDirectory, type ContactDraft, project, toDraft, validateChange } from "@contactkit/domain"
import { contactDraftArb, contactPatchArb } from "@contactkit/domain/testing"
import { assert } from "@effect/vitest"
import { Effect, Exit } from "effect"
import fc from "fast-check"
import type { Check, ChecksFor } from "./CheckSupport.ts"
import { comparable, sampleDraft, storable, storableFields, withRequired } from "./Drafts.ts"
import { HarnessControl } from "./Harness.ts"

const patchPreserves: Check = (next) =>
  Effect.gen(function*() {
    const directory = yield* ContactDirectory
    const control = yield* HarnessControl
    const { contact } = yield* directory.create(sampleDraft(directory.capabilities, next()))
    if (control.unmodelled) {
      yield* control.unmodelled.attach(contact.id)
      // Checked before the patch too: data that never arrived cannot prove it survived.
      assert.isTrue(
        yield* control.unmodelled.isIntact(contact.id),
        "vendor data the domain does not model was not there before the patch (the harness's attach did not take)"
      )
    }
    const before = yield* directory.get(contact.id)
    const updated = yield* directory.update(contact.id, { name: { given: "Augusta" } })
    const after = yield* directory.get(contact.id)
    assert.strictEqual(after.name.given, "Augusta", "the given name the patch set was not stored")
    assert.deepStrictEqual(comparable(updated), comparable(after), "what update returned is not what get reads back")
    assert.deepStrictEqual(
      comparable(after),
      comparable({ ...before, name: { ...before.name, given: "Augusta" } }),
      "a part the patch did not name changed"
    )
    if (control.unmodelled) {
      assert.isTrue(
        yield* control.unmodelled.isIntact(contact.id),
        "vendor data the domain does not model was lost by the patch"
      )
    }
  })

/** Whether a change is accepted: the domain's `validateChange`, injectable so the suite's tests can break it. */
export type Decide = (
  capabilities: ContactDirectory["Service"]["capabilities"],
  before: ContactDraft,
  after: ContactDraft
) => Effect.Effect<unknown, unknown>

/**
 * Of the 20 generated patches, at least half must be accepted (every implementation in this repository accepts 16
 * or more): fewer means the patches no longer reach the vendor, whichever side refuses them.
 */
export const minAcceptedPatches = 10

/** `patch-generated`, judged by `decide` (the domain's `validateChange` unless a test breaks it). */
export const patchGenerated = (decide: Decide = validateChange): Check => () =>
  Effect.gen(function*() {
    const directory = yield* ContactDirectory
    const capabilities = directory.capabilities
    const cases = fc.sample(fc.tuple(contactDraftArb, contactPatchArb), { seed: 6350, numRuns: 20 })
    let accepted = 0
    for (const [i, [draft, patch]] of cases.entries()) {
      const { contact } = yield* directory.create(storable(capabilities, draft, 100 + i))
      const before = yield* directory.get(contact.id)
      // The patch's own fields are cut to what the vendor accepts; its name parts are not.
      const sent = patch.fields === undefined
        ? patch
        : { ...patch, fields: withRequired(capabilities, storableFields(capabilities, patch.fields), 200 + i) }
      const after = applyPatch(toDraft(before), sent)
      const expected = yield* Effect.exit(decide(capabilities, toDraft(before), after))
      const result = yield* Effect.exit(directory.update(contact.id, sent))
      const read = yield* directory.get(contact.id)
      const where = `generated patch ${i} (${JSON.stringify(sent)})`
      if (Exit.isFailure(expected)) {
        assert.isTrue(Exit.isFailure(result), `${where} was accepted, but validateChange refuses it`)
        assert.deepStrictEqual(comparable(read), comparable(before), `${where} was refused, but changed the contact`)
      } else {
        accepted++
        assert.isTrue(Exit.isSuccess(result), `${where} was refused, but validateChange accepts it: ${String(result)}`)
        assert.deepStrictEqual(
          comparable(read),
          comparable(project(capabilities, after).contact),
          `${where} read back is not project(patched contact)`
        )
      }
    }
    assert.isAtLeast(
      accepted,
      minAcceptedPatches,
      `only ${accepted} of ${cases.length} generated patches were accepted: too few to show what an update stores`
    )
  })

export const patchChecks: ChecksFor<"patch-preserves" | "patch-generated"> = {
  "patch-preserves": patchPreserves,
  "patch-generated": patchGenerated()
}
