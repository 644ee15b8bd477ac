/**
 * A contact's JSON text and bytes, cached per stored contact and group (`PhonecomWireJson.ts`), are byte for byte
 * `JSON.stringify(toWire(state, contact))` for generated contacts — also after its group is renamed or deleted and
 * after the contact is replaced, so no cached text shows through.
 */
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import type { PhonecomState, StoredContact, StoredGroup } from "../src/PhonecomState.ts"
import { emptyState, nameFields, toWire, withContact, withGroup, withoutGroup } from "../src/PhonecomState.ts"
import { contactBytes, contactJson } from "../src/PhonecomWireJson.ts"

// Text with what JSON escapes: quotes, backslashes, control characters, non-ASCII and lone surrogates.
const text = fc.string({ unit: "binary", maxLength: 10 })
const maybe = fc.option(text, { nil: null })

const contact = (id: number): fc.Arbitrary<StoredContact> =>
  fc.record({
    names: fc.tuple(...nameFields.map(() => maybe)),
    emails: fc.array(fc.record({ type: fc.constantFrom("primary", "alternate"), email: text }), { maxLength: 2 }),
    phone_numbers: fc.array(
      fc.record({
        type: fc.constantFrom("home", "business", "mobile", "fax", "pager"),
        number: text,
        normalized: maybe
      }),
      { maxLength: 2 }
    ),
    addresses: fc.array(
      fc.record({
        type: fc.constantFrom("home", "business"),
        street: maybe,
        city: maybe,
        state: maybe,
        zip: maybe,
        country: maybe
      }),
      { maxLength: 2 }
    ),
    groupId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    created_at: fc.nat(),
    updated_at: fc.nat()
  }).map(({ names, ...rest }) => ({
    ...(Object.fromEntries(nameFields.map((field, i) => [field, names[i] ?? null])) as {
      [K in typeof nameFields[number]]: string | null
    }),
    ...rest,
    id,
    extensionId: 1
  }))

const group = (id: number): fc.Arbitrary<StoredGroup> => text.map((name) => ({ id, extensionId: 1, name }))

const assertSameText = (state: PhonecomState, contacts: ReadonlyArray<StoredContact>) => {
  for (const row of contacts) {
    const expected = JSON.stringify(toWire(state, row))
    assert.strictEqual(contactJson(state, row), expected)
    assert.strictEqual(new TextDecoder().decode(contactBytes(state, row)), expected)
  }
}

describe("Phone.com contacts as JSON text", () => {
  it("is JSON.stringify(toWire(...)), also after groups are renamed or deleted and contacts replaced", () => {
    fc.assert(
      fc.property(
        fc.tuple(contact(1), contact(2), contact(3), contact(4)),
        fc.tuple(group(1), group(2)),
        group(2),
        contact(1),
        (contacts, groups, renamed, replacement) => {
          // Group 3 never exists: a contact pointing at it shows no group.
          let state = groups.reduce(withGroup, emptyState)
          state = contacts.reduce(withContact, state)
          assertSameText(state, contacts)
          state = withGroup(state, renamed)
          assertSameText(state, contacts)
          state = withoutGroup(state, groups[0], 0)
          assertSameText(state, contacts)
          state = withContact(state, replacement)
          assertSameText(state, [replacement, ...contacts.slice(1)])
        }
      ),
      { numRuns: 300 }
    )
  })
})
