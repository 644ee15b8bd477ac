/**
 * Field operations through the port, for every kind the vendor can write: add, update to another value, update
 * dropping the context, remove — each read back through `fields.list` as exactly what the vendor can hold of it.
 */
import { ContactDirectory, type ContactField, project } from "@contactkit/domain"
import { assert } from "@effect/vitest"
import { Effect } from "effect"
import type { ChecksFor } from "./CheckSupport.ts"
import { comparable, sampleDraft, sampleField, writableKinds } from "./Drafts.ts"

export const fieldChecks: ChecksFor<"field-ops"> = {
  "field-ops": (next) =>
    Effect.gen(function*() {
      const directory = yield* ContactDirectory
      const capabilities = directory.capabilities
      for (const kind of writableKinds(capabilities)) {
        const { contact } = yield* directory.create({ ...sampleDraft(capabilities, next()), fields: [] })
        const stored = (fields: ReadonlyArray<ContactField>) => comparable({ ...contact, fields }).fields
        const expected = (field: ContactField) =>
          comparable(project(capabilities, { ...contact, fields: [field] }).contact).fields
        const field = sampleField(capabilities, kind, next())
        const added = yield* directory.fields.add(contact.id, field)
        assert.deepStrictEqual(
          stored([added]),
          expected(field),
          `${kind}: what fields.add returned is not project(field)`
        )
        let listed = yield* directory.fields.list(contact.id)
        assert.deepStrictEqual(
          stored(listed),
          expected(field),
          `${kind}: read back after fields.add is not project(field)`
        )
        const refOf = (fields: ReadonlyArray<ContactField>) =>
          capabilities.fields[kind].fieldIds && fields[0]!.id !== undefined ? fields[0]!.id : 0
        // Then an update to another value, then one that drops the context (and so any label
        // standing for it): each must read back as exactly what the vendor can hold of it.
        const { context: _, ...bare } = sampleField(capabilities, kind, next())
        for (const replacement of [sampleField(capabilities, kind, next()), bare as ContactField]) {
          yield* directory.fields.update(contact.id, refOf(listed), replacement)
          listed = yield* directory.fields.list(contact.id)
          assert.deepStrictEqual(
            stored(listed),
            expected(replacement),
            `${kind}: read back after fields.update is not project(replacement)`
          )
        }
        yield* directory.fields.remove(contact.id, refOf(listed))
        listed = yield* directory.fields.list(contact.id)
        assert.deepStrictEqual(stored(listed), [], `${kind}: still listed after fields.remove`)
      }
    })
}
