import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import fc from "fast-check"
import { type Capabilities, lossless } from "../src/Capabilities.ts"
import type { ContactDraft } from "../src/Contact.ts"
import { applyPatch } from "../src/Patch.ts"
import { validate } from "../src/Projection.ts"
import { capabilitiesArb, contactDraftArb, contactPatchArb } from "../src/testing/Arbitraries.ts"
import { validateChange } from "../src/ValidateChange.ts"

const twoEmails: Capabilities = {
  ...lossless,
  vendor: "two-emails",
  fields: { ...lossless.fields, Email: { ...lossless.fields.Email, maxCount: 2, maxLength: 40 } }
}

/** What a vendor may hold that the domain refuses today: an unchecked address, an over-long one. */
const held: ContactDraft = {
  kind: "individual",
  name: { given: "Ada" },
  organization: {},
  fields: [
    { _tag: "Email", address: "not an e-mail" },
    { _tag: "Email", address: `${"a".repeat(50)}@example.com` }
  ]
}

describe("validateChange", () => {
  it.effect("names a field too many once, though both the count rule and project refuse it", () =>
    Effect.gen(function*() {
      const before: ContactDraft = { ...held, fields: [{ _tag: "Email", address: "a@x.com" }] }
      const after: ContactDraft = {
        ...held,
        fields: [
          { _tag: "Email", address: "a@x.com" },
          { _tag: "Email", address: "b@x.com" },
          { _tag: "Email", address: "c@x.com" }
        ]
      }
      const failure = yield* Effect.flip(validateChange(twoEmails, before, after))
      assert.strictEqual(failure._tag, "Unsupported")
      assert.deepStrictEqual(failure.issues.map((issue) => issue.path), [["fields", 2]])
    }))

  it.effect("lets a change through that does not touch values the vendor already holds", () =>
    Effect.gen(function*() {
      const after = applyPatch(held, { name: { given: "Augusta" } })
      assert.isTrue(Exit.isFailure(yield* Effect.exit(validate(twoEmails, after))))
      const valid = yield* validateChange(twoEmails, held, after)
      assert.strictEqual(valid.name.given, "Augusta")
      assert.deepStrictEqual(valid.fields, held.fields)
    }))

  it.effect("holds what the change adds or alters to every rule", () =>
    Effect.gen(function*() {
      const after: ContactDraft = {
        ...held,
        fields: [held.fields[0]!, { _tag: "Email", address: "also not one" }]
      }
      const error = yield* Effect.flip(validateChange(twoEmails, held, after))
      assert.strictEqual(error._tag, "InvalidContact")
      assert.deepStrictEqual(error.issues.map((i) => i.path), [["fields", 1, "address"]])
    }))

  it.effect("always reports what the vendor cannot hold at all, such as one field too many", () =>
    Effect.gen(function*() {
      const after: ContactDraft = { ...held, fields: [{ _tag: "Email", address: "ada@example.com" }, ...held.fields] }
      const error = yield* Effect.flip(validateChange(twoEmails, held, after))
      assert.strictEqual(error._tag, "Unsupported")
      assert.deepStrictEqual(error.issues, [{
        path: ["fields", 2],
        message: "two-emails keeps at most 2 Email fields"
      }])
    }))

  it("agrees with validate whenever the contact before the change was valid", () =>
    fc.assert(
      fc.property(capabilitiesArb, contactDraftArb, contactPatchArb, (capabilities, before, patch) => {
        fc.pre(Exit.isSuccess(Effect.runSyncExit(validate(capabilities, before))))
        const after = applyPatch(before, patch)
        const plain = Effect.runSyncExit(validate(capabilities, after))
        const change = Effect.runSyncExit(validateChange(capabilities, before, after))
        return Exit.isSuccess(plain) === Exit.isSuccess(change)
      }),
      { numRuns: 300 }
    ))
})
