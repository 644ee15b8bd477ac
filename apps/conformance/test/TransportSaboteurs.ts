/**
 * Saboteurs of what only a transport shows: retries of 429 and 5xx, a write never blindly retried, a write whose
 * client gave up, and the contract referee. Each breaks one thing and names the assertion that must fire because
 * of it.
 */
import { type ContactDirectory, UnexpectedResponse, VendorUnavailable } from "@contactkit/domain"
import { Effect } from "effect"
import type { FakeVendor } from "./FakeVendor.ts"
import { is, type Saboteur, withReason } from "./SaboteurRun.ts"

type Service = ContactDirectory["Service"]

/** The fake's own short-timeout directory, with its create changed. */
const impatient = (fake: FakeVendor, create: (base: Service) => Service["create"]) => ({
  withTimeout: (timeout: Parameters<NonNullable<FakeVendor["control"]["withTimeout"]>>[0]) =>
    Effect.map(fake.control.withTimeout!(timeout), (base) => ({ ...base, create: create(base) }))
})

export const transportSaboteurs: ReadonlyArray<Saboteur> = [
  {
    scenario: "rate-limited",
    how: "nothing is retried",
    fake: { attempts: 1 },
    fires: "a read answered 429 once was not waited out",
    sabotage: () => ({})
  },
  {
    scenario: "rate-limited",
    how: "a persistent 429 surfaces as unavailable",
    fires: "a persistent 429 failed with",
    sabotage: (base) => ({
      directory: {
        get: (id) =>
          base.get(id).pipe(
            Effect.mapError((e) =>
              is("RateLimited")(e) ? withReason(e, new VendorUnavailable({ mayHaveSucceeded: false })) : e
            )
          )
      }
    })
  },
  {
    scenario: "rate-limited",
    how: "a persistent 429 never reaches the directory",
    fires: "a read against a persistent 429 succeeded",
    sabotage: () => ({ control: { injectFault: () => Effect.void } })
  },
  {
    scenario: "unavailable",
    how: "nothing is retried",
    fake: { attempts: 1 },
    fires: "a read answered 503 once was not retried",
    sabotage: () => ({})
  },
  {
    scenario: "unavailable",
    how: "a create answered 500 is blindly retried",
    fires: "a create answered 500 succeeded",
    sabotage: (base) => ({
      directory: {
        create: (draft) => base.create(draft).pipe(Effect.catchIf(is("VendorUnavailable"), () => base.create(draft)))
      }
    })
  },
  {
    scenario: "unavailable",
    how: "a create answered 500 is reported as an unexpected response",
    fires: "a create answered 500 failed with",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          Effect.mapError(base.create(draft), (e) => withReason(e, new UnexpectedResponse({ detail: "500" })))
      }
    })
  },
  {
    scenario: "unavailable",
    how: "a create answered 500 is reported as one that cannot have happened",
    fires: "was not reported as one that may have succeeded",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          Effect.mapError(
            base.create(draft),
            (e) => withReason(e, new VendorUnavailable({ status: 500, mayHaveSucceeded: false }))
          )
      }
    })
  },
  {
    scenario: "timed-out-write",
    how: "the client does not give up at its timeout",
    fires: "a create whose client gave up succeeded",
    sabotage: (base) => ({ control: { withTimeout: () => Effect.succeed(base) } })
  },
  {
    scenario: "timed-out-write",
    how: "a create whose client gave up is reported as an unexpected response",
    fires: "a create whose client gave up failed with",
    sabotage: (_, fake) => ({
      control: impatient(
        fake,
        (base) => (draft) =>
          Effect.mapError(base.create(draft), (e) => withReason(e, new UnexpectedResponse({ detail: "no answer" })))
      )
    })
  },
  {
    scenario: "timed-out-write",
    how: "a create whose client gave up is reported as one that cannot have happened",
    fires: "a create whose client gave up was not reported as one that may have succeeded",
    sabotage: (_, fake) => ({
      control: impatient(
        fake,
        (base) => (draft) =>
          Effect.mapError(base.create(draft), (e) => withReason(e, new VendorUnavailable({ mayHaveSucceeded: false })))
      )
    })
  },
  {
    scenario: "timed-out-write",
    how: "the client sends the write again behind the caller's back",
    fires: "contacts holding the write whose client gave up",
    sabotage: (_, fake) => ({
      control: impatient(
        fake,
        (base) => (draft) => base.create(draft).pipe(Effect.tapError(() => fake.directory.create(draft)))
      )
    })
  },
  {
    scenario: "timed-out-write",
    how: "the vendor drops the write its client gave up on",
    fires: "the write whose client gave up never arrived",
    sabotage: (_, fake) => ({
      control: { injectFault: (fault) => fake.control.injectFault!({ ...fault, completeWrite: false }) }
    })
  },
  {
    scenario: "contract",
    how: "Prism saw a violation",
    fires: "contract violations Prism saw",
    sabotage: () => ({
      control: { violations: Effect.succeed(["post /contacts ✖ error Request terminated with error"]) }
    })
  }
]
