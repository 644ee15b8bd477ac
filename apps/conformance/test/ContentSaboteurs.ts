/**
 * Saboteurs of what contacts read back as: round trips, listings, patches and field operations. Each breaks one
 * thing and names the assertion that must fire because of it.
 */
import { ContactError, ContactId, type ContactPatch, Unsupported } from "@contactkit/domain"
import { Effect, Stream } from "effect"
import { patchGenerated } from "../src/PatchChecks.ts"
import { strict, withoutLabel } from "./FakeConfigs.ts"
import type { Saboteur } from "./SaboteurRun.ts"

const refused = (vendor: string) =>
  new ContactError({ vendor, operation: "update", reason: new Unsupported({ issues: [{ path: [], message: "no" }] }) })

export const contentSaboteurs: ReadonlyArray<Saboteur> = [
  {
    scenario: "round-trip",
    how: "create reports a new contact as merged",
    fires: "the create of a new contact reported",
    sabotage: (base) => ({
      directory: { create: (draft) => Effect.map(base.create(draft), (r) => ({ ...r, outcome: "merged" as const })) }
    })
  },
  {
    scenario: "round-trip",
    how: "create answers the contact without the labels it stored",
    fires: "what create returned is not project(draft)",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          Effect.map(base.create(draft), (r) => ({
            ...r,
            contact: { ...r.contact, fields: r.contact.fields.map(withoutLabel) }
          }))
      }
    })
  },
  {
    scenario: "round-trip",
    how: "get drops the labels the capabilities say are kept",
    fires: "the contact read back is not project(draft)",
    sabotage: (base) => ({
      directory: { get: (id) => Effect.map(base.get(id), (c) => ({ ...c, fields: c.fields.map(withoutLabel) })) }
    })
  },
  {
    scenario: "round-trip",
    how: "get answers the contact under another id",
    fires: "get returned a contact with another id",
    sabotage: (base) => ({
      directory: { get: (id) => Effect.map(base.get(id), (c) => ({ ...c, id: ContactId.make(`${c.id}0`) })) }
    })
  },
  {
    scenario: "round-trip-generated",
    how: "get drops labels",
    fires: "read back is not project(draft)",
    sabotage: (base) => ({
      directory: { get: (id) => Effect.map(base.get(id), (c) => ({ ...c, fields: c.fields.map(withoutLabel) })) }
    })
  },
  {
    scenario: "unicode-max-length",
    how: "long names come back truncated",
    fires: "the unicode contact at the length limits read back is not project(draft)",
    sabotage: (base) => ({
      directory: {
        get: (id) =>
          Effect.map(base.get(id), (c) => ({
            ...c,
            name: c.name.given === undefined ? c.name : { ...c.name, given: c.name.given.slice(0, 100) }
          }))
      }
    })
  },
  {
    scenario: "list-pages",
    how: "the listing repeats its first contact",
    fires: "a contact was listed twice",
    sabotage: (base) => ({
      directory: { list: (options) => Stream.concat(Stream.take(base.list(options), 1), base.list(options)) }
    })
  },
  {
    scenario: "list-pages",
    how: "the listing leaves out its last contact",
    fires: "is missing from the listing",
    sabotage: (base) => ({
      directory: {
        list: (options) =>
          Stream.unwrap(
            Effect.map(
              Stream.runCollect(base.list(options)),
              (all) => Stream.fromIterable(Array.from(all).slice(0, -1))
            )
          )
      }
    })
  },
  {
    scenario: "patch-preserves",
    how: "the harness's attach does not take",
    fires: "was not there before the patch",
    sabotage: (_, fake) => ({
      control: {
        unmodelled: { attach: () => Effect.void, isIntact: (id) => Effect.sync(() => fake.vendorData.has(id)) }
      }
    })
  },
  {
    scenario: "patch-preserves",
    how: "an update answers success but changes nothing",
    fires: "the given name the patch set was not stored",
    sabotage: (base) => ({ directory: { update: (id) => base.get(id) } })
  },
  {
    scenario: "patch-preserves",
    how: "an update stores the patch but answers the contact as it was",
    fires: "what update returned is not what get reads back",
    sabotage: (base) => ({
      directory: {
        update: (id, patch) => Effect.flatMap(base.get(id), (before) => Effect.as(base.update(id, patch), before))
      }
    })
  },
  {
    scenario: "patch-preserves",
    how: "an update also clears the organisation",
    fires: "a part the patch did not name changed",
    sabotage: (base) => ({
      directory: {
        update: (id, patch) =>
          base.update(id, { ...patch, organization: { name: null, department: null, title: null, role: null } })
      }
    })
  },
  {
    scenario: "patch-preserves",
    how: "an update wipes vendor data the domain does not model",
    fires: "was lost by the patch",
    sabotage: (base, fake) => ({
      directory: {
        update: (id, patch) => Effect.tap(base.update(id, patch), () => Effect.sync(() => fake.vendorData.delete(id)))
      }
    })
  },
  {
    scenario: "patch-generated",
    how: "an update answers success but changes nothing",
    fires: "read back is not project(patched contact)",
    sabotage: (base) => ({ directory: { update: (id) => base.get(id) } })
  },
  {
    scenario: "patch-generated",
    how: "every update is refused",
    fires: "was refused, but validateChange accepts it",
    sabotage: (base) => ({ directory: { update: () => Effect.fail(refused(base.vendor)) } })
  },
  {
    scenario: "patch-generated",
    capabilities: strict,
    how: "a refused update answers success",
    fires: "was accepted, but validateChange refuses it",
    sabotage: (base) => ({
      directory: { update: (id, patch) => base.update(id, patch).pipe(Effect.catch(() => base.get(id))) }
    })
  },
  {
    scenario: "patch-generated",
    capabilities: strict,
    how: "a refused update still writes the organisation",
    fires: "was refused, but changed the contact",
    sabotage: (base) => ({
      directory: {
        update: (id, patch: ContactPatch) =>
          base.update(id, patch).pipe(
            Effect.catch((error) =>
              Effect.andThen(base.update(id, { organization: { name: "Written anyway" } }), Effect.fail(error))
            )
          )
      }
    })
  },
  {
    scenario: "patch-generated",
    how: "validateChange refuses everything and so does the vendor",
    fires: "generated patches were accepted: too few",
    body: patchGenerated(() => Effect.fail("refused")),
    sabotage: (base) => ({ directory: { update: () => Effect.fail(refused(base.vendor)) } })
  },
  {
    scenario: "field-ops",
    how: "fields.add answers the field without the label it stored",
    fires: "what fields.add returned is not project(field)",
    sabotage: (base) => ({
      directory: { fields: { add: (id, field) => Effect.map(base.fields.add(id, field), withoutLabel) } }
    })
  },
  {
    scenario: "field-ops",
    how: "fields.add answers the field but stores nothing",
    fires: "read back after fields.add is not project(field)",
    sabotage: () => ({ directory: { fields: { add: (_, field) => Effect.succeed(field) } } })
  },
  {
    scenario: "field-ops",
    how: "fields.update answers the field but stores nothing",
    fires: "read back after fields.update is not project(replacement)",
    sabotage: () => ({ directory: { fields: { update: (_, __, field) => Effect.succeed(field) } } })
  },
  {
    scenario: "field-ops",
    how: "fields.remove does nothing",
    fires: "still listed after fields.remove",
    sabotage: () => ({ directory: { fields: { remove: () => Effect.void } } })
  }
]
