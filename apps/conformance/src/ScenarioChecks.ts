/**
 * The body of every conformance scenario, as an Effect over the port (and, where a scenario needs
 * to reach behind it, `HarnessControl`). `suite` registers each as a test; the suite's own tests
 * run them against deliberately broken directories to show each one can fail.
 */
import {
  applyPatch,
  type Capabilities,
  ContactDirectory,
  type ContactDraft,
  type ContactError,
  type ContactField,
  project,
  toDraft,
  validateChange
} from "@contactkit/domain"
import { contactDraftArb, contactPatchArb } from "@contactkit/domain/testing"
import { assert } from "@effect/vitest"
import { Effect, Exit, type Scope, Stream } from "effect"
import fc from "fast-check"
import {
  comparable,
  sampleDraft,
  sampleField,
  storable,
  storableFields,
  unicodeDraft,
  writableKinds
} from "./Drafts.ts"
import { HarnessControl } from "./Harness.ts"
import type { ScenarioName } from "./Scenarios.ts"

/** The reason tag of a failed effect, or "success". */
const outcome = <A>(effect: Effect.Effect<A, ContactError>): Effect.Effect<string> =>
  effect.pipe(
    Effect.as("success"),
    Effect.catch((error: ContactError) => Effect.succeed(error.reason._tag))
  )

/** A scenario's body; `next()` gives a number no other call in the same run gives, to keep drafts apart. */
export type Check = (
  next: () => number
) => Effect.Effect<void, unknown, ContactDirectory | HarnessControl | Scope.Scope>

