/** The content hash reads content only: not vendor ids, not field order; any change of content changes it. */
import { contactDraftArb, nameArb } from "@contactkit/domain/testing"
import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { contentHash } from "../src/ContentHash.ts"

describe("contentHash", () => {
  it("ignores field ids and field order", () =>
    fc.assert(fc.property(contactDraftArb, fc.nat(), (draft, seed) => {
      const withIds = draft.fields.map((field, i) => ({ ...field, id: `f${i}-${seed}` }) as typeof field)
      const shuffled = [...withIds].sort(() => (seed % 3) - 1)
      assert.strictEqual(contentHash({ ...draft, fields: shuffled }), contentHash(draft))
    })))

  it("changes with the name", () =>
    fc.assert(fc.property(contactDraftArb, nameArb, (draft, name) => {
      fc.pre(JSON.stringify(name) !== JSON.stringify(draft.name))
      assert.notStrictEqual(contentHash({ ...draft, name }), contentHash(draft))
    })))

  it("changes with a field added", () =>
    fc.assert(fc.property(contactDraftArb, (draft) => {
      const more = { ...draft, fields: [...draft.fields, { _tag: "Email" as const, address: "new@example.org" }] }
      assert.notStrictEqual(contentHash(more), contentHash(draft))
    })))
})
