/**
 * Monica's listing index: after any writes (new contacts, archived or partial ones, updates that move a contact's
 * time, deletes) it holds exactly the account's active, non-partial contacts in (created_at, id) order — what
 * filtering and sorting the whole table gave — and a seed with a count lists its generated contacts, deep pages too.
 */
import { layer as mockLayer, OrderedIndex } from "@contactkit/mock-platform"
import { admin, call } from "@contactkit/mock-platform/testing"
import { assert, describe, it, layer } from "@effect/vitest"
import { Effect } from "effect"
import * as fc from "fast-check"
import { makeMonica } from "../src/index.ts"
import { type ContactRow, emptyState, listedContacts, withContactRow, withoutContact } from "../src/MonicaState.ts"

const row = (id: number, accountId: number, createdAt: number, isActive: boolean, isPartial: boolean): ContactRow => ({
  id,
  uuid: `u${id}`,
  accountId,
  firstName: `n${id}`,
  middleName: null,
  lastName: null,
  nickname: null,
  description: null,
  job: null,
  company: null,
  isStarred: false,
  isPartial,
  isActive,
  isDead: false,
  createdAt,
  updatedAt: createdAt
})

describe("listedContacts", () => {
  it("is the active, non-partial contacts of the account in (created_at, id) order, after any writes", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.boolean(),
            fc.integer({ min: 1, max: 40 }),
            fc.constantFrom(1, 2),
            fc.integer({ min: 0, max: 5 }),
            fc.boolean(),
            fc.boolean()
          ),
          { maxLength: 150 }
        ),
        (ops) => {
          let state = emptyState
          const model = new Map<number, ContactRow>()
          for (const [write, id, account, time, active, partial] of ops) {
            if (write) {
              const written = row(id, model.get(id)?.accountId ?? account, time, active, partial)
              state = withContactRow(state, written)
              model.set(id, written)
            } else {
              state = withoutContact(state, id)
              model.delete(id)
            }
          }
          for (const account of [1, 2]) {
            const expected = [...model.values()]
              .filter((r) => r.accountId === account && r.isActive && !r.isPartial)
              .sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)
              .map((r) => r.id)
            assert.deepStrictEqual(OrderedIndex.values(listedContacts(state, account)).map((r) => r.id), expected)
          }
        }
      )
    )
  })
})

const token = "monica-token-a"

layer(mockLayer(makeMonica({ rateLimit: false }), { port: 0 }))("Monica mock: generated contacts", (it) => {
  it.effect("a seed with a count lists the demo contacts, then the generated ones, both ways, at any page", () =>
    Effect.gen(function*() {
      yield* admin("POST", "/seed")
      const demo = (yield* call("GET", "/api/contacts?limit=1", { token })).json.meta.total
      assert.deepStrictEqual((yield* admin("POST", "/seed", { count: 5_000 })).json, { seeded: true, count: 5_000 })
      // Three demo contacts list first (created earlier): position 4,999 is generated contact 4,996.
      assert.strictEqual(demo, 3)
      const page = yield* call("GET", `/api/contacts?limit=100&page=50&with=contactfields`, { token })
      assert.strictEqual(page.json.meta.total, 5_003)
      const last = page.json.data[99]
      assert.strictEqual(last.first_name, "Dennis")
      assert.strictEqual(last.last_name, "Torvalds")
      assert.deepStrictEqual(last.contactFields.map((f: { content: string }) => f.content), [
        "dennis.torvalds.4996@example.com",
        "+1 212 555 4996"
      ])
      const newest = yield* call("GET", "/api/contacts?limit=2&sort=-created_at", { token })
      assert.deepStrictEqual(newest.json.data.map((c: { first_name: string }) => c.first_name), ["Radia", "Ken"])
      assert.strictEqual(newest.json.data[0].id, last.id + 3)
    }))
})
