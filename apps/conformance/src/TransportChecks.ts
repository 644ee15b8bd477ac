/**
 * What only a transport can show, through the faults a harness injects behind the port: a 429 or a 503 on a read
 * is retried within the budget, a persistent 429 surfaces as `RateLimited`, a create answered 500 fails with
 * `mayHaveSucceeded` (it is never blindly retried); and Prism saw no contract violation in the whole run.
 */
import { ContactDirectory } from "@contactkit/domain"
import { assert } from "@effect/vitest"
import { Effect } from "effect"
import { type ChecksFor, refusal, success } from "./CheckSupport.ts"
import { sampleDraft } from "./Drafts.ts"
import { HarnessControl } from "./Harness.ts"

export const transportChecks: ChecksFor<"rate-limited" | "unavailable" | "contract"> = {
  "rate-limited": (next) =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const control = yield* HarnessControl
      const { contact } = yield* directory.create(sampleDraft(directory.capabilities, next()))
      // The vendor announces no wait: what is checked is that the 429 is retried, not how long the client sleeps
      // (adapters' own tests check that on a TestClock), and the run stays fast.
      yield* control.injectFault!({ kind: "rateLimit", count: 1, method: "GET", retryAfterSeconds: 0 })
      yield* success(directory.get(contact.id), "a read answered 429 once was not waited out")
      yield* control.injectFault!({ kind: "rateLimit", count: 50, method: "GET", retryAfterSeconds: 0 })
      const error = yield* refusal(directory.get(contact.id), "a read against a persistent 429").pipe(
        Effect.ensuring(control.clearFaults!)
      )
      assert.strictEqual(error.reason._tag, "RateLimited", "a persistent 429 failed with")
    }),

  "unavailable": (next) =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const control = yield* HarnessControl
      const { contact } = yield* directory.create(sampleDraft(directory.capabilities, next()))
      yield* control.injectFault!({ kind: "status", status: 503, count: 1, method: "GET" })
      yield* success(directory.get(contact.id), "a read answered 503 once was not retried")
      yield* control.injectFault!({ kind: "status", status: 500, count: 1, method: "POST" })
      const error = yield* refusal(
        directory.create(sampleDraft(directory.capabilities, next())),
        "a create answered 500"
      ).pipe(Effect.ensuring(control.clearFaults!))
      assert.strictEqual(error.reason._tag, "VendorUnavailable", "a create answered 500 failed with")
      assert.isTrue(
        error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded,
        "a create answered 500 was not reported as one that may have succeeded"
      )
    }),

  "contract": () =>
    Effect.gen(function*() {
      const control = yield* HarnessControl
      assert.isDefined(control.violations, "harness has no contract referee")
      assert.deepStrictEqual(yield* control.violations!, [], "contract violations Prism saw")
    })
}