export const checks: Record<ScenarioName, Check> = {
  "round-trip": (next) =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const draft = sampleDraft(directory.capabilities, next())
      const { contact: created, outcome } = yield* directory.create(draft)
      assert.strictEqual(outcome, "created")
      const expected = comparable(project(directory.capabilities, draft).contact)
      assert.deepStrictEqual(comparable(created), expected)
      const read = yield* directory.get(created.id)
      assert.deepStrictEqual(comparable(read), expected)
      assert.strictEqual(read.id, created.id)
    }),

  "round-trip-generated": () =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const capabilities = directory.capabilities
      // Fixed seed: the same 25 contacts on every run, so a failure can be replayed.
      const drafts = fc.sample(contactDraftArb, { seed: 9553, numRuns: 25 }).map((draft) =>
        storable(capabilities, draft)
      )
      for (const [i, draft] of drafts.entries()) {
        const { contact } = yield* directory.create(draft)
        const read = yield* directory.get(contact.id)
        assert.deepStrictEqual(
          comparable(read),
          comparable(project(capabilities, draft).contact),
          `generated contact ${i}: ${JSON.stringify(draft)}`
        )
      }
    }),

  "list-pages": (next) =>
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
      for (const id of created) assert.include(listed, id, `contact ${id} missing from the listing`)
    }),

  "patch-preserves": (next) =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const control = yield* HarnessControl
      const { contact } = yield* directory.create(sampleDraft(directory.capabilities, next()))
      if (control.unmodelled) yield* control.unmodelled.attach(contact.id)
      const before = yield* directory.get(contact.id)
      const updated = yield* directory.update(contact.id, { name: { given: "Augusta" } })
      const after = yield* directory.get(contact.id)
      assert.strictEqual(after.name.given, "Augusta")
      assert.deepStrictEqual(comparable(updated), comparable(after))
      assert.deepStrictEqual(
        comparable(after),
        comparable({ ...before, name: { ...before.name, given: "Augusta" } })
      )
      if (control.unmodelled) {
        assert.isTrue(
          yield* control.unmodelled.isIntact(contact.id),
          "vendor data the domain does not model was lost"
        )
      }
    }),

  "patch-generated": () =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const capabilities = directory.capabilities
      const cases = fc.sample(fc.tuple(contactDraftArb, contactPatchArb), { seed: 6350, numRuns: 20 })
      for (const [i, [draft, patch]] of cases.entries()) {
        const { contact } = yield* directory.create(storable(capabilities, draft))
        const before = yield* directory.get(contact.id)
        // The patch's own fields are cut to what the vendor accepts; its name parts are not.
        const sent = patch.fields === undefined
          ? patch
          : { ...patch, fields: storableFields(capabilities, patch.fields) }
        const after = applyPatch(toDraft(before), sent)
        const expected = yield* Effect.exit(validateChange(capabilities, toDraft(before), after))
        const result = yield* Effect.exit(directory.update(contact.id, sent))
        const read = yield* directory.get(contact.id)
        const where = `generated patch ${i}: ${JSON.stringify(sent)}`
        if (Exit.isFailure(expected)) {
          assert.isTrue(Exit.isFailure(result), `${where} should have been refused`)
          assert.deepStrictEqual(comparable(read), comparable(before), `${where} was refused but changed the contact`)
        } else {
          assert.isTrue(Exit.isSuccess(result), `${where} failed: ${String(result)}`)
          assert.deepStrictEqual(comparable(read), comparable(project(capabilities, after).contact), where)
        }
      }
    }),

  "field-ops": (next) =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const capabilities = directory.capabilities
      for (const kind of writableKinds(capabilities)) {
        const { contact } = yield* directory.create({ ...sampleDraft(capabilities, next()), fields: [] })
        const field = sampleField(capabilities, kind, next())
        const added = yield* directory.fields.add(contact.id, field)
        const expected = comparable(project(capabilities, { ...contact, fields: [field] }).contact).fields
        assert.deepStrictEqual(comparable({ ...contact, fields: [added] }).fields, expected, `${kind} add`)
        let listed = yield* directory.fields.list(contact.id)
        assert.strictEqual(listed.length, 1, `${kind} listed after add`)
        const refOf = (fields: ReadonlyArray<ContactField>) =>
          capabilities.fields[kind].fieldIds && fields[0]!.id !== undefined ? fields[0]!.id : 0
        // Then an update to another value, then one that drops the context (and so any label
        // standing for it): each must read back as exactly what the vendor can hold of it.
        const { context: _, ...bare } = sampleField(capabilities, kind, next())
        for (const replacement of [sampleField(capabilities, kind, next()), bare as ContactField]) {
          yield* directory.fields.update(contact.id, refOf(listed), replacement)
          listed = yield* directory.fields.list(contact.id)
          assert.deepStrictEqual(
            comparable({ ...contact, fields: listed }).fields,
            comparable(project(capabilities, { ...contact, fields: [replacement] }).contact).fields,
            `${kind} update`
          )
        }
        yield* directory.fields.remove(contact.id, refOf(listed))
        listed = yield* directory.fields.list(contact.id)
        assert.strictEqual(listed.length, 0, `${kind} remove`)
      }
    }),

  "remove": (next) =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const { contact } = yield* directory.create(sampleDraft(directory.capabilities, next()))
      yield* directory.remove(contact.id)
      assert.strictEqual(yield* outcome(directory.get(contact.id)), "ContactNotFound")
      assert.strictEqual(yield* outcome(directory.remove(contact.id)), "ContactNotFound")
    }),

  "invalid-input": (next) =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const before = yield* countContacts
      const bad = {
        ...sampleDraft(directory.capabilities, next()),
        fields: [{ _tag: "Email", address: "not an e-mail" }]
      } as unknown as ContactDraft
      const error = yield* Effect.flip(directory.create(bad))
      assert.strictEqual(error.reason._tag, "InvalidContact")
      assert.include(error.message, "fields")
      assert.strictEqual(yield* countContacts, before, "an invalid create wrote something")
    }),

  "unsupported-input": () =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const draft = unsupportedDraft(directory.capabilities)
      assert.isDefined(draft, "the capabilities reject nothing: skip this scenario with that reason")
      const before = yield* countContacts
      const error = yield* Effect.flip(directory.create(draft!))
      assert.strictEqual(error.reason._tag, "Unsupported")
      assert.strictEqual(yield* countContacts, before, "an unsupported create wrote something")
    }),

  "unauthorized": () =>
    Effect.gen(function*() {
      const control = yield* HarnessControl
      assert.isDefined(control.withBadCredentials, "harness has no bad-credentials directory")
      const directory = yield* control.withBadCredentials!
      const error = yield* Effect.flip(Stream.runCollect(directory.list({ pageSize: 1 })))
      assert.strictEqual(error.reason._tag, "Unauthorized")
    }),

  "rate-limited": (next) =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const control = yield* HarnessControl
      const { contact } = yield* directory.create(sampleDraft(directory.capabilities, next()))
      yield* control.injectFault!({ kind: "rateLimit", count: 1, method: "GET" })
      const read = yield* directory.get(contact.id)
      assert.strictEqual(read.id, contact.id)
      yield* control.injectFault!({ kind: "rateLimit", count: 50, method: "GET" })
      const error = yield* Effect.flip(directory.get(contact.id))
      yield* control.clearFaults!
      assert.strictEqual(error.reason._tag, "RateLimited")
    }),

  "unavailable": (next) =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const control = yield* HarnessControl
      const { contact } = yield* directory.create(sampleDraft(directory.capabilities, next()))
      yield* control.injectFault!({ kind: "status", status: 503, count: 1, method: "GET" })
      const read = yield* directory.get(contact.id)
      assert.strictEqual(read.id, contact.id)
      yield* control.injectFault!({ kind: "status", status: 500, count: 1, method: "POST" })
      const error = yield* Effect.flip(directory.create(sampleDraft(directory.capabilities, next())))
      yield* control.clearFaults!
      assert.strictEqual(error.reason._tag, "VendorUnavailable")
      assert.isTrue(error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded)
    }),

  "concurrent-creates": (next) =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const drafts = Array.from({ length: 8 }, () => sampleDraft(directory.capabilities, next()))
      const created = yield* Effect.forEach(drafts, (d) => directory.create(d), { concurrency: "unbounded" })
      const ids = created.map((r) => r.contact.id)
      assert.strictEqual(new Set(ids).size, drafts.length)
      for (const [i, r] of created.entries()) {
        const read = yield* directory.get(r.contact.id)
        assert.strictEqual(read.name.given, drafts[i]!.name.given)
      }
    }),

  "unicode-max-length": () =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const draft = unicodeDraft(directory.capabilities)
      const { contact } = yield* directory.create(draft)
      const read = yield* directory.get(contact.id)
      assert.deepStrictEqual(comparable(read), comparable(project(directory.capabilities, draft).contact))
    }),

  "contract": () =>
    Effect.gen(function*() {
      const control = yield* HarnessControl
      assert.isDefined(control.violations, "harness has no contract referee")
      assert.deepStrictEqual(yield* control.violations!, [])
    })
}

const countContacts = Effect.gen(function*() {
  const directory = yield* ContactDirectory
  return yield* Stream.runCount(directory.list({ pageSize: 100 }))
})

/** A draft the vendor cannot hold: a kind it cannot write, or one field more than it allows. */
const unsupportedDraft = (capabilities: Capabilities): ContactDraft | undefined => {
  const base = sampleDraft(capabilities, 0)
  const unwritable = (["OnlineService", "Link", "Address", "Phone", "Email"] as const).find((kind) =>
    !capabilities.fields[kind].writable
  )
  if (unwritable !== undefined) {
    return { ...base, fields: [...base.fields, sampleField(capabilities, unwritable, 1)] }
  }
  const bounded = writableKinds(capabilities).find((kind) => capabilities.fields[kind].maxCount !== undefined)
  if (bounded === undefined) return undefined
  const max = capabilities.fields[bounded].maxCount!
  const extra = Array.from({ length: max + 1 }, (_, i) => sampleField(capabilities, bounded, 100 + i))
  return { ...base, fields: [...base.fields.filter((f) => f._tag !== bounded), ...extra] }
}
