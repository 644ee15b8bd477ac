/**
 * What every scenario body shares: its type, and the helpers that turn a result the port should not give into an
 * assertion failure naming the check. A scenario fails only through an assertion with its own message, so the
 * suite's tests can tell which check fired (a `ContactError` escaping a scenario is a failure too, but not one any
 * check claims).
 */
import { ContactDirectory, type ContactError } from "@contactkit/domain"
import { assert } from "@effect/vitest"
import { Effect, type Scope, Stream } from "effect"
import type { HarnessControl } from "./Harness.ts"
import type { ScenarioName } from "./Scenarios.ts"

/** A scenario's body; `next()` gives a number no other call in the same run gives, to keep drafts apart. */
export type Check = (
  next: () => number
) => Effect.Effect<void, unknown, ContactDirectory | HarnessControl | Scope.Scope>

/** The bodies of some of the scenarios, by name. */
export type ChecksFor<K extends ScenarioName> = { readonly [Name in K]: Check }

/** The reason tag of a failed effect, or "success". */
export const outcome = <A>(effect: Effect.Effect<A, ContactError>): Effect.Effect<string> =>
  effect.pipe(
    Effect.as("success"),
    Effect.catch((error: ContactError) => Effect.succeed(error.reason._tag))
  )

/** The error `effect` must fail with; if it succeeds, the assertion `<what> succeeded` fails. */
export const refusal = <A>(effect: Effect.Effect<A, ContactError>, what: string): Effect.Effect<ContactError> =>
  effect.pipe(
    Effect.matchEffect({
      onSuccess: () => Effect.sync(() => assert.fail(`${what} succeeded`)),
      onFailure: Effect.succeed
    })
  )

/** What `effect` gives; if it fails, the assertion `<what>: <error>` fails. */
export const success = <A>(effect: Effect.Effect<A, ContactError>, what: string): Effect.Effect<A> =>
  effect.pipe(Effect.catch((error: ContactError) => Effect.sync(() => assert.fail(`${what}: ${error.message}`))))

export const countContacts: Effect.Effect<number, ContactError, ContactDirectory> = Effect.gen(function*() {
  const directory = yield* ContactDirectory
  return yield* Stream.runCount(directory.list({ pageSize: 100 }))
})
