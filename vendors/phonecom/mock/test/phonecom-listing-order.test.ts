/**
 * Listing reads an extension's contacts from an ordered table: whatever was written and deleted, every page at every
 * offset is the id-ordered list's slice, and `total` its length — the same answer sorting the whole list gave.
 */
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { contactsOf, emptyState, type StoredContact, withContact, withoutContact } from "../src/PhonecomState.ts"

const contact = (id: number, extensionId: number): StoredContact => ({
  id,
  extensionId,
  prefix: null,
  first_name: `n${id}`,
  middle_name: null,
  last_name: null,
  suffix: null,
  nickname: null,
  company: null,
  phonetic_first_name: null,
  phonetic_middle_name: null,
  phonetic_last_name: null,
  department: null,
  job_title: null,
  emails: [],
  phone_numbers: [],
  addresses: [],
  groupId: null,
  created_at: 0,
  updated_at: 0
})

describe("contactsOf", () => {
  it("pages every offset as the sorted list would, after any writes and deletes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 80 }), fc.constantFrom(1, 2)), { maxLength: 150 }),
        fc.integer({ min: 1, max: 10 }),
        (ops, limit) => {
          let state = emptyState
          const model = new Map<number, number>()
          for (const [write, id, extensionId] of ops) {
            const owner = model.get(id)
            if (write && (owner === undefined || owner === extensionId)) {
              state = withContact(state, contact(id, extensionId))
              model.set(id, extensionId)
            } else if (!write && owner !== undefined) {
              state = withoutContact(state, contact(id, owner))
              model.delete(id)
            }
          }
          const expected = [...model].filter(([, ext]) => ext === 1).map(([id]) => id).sort((a, b) => a - b)
          const listed = contactsOf(state, 1)
          assert.strictEqual(listed.size, expected.length)
          assert.deepStrictEqual(listed.all().map((c) => c.id), expected)
          for (let offset = 0; offset <= expected.length; offset += limit) {
            assert.deepStrictEqual(
              listed.slice(offset, offset + limit).map((c) => c.id),
              expected.slice(offset, offset + limit)
            )
          }
        }
      )
    )
  })
})
