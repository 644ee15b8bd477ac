/**
 * Saboteurs of how the port behaves: removal (with and without delete), dedupe, refusals, credentials, faults,
 * concurrency and the contract referee. Each breaks one thing and names the assertion that must fire because of it.
 */
import {
  ContactError,
  type ContactErrorReason,
  ContactId,
  ContactNotFound,
  type CreateResult,
  Forbidden,
  InvalidContact,
  UnexpectedResponse,
  Unsupported,
  VendorUnavailable
} from "@contactkit/domain"
import { Effect } from "effect"
import { dedupes, noDelete, strict } from "./FakeConfigs.ts"
import { refusingDirectory } from "./FakeVendor.ts"
import type { Saboteur } from "./SaboteurRun.ts"

/** The same error with another reason. */
const withReason = (error: ContactError, reason: ContactErrorReason) =>
  new ContactError({ vendor: error.vendor, operation: error.operation, reason })

const is = (tag: ContactErrorReason["_tag"]) => (error: ContactError) => error.reason._tag === tag

const merged = (r: CreateResult) => r.outcome === "merged"

export const behaviourSaboteurs: ReadonlyArray<Saboteur> = [
  {
    scenario: "remove",
    how: "remove does nothing",
    fires: "get after remove gave",
    sabotage: () => ({ directory: { remove: () => Effect.void } })
  },
  {
    scenario: "remove",
    how: "removing a contact already removed succeeds",
    fires: "a second remove of the same contact gave",
    sabotage: (base) => ({
      directory: { remove: (id) => base.remove(id).pipe(Effect.catchIf(is("ContactNotFound"), () => Effect.void)) }
    })
  },
  {
    scenario: "remove",
    capabilities: noDelete,
    how: "without delete support, remove answers success",
    fires: "remove, which the capabilities say is not supported, succeeded",
    sabotage: () => ({ directory: { remove: () => Effect.void } })
  },
  {
    scenario: "remove",
    capabilities: noDelete,
    how: "without delete support, remove fails as unavailable",
    fires: "remove without delete support failed with",
    sabotage: (base) => ({
      directory: {
        remove: (id) =>
          Effect.mapError(base.remove(id), (e) => withReason(e, new VendorUnavailable({ mayHaveSucceeded: false })))
      }
    })
  },
  {
    scenario: "remove",
    capabilities: noDelete,
    how: "without delete support, remove calls the vendor before refusing",
    fires: "remove without delete support sent requests",
    sabotage: (base) => ({ directory: { remove: (id) => Effect.andThen(base.get(id), base.remove(id)) } })
  },
  {
    scenario: "remove",
    capabilities: noDelete,
    how: "without delete support, remove deletes and then refuses",
    fires: "after a refused remove, reading the contact gave",
    sabotage: (base) => {
      const gone = new Set<ContactId>()
      return {
        directory: {
          remove: (id) => Effect.andThen(Effect.sync(() => gone.add(id)), base.remove(id)),
          get: (id) =>
            gone.has(id)
              ? Effect.fail(
                new ContactError({ vendor: base.vendor, operation: "get", reason: new ContactNotFound({ id }) })
              )
              : base.get(id)
        }
      }
    }
  },
  {
    scenario: "dedupe",
    capabilities: dedupes,
    how: "every create reports a merge",
    fires: "the first create of a draft reported",
    sabotage: (base) => ({
      directory: { create: (draft) => Effect.map(base.create(draft), (r) => ({ ...r, outcome: "merged" as const })) }
    })
  },
  {
    scenario: "dedupe",
    capabilities: dedupes,
    how: "a merge is reported as created",
    fires: "the same draft created again reported",
    sabotage: (base) => ({
      directory: { create: (draft) => Effect.map(base.create(draft), (r) => ({ ...r, outcome: "created" as const })) }
    })
  },
  {
    scenario: "dedupe",
    capabilities: dedupes,
    how: "a merge answers another contact's id",
    fires: "the merged create answered another contact's id",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          Effect.map(
            base.create(draft),
            (r) => merged(r) ? { ...r, contact: { ...r.contact, id: ContactId.make(`${r.contact.id}0`) } } : r
          )
      }
    })
  },
  {
    scenario: "dedupe",
    capabilities: dedupes,
    how: "a merge also stores a copy",
    fires: "contacts added by creating the same draft twice",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          Effect.tap(
            base.create(draft),
            (r) => merged(r) ? base.create({ ...draft, name: { ...draft.name, family: "Copy" } }) : Effect.void
          )
      }
    })
  },
  {
    scenario: "dedupe",
    capabilities: dedupes,
    how: "a merge adds the draft's fields again",
    fires: "merging the same draft again changed the contact",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          Effect.tap(
            base.create(draft),
            (r) =>
              merged(r) ? base.update(r.contact.id, { fields: [...r.contact.fields, ...draft.fields] }) : Effect.void
          )
      }
    })
  },
  {
    scenario: "invalid-input",
    how: "an invalid field is silently dropped instead of refused",
    fires: "a create with an invalid e-mail address succeeded",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          base.create(draft).pipe(Effect.catchIf(is("InvalidContact"), () => base.create({ ...draft, fields: [] })))
      }
    })
  },
  {
    scenario: "invalid-input",
    how: "an invalid field is refused as unsupported",
    fires: "an invalid e-mail address was refused with",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          Effect.mapError(
            base.create(draft),
            (e) => withReason(e, new Unsupported({ issues: [{ path: ["fields"], message: "no" }] }))
          )
      }
    })
  },
  {
    scenario: "invalid-input",
    how: "the refusal names no field",
    fires: "the refusal does not name the invalid field",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          Effect.mapError(
            base.create(draft),
            (e) => withReason(e, new InvalidContact({ issues: [{ path: [], message: "bad" }] }))
          )
      }
    })
  },
  {
    scenario: "invalid-input",
    how: "an invalid create writes the contact without its fields, then refuses",
    fires: "contacts after an invalid create",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          base.create(draft).pipe(
            Effect.catchIf(is("InvalidContact"), (e) =>
              Effect.andThen(base.create({ ...draft, fields: [] }), Effect.fail(e)))
          )
      }
    })
  },
  {
    scenario: "unsupported-input",
    capabilities: strict,
    how: "fields over the vendor's maximum are silently dropped instead of refused",
    fires: "a create the capabilities say the vendor cannot hold succeeded",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          base.create(draft).pipe(
            Effect.catchIf(is("Unsupported"), () =>
              base.create({ ...draft, fields: draft.fields.filter((f) => f._tag !== "Email") }))
          )
      }
    })
  },
  {
    scenario: "unsupported-input",
    capabilities: strict,
    how: "what the vendor cannot hold is refused as invalid",
    fires: "a contact the vendor cannot hold was refused with",
    sabotage: (base) => ({
      directory: {
        create: (draft) => Effect.mapError(base.create(draft), (e) => withReason(e, new InvalidContact({ issues: [] })))
      }
    })
  },
  {
    scenario: "unsupported-input",
    capabilities: strict,
    how: "an unsupported create writes what it can, then refuses",
    fires: "contacts after an unsupported create",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          base.create(draft).pipe(
            Effect.catchIf(is("Unsupported"), (e) =>
              Effect.andThen(base.create({ ...draft, fields: [] }), Effect.fail(e)))
          )
      }
    })
  },
  {
    scenario: "unauthorized",
    how: "a bad credential is accepted",
    fires: "a listing with bad credentials succeeded",
    sabotage: (base) => ({ control: { withBadCredentials: Effect.succeed(base) } })
  },
  {
    scenario: "unauthorized",
    how: "a bad credential is refused as forbidden",
    fires: "a bad credential was refused with",
    sabotage: (base) => ({
      control: { withBadCredentials: Effect.succeed(refusingDirectory(base, new Forbidden({}))) }
    })
  },
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
    scenario: "concurrent-creates",
    how: "concurrent creates all land on one contact",
    fires: "distinct contacts from 8 concurrent creates",
    sabotage: (base) => {
      let first: Effect.Effect<CreateResult, ContactError> | undefined
      return { directory: { create: (draft) => (first ??= Effect.runSync(Effect.cached(base.create(draft)))) } }
    }
  },
  {
    scenario: "concurrent-creates",
    how: "get answers the contact created last",
    fires: "reads back as another draft",
    sabotage: (base) => {
      let last: ContactId | undefined
      return {
        directory: {
          create: (draft) => Effect.tap(base.create(draft), (r) => Effect.sync(() => void (last = r.contact.id))),
          get: (id) => base.get(last ?? id)
        }
      }
    }
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
