/**
 * The resources' JSON text, joined from text cached per row (`MonicaResourceJson.ts`), and a contact's bytes kept
 * per row (`MonicaResourceBytes.ts`) are byte for byte `JSON.stringify` of the resource objects
 * (`MonicaResources.ts`), for generated rows — also after rows are replaced, so nothing cached for an old row
 * shows through — and a page's envelope joins its items' bytes into exactly the serialisation of the whole page.
 */
import { describe, it } from "@effect/vitest"
import { assert } from "@effect/vitest"
import { HashMap } from "effect"
import type { HttpBody } from "effect/http"
import * as fc from "fast-check"
import type { RequestContext } from "../src/MonicaHttp.ts"
import { paginated } from "../src/MonicaHttp.ts"
import { contactBytes } from "../src/MonicaResourceBytes.ts"
import { contactJson, fieldJson, fieldTypeJson } from "../src/MonicaResourceJson.ts"
import { contactResource, fieldResource, fieldTypeResource } from "../src/MonicaResources.ts"
import type { ContactRow, FieldRow, FieldTypeRow, LabelRow, MonicaState } from "../src/MonicaState.ts"
import { emptyState, withContactRow, withField } from "../src/MonicaState.ts"

// Text with what JSON escapes: quotes, backslashes, control characters, non-ASCII and lone surrogates.
const text = fc.string({ unit: "binary", maxLength: 12 })
const maybe = fc.option(text, { nil: null })
const time = fc.integer({ min: 0, max: 4_102_444_800_000 })

const contactRow = (id: number) =>
  fc.record({
    id: fc.constant(id),
    uuid: text,
    accountId: fc.integer({ min: 1, max: 2 }),
    firstName: text,
    middleName: maybe,
    lastName: maybe,
    nickname: maybe,
    description: maybe,
    job: maybe,
    company: maybe,
    isStarred: fc.boolean(),
    isPartial: fc.boolean(),
    isActive: fc.boolean(),
    isDead: fc.boolean(),
    createdAt: time,
    updatedAt: time
  }) satisfies fc.Arbitrary<ContactRow>

const fieldTypeRow = (id: number) =>
  fc.record({
    id: fc.constant(id),
    uuid: text,
    accountId: fc.integer({ min: 1, max: 2 }),
    name: text,
    fontawesomeIcon: maybe,
    protocol: maybe,
    delible: fc.boolean(),
    type: maybe,
    createdAt: time,
    updatedAt: time
  }) satisfies fc.Arbitrary<FieldTypeRow>

const labelRow = (id: number) =>
  fc.record({
    id: fc.constant(id),
    accountId: fc.integer({ min: 1, max: 2 }),
    i18n: fc.option(fc.constantFrom("home", "work", "cell", "other", "unknown"), { nil: null }),
    custom: maybe,
    createdAt: time
  }) satisfies fc.Arbitrary<LabelRow>

// Ids 1–3 exist for types and labels, 1–4 for contacts; a field may point at one that does not (id 4 or 5).
const fieldRow = (id: number) =>
  fc.record({
    id: fc.constant(id),
    uuid: text,
    accountId: fc.integer({ min: 1, max: 2 }),
    contactId: fc.integer({ min: 1, max: 5 }),
    typeId: fc.integer({ min: 1, max: 4 }),
    data: text,
    labelIds: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }),
    createdAt: time,
    updatedAt: time
  }) satisfies fc.Arbitrary<FieldRow>

const rows = <A>(make: (id: number) => fc.Arbitrary<A>, count: number) =>
  fc.tuple(...Array.from({ length: count }, (_, i) => make(i + 1)))

const stateArbitrary = fc.record({
  types: rows(fieldTypeRow, 3),
  labels: rows(labelRow, 3),
  contacts: rows(contactRow, 4),
  fields: fc.array(fc.integer({ min: 1, max: 8 }).chain(fieldRow), { maxLength: 8 })
})

type Rows = typeof stateArbitrary extends fc.Arbitrary<infer A> ? A : never

/** Puts rows into a state; a later state built from other rows over `base` replaces them. */
const build = (generated: Rows, base: MonicaState = emptyState): MonicaState => {
  let state: MonicaState = {
    ...base,
    fieldTypes: generated.types.reduce((table, row) => HashMap.set(table, row.id, row), base.fieldTypes),
    labels: generated.labels.reduce((table, row) => HashMap.set(table, row.id, row), base.labels)
  }
  for (const row of generated.contacts) state = withContactRow(state, row)
  for (const row of generated.fields) state = withField(state, row)
  return state
}

const baseUrl = fc.constantFrom("http://localhost:4020", "http://127.0.0.1:1")

/** Every resource of `state` rendered both ways. */
const assertSameText = (state: MonicaState, base: string) => {
  for (const row of HashMap.values(state.contacts)) {
    for (const withFields of [false, true]) {
      const expected = JSON.stringify(contactResource(state, row, base, withFields))
      assert.strictEqual(contactJson(state, row, base, withFields), expected)
      assert.strictEqual(new TextDecoder().decode(contactBytes(state, row, base, withFields)), expected)
    }
  }
  for (const row of HashMap.values(state.fields)) {
    assert.strictEqual(fieldJson(state, row, base), JSON.stringify(fieldResource(state, row, base)))
  }
  for (const row of HashMap.values(state.fieldTypes)) {
    assert.strictEqual(fieldTypeJson(row), JSON.stringify(fieldTypeResource(row)))
  }
}

describe("Monica resources as JSON text", () => {
  it("is JSON.stringify of the resource, also after the rows it embeds are replaced", () => {
    fc.assert(
      fc.property(stateArbitrary, stateArbitrary, baseUrl, baseUrl, (first, second, url, otherUrl) => {
        const before = build(first)
        assertSameText(before, url)
        // Replacing every row: texts cached for the old rows must not show in the new state's resources.
        const after = build(second, before)
        assertSameText(after, url)
        assertSameText(after, otherUrl)
      }),
      { numRuns: 300 }
    )
  })

  it("a page joins its items' texts into the serialisation of the whole page", () => {
    const context = (page: number, perPage: number): RequestContext => ({
      accountId: 1,
      params: {},
      query: { page: String(page) },
      body: {},
      bodyIgnored: false,
      perPage,
      baseUrl: "http://localhost:4020",
      path: "/api/contacts"
    })
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 15 }),
        (items, page, perPage) => {
          const response = paginated(context(page, perPage), items, (item) => Buffer.from(JSON.stringify(item)))
          const body = response.body as HttpBody.Uint8Array
          const bytes = new TextDecoder().decode(body.body)
          const parsed = JSON.parse(bytes) as { readonly data: ReadonlyArray<unknown> }
          const expected = items.slice((page - 1) * perPage, page * perPage)
          // The page's own envelope, with its data as one value: the same text, key order included.
          assert.strictEqual(bytes, JSON.stringify({ ...parsed, data: expected }))
          assert.strictEqual(Object.keys(parsed)[0], "data")
          assert.strictEqual(response.headers["content-type"], "application/json")
          assert.strictEqual(response.status, 200)
        }
      ),
      { numRuns: 300 }
    )
  })
})
