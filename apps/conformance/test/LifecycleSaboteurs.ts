/**
 * Saboteurs of contacts coming and going: removal (with and without delete support), dedupe on create, and
 * concurrent creates. Each breaks one thing and names the assertion that must fire because of it.
 */
import { ContactError, ContactId, ContactNotFound, type CreateResult, VendorUnavailable } from "@contactkit/domain"
import { Effect } from "effect"
import { dedupes, noDelete } from "./FakeConfigs.ts"
import { is, type Saboteur, withReason } from "./SaboteurRun.ts"

const merged = (r: CreateResult) => r.outcome === "merged"

export const lifecycleSaboteurs: ReadonlyArray<Saboteur> = [
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
  }
]
