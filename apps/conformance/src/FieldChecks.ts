/**
 * Field operations through the port, for every kind the vendor can write: add, update to another value, update
 * dropping the context, remove — each read back through `fields.list` as exactly what the vendor can hold of it.
 */
import { ContactDirectory, type ContactField, project } from "@contactkit/domain"
import { assert } from "@effect/vitest"
import { Effect } from "effect"
import type { ChecksFor } from "./CheckSupport.ts"
import { comparable, requiredFields, sampleDraft, sampleField, writableKinds } from "./Drafts.ts"

export const fieldChecks: ChecksFor<"field-ops"> = {
  "field-ops": (next) =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const capabilities = directory.capabilities
      for (const kind of writableKinds(capabilities)) {
        // Without fields, but for those the vendor requires of every contact (none for most vendors).
        const base = requiredFields(capabilities, next())
        const { contact } = yield* directory.create({ ...sampleDraft(capabilities, next()), fields: base })
        const stored = (fields: ReadonlyArray<ContactField>) => comparable({ ...contact, fields }).fields
        const projection = (field: ContactField) => project(capabilities, { ...contact, fields: [...base, field] })
        const expected = (field: ContactField) => comparable(projection(field).contact).fields
        // Where the field under test comes back among the required ones.
        const placeOf = (field: ContactField) => projection(field).origins.indexOf(base.length)
        const field = sampleField(capabilities, kind, next())
        const added = yield* directory.fields.add(contact.id, field)
        assert.deepStrictEqual(
          stored([added]),
          expected(field).slice(placeOf(field), placeOf(field) + 1),
          `${kind}: what fields.add returned is not project(field)`
        )
        let listed = yield* directory.fields.list(contact.id)
        assert.deepStrictEqual(
          stored(listed),
          expected(field),
          `${kind}: read back after fields.add is not project(field)`
        )
        const refOf = (fields: ReadonlyArray<ContactField>, current: ContactField) => {
          const place = placeOf(current)
          return capabilities.fields[kind].fieldIds && fields[place]?.id !== undefined ? fields[place]!.id! : place
        }
        // Then an update to another value, then one that drops the context (and so any label
        // standing for it): each must read back as exactly what the vendor can hold of it.
        const { context: _, ...bare } = sampleField(capabilities, kind, next())
        let current = field
        for (const replacement of [sampleField(capabilities, kind, next()), bare as ContactField]) {
          yield* directory.fields.update(contact.id, refOf(listed, current), replacement)
          listed = yield* directory.fields.list(contact.id)
          assert.deepStrictEqual(
            stored(listed),
            expected(replacement),
            `${kind}: read back after fields.update is not project(replacement)`
          )
          current = replacement
        }
        yield* directory.fields.remove(contact.id, refOf(listed, current))
        listed = yield* directory.fields.list(contact.id)
        assert.deepStrictEqual(
          stored(listed),
          comparable(project(capabilities, { ...contact, fields: base }).contact).fields,
          `${kind}: still listed after fields.remove`
        )
      }
    })
}
