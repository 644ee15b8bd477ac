/**
 * The ordered index and the id table on top of it, checked against a plain model (a Map, sorted on every read) over
 * random sequences of writes and deletes: the same rows in the same order, any slice, any lookup, every old version
 * unchanged by later writes, and the tree balanced (so a page is found in O(log n)).
 */
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import * as IdTable from "../src/IdTable.ts"
import * as OrderedIndex from "../src/OrderedIndex.ts"

type Op = { readonly kind: "set"; readonly key: number; readonly id: number } | {
  readonly kind: "unset"
  readonly key: number
  readonly id: number
}

const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom("set" as const, "set" as const, "unset" as const),
  key: fc.integer({ min: 0, max: 30 }),
  id: fc.integer({ min: 0, max: 30 })
})

const modelOrder = (model: Map<string, { key: number; id: number; value: string }>) =>
  [...model.values()].sort((a, b) => a.key - b.key || a.id - b.id).map((entry) => entry.value)

// Height and size recomputed from the leaves: every node's claims hold, and no subtree leans by more than one.
const checkBalanced = (node: any): { height: number; size: number } => {
  if (node === undefined) return { height: 0, size: 0 }
  const left = checkBalanced(node.left)
  const right = checkBalanced(node.right)
  assert.isAtMost(Math.abs(left.height - right.height), 1)
  assert.strictEqual(node.height, Math.max(left.height, right.height) + 1)
  assert.strictEqual(node.size, left.size + right.size + 1)
  return { height: node.height, size: node.size }
}

describe("OrderedIndex", () => {
  it("holds what the model holds, in (key, id) order, for any sequence of writes and deletes", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), fc.nat(40), fc.nat(40), (ops, a, b) => {
        let index = OrderedIndex.empty<string>()
        const model = new Map<string, { key: number; id: number; value: string }>()
        const versions: Array<[OrderedIndex.OrderedIndex<string>, ReadonlyArray<string>]> = []
        ops.forEach((o, step) => {
          if (o.kind === "set") {
            const value = `${o.key}/${o.id}@${step}`
            index = OrderedIndex.set(index, o.key, o.id, value)
            model.set(`${o.key}/${o.id}`, { key: o.key, id: o.id, value })
          } else {
            index = OrderedIndex.unset(index, o.key, o.id)
            model.delete(`${o.key}/${o.id}`)
          }
          if (step % 25 === 0) versions.push([index, modelOrder(model)])
        })
        const expected = modelOrder(model)
        assert.deepStrictEqual(OrderedIndex.values(index), expected)
        assert.strictEqual(OrderedIndex.size(index), expected.length)
        assert.deepStrictEqual(OrderedIndex.slice(index, a, a + b), expected.slice(a, a + b))
        assert.strictEqual(OrderedIndex.at(index, a), expected[a])
        for (const entry of model.values()) {
          assert.strictEqual(OrderedIndex.get(index, entry.key, entry.id), entry.value)
        }
        assert.isUndefined(OrderedIndex.get(index, 31, 0))
        for (const [version, values] of versions) assert.deepStrictEqual(OrderedIndex.values(version), values)
        checkBalanced(index.root)
      }),
      { numRuns: 200 }
    )
  })

  it("stays shallow for rows appended in id order, as mocks create them", () => {
    let index = OrderedIndex.empty<number>()
    for (let id = 1; id <= 100_000; id++) index = OrderedIndex.set(index, id, 0, id)
    // An AVL tree of n nodes is at most 1.44 log2(n) high: 24 for 100,000 (a sorted array walked would be 100,000).
    assert.isAtMost(index.root!.height, 24)
    assert.deepStrictEqual(OrderedIndex.slice(index, 99_990, 99_995), [99_991, 99_992, 99_993, 99_994, 99_995])
    assert.deepStrictEqual(OrderedIndex.slice(index, 99_998), [99_999, 100_000])
    assert.deepStrictEqual(OrderedIndex.slice(index, 100_000), [])
  })
})

describe("IdTable", () => {
  it("is a map by id whose values come in id order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 50 })), { maxLength: 200 }), (ops) => {
        let table = IdTable.empty<{ readonly id: number; readonly n: number }>()
        const model = new Map<number, { readonly id: number; readonly n: number }>()
        ops.forEach(([write, id], n) => {
          if (write) {
            table = IdTable.set(table, id, { id, n })
            model.set(id, { id, n })
          } else {
            table = IdTable.remove(table, id)
            model.delete(id)
          }
        })
        const expected = [...model.values()].sort((a, b) => a.id - b.id)
        assert.deepStrictEqual(IdTable.values(table), expected)
        assert.strictEqual(IdTable.size(table), expected.length)
        for (let id = 1; id <= 50; id++) {
          assert.strictEqual(IdTable.has(table, id), model.has(id))
          assert.deepStrictEqual(IdTable.get(table, id), model.get(id))
        }
        assert.deepStrictEqual(IdTable.values(IdTable.fromRows(expected.reverse())), [...expected].reverse())
      })
    )
  })

  it("removing an id it does not hold returns the same table", () => {
    const table = IdTable.fromRows([{ id: 1 }, { id: 2 }])
    assert.strictEqual(IdTable.remove(table, 3), table)
  })
})
