/**
 * Input the port must refuse: a malformed value (`InvalidContact`, naming the field), something the vendor cannot
 * hold (`Unsupported`), neither writing anything; and a credential the vendor does not accept (`Unauthorized`).
 */
import { ContactDirectory, type ContactDraft } from "@contactkit/domain"
import { assert } from "@effect/vitest"
import { Effect, Stream } from "effect"
import { type ChecksFor, countContacts, refusal } from "./CheckSupport.ts"
import { sampleDraft, unsupportedDraft } from "./Drafts.ts"
import { HarnessControl } from "./Harness.ts"

export const refusalChecks: ChecksFor<"invalid-input" | "unsupported-input" | "unauthorized"> = {
  "invalid-input": (next) =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const before = yield* countContacts
      const bad = {
        ...sampleDraft(directory.capabilities, next()),
        fields: [{ _tag: "Email", address: "not an e-mail" }]
      } as unknown as ContactDraft
      const error = yield* refusal(directory.create(bad), "a create with an invalid e-mail address")
      assert.strictEqual(error.reason._tag, "InvalidContact", "an invalid e-mail address was refused with")
      const issues = error.reason._tag === "InvalidContact" ? error.reason.issues : []
      assert.isTrue(
        issues.some((issue) => issue.path[0] === "fields"),
        `the refusal does not name the invalid field: ${error.message}`
      )
      assert.strictEqual(yield* countContacts, before, "contacts after an invalid create")
    }),

  "unsupported-input": () =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const draft = unsupportedDraft(directory.capabilities)
      assert.isDefined(draft, "the capabilities reject nothing: skip this scenario with that reason")
      const before = yield* countContacts
      const error = yield* refusal(directory.create(draft!), "a create the capabilities say the vendor cannot hold")
      assert.strictEqual(error.reason._tag, "Unsupported", "a contact the vendor cannot hold was refused with")
      assert.strictEqual(yield* countContacts, before, "contacts after an unsupported create")
    }),

  "unauthorized": () =>
    Effect.gen(function*() {
      const control = yield* HarnessControl
      assert.isDefined(control.withBadCredentials, "harness has no bad-credentials directory")
      const directory = yield* control.withBadCredentials!
      const error = yield* refusal(Stream.runCollect(directory.list({ pageSize: 1 })), "a listing with bad credentials")
      assert.strictEqual(error.reason._tag, "Unauthorized", "a bad credential was refused with")
    })
}
