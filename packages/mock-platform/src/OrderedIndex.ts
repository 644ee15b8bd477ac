/**
 * A persistent ordered index: values ordered by a numeric key, ties broken by a numeric id, that every mock can page
 * through without sorting. A listing takes a page at any offset in O(log n + page) — the first page, one deep into
 * 100,000 rows, and the first after a write cost the same — and a write makes a new index sharing all but
 * O(log n) nodes with the old one, so the mocks' states stay immutable values that a request can replace whole.
 *
 * It is an AVL tree whose nodes also count their subtree, which is what finds the n-th value without walking the
 * ones before it. `IdTable.ts` is the common case on top: rows keyed by their id alone.
 */

interface Node<V> {
  readonly key: number
  readonly id: number
  readonly value: V
  readonly left: Node<V> | undefined
  readonly right: Node<V> | undefined
  readonly height: number
  readonly size: number
}

/** An immutable index; build it with `empty` and the functions below, never by hand. */
export interface OrderedIndex<V> {
  readonly root: Node<V> | undefined
}

const emptyIndex: OrderedIndex<never> = { root: undefined }

export const empty = <V>(): OrderedIndex<V> => emptyIndex

const heightOf = (node: Node<unknown> | undefined) => (node === undefined ? 0 : node.height)
const sizeOf = (node: Node<unknown> | undefined) => (node === undefined ? 0 : node.size)

const node = <V>(
  key: number,
  id: number,
  value: V,
  left: Node<V> | undefined,
  right: Node<V> | undefined
): Node<V> => ({
  key,
  id,
  value,
  left,
  right,
  height: Math.max(heightOf(left), heightOf(right)) + 1,
  size: sizeOf(left) + sizeOf(right) + 1
})

const rotateRight = <V>(n: Node<V>): Node<V> => {
  const l = n.left!
  return node(l.key, l.id, l.value, l.left, node(n.key, n.id, n.value, l.right, n.right))
}

const rotateLeft = <V>(n: Node<V>): Node<V> => {
  const r = n.right!
  return node(r.key, r.id, r.value, node(n.key, n.id, n.value, n.left, r.left), r.right)
}

/** A node from subtrees whose heights differ by at most 2, rebalanced (the AVL rotations). */
const balanced = <V>(key: number, id: number, value: V, left: Node<V> | undefined, right: Node<V> | undefined) => {
  const lh = heightOf(left)
  const rh = heightOf(right)
  if (lh > rh + 1) {
    const l = left!
    const pivot = heightOf(l.left) >= heightOf(l.right) ? l : rotateLeft(l)
    return rotateRight(node(key, id, value, pivot, right))
  }
  if (rh > lh + 1) {
    const r = right!
    const pivot = heightOf(r.right) >= heightOf(r.left) ? r : rotateRight(r)
    return rotateLeft(node(key, id, value, left, pivot))
  }
  return node(key, id, value, left, right)
}

const compare = (key: number, id: number, n: Node<unknown>) => key - n.key || id - n.id

const insert = <V>(n: Node<V> | undefined, key: number, id: number, value: V): Node<V> => {
  if (n === undefined) return node(key, id, value, undefined, undefined)
  const c = compare(key, id, n)
  if (c === 0) return node(key, id, value, n.left, n.right)
  return c < 0
    ? balanced(n.key, n.id, n.value, insert(n.left, key, id, value), n.right)
    : balanced(n.key, n.id, n.value, n.left, insert(n.right, key, id, value))
}

const withoutMin = <V>(n: Node<V>): Node<V> | undefined =>
  n.left === undefined ? n.right : balanced(n.key, n.id, n.value, withoutMin(n.left), n.right)

const minOf = <V>(n: Node<V>): Node<V> => (n.left === undefined ? n : minOf(n.left))

const remove = <V>(n: Node<V> | undefined, key: number, id: number): Node<V> | undefined => {
  if (n === undefined) return undefined
  const c = compare(key, id, n)
  if (c < 0) {
    const left = remove(n.left, key, id)
    return left === n.left ? n : balanced(n.key, n.id, n.value, left, n.right)
  }
  if (c > 0) {
    const right = remove(n.right, key, id)
    return right === n.right ? n : balanced(n.key, n.id, n.value, n.left, right)
  }
  if (n.left === undefined) return n.right
  if (n.right === undefined) return n.left
  const next = minOf(n.right)
  return balanced(next.key, next.id, next.value, n.left, withoutMin(n.right))
}

/** The index with `value` at (`key`, `id`), replacing what was there. */
export const set = <V>(index: OrderedIndex<V>, key: number, id: number, value: V): OrderedIndex<V> => ({
  root: insert(index.root, key, id, value)
})

/** The index without the value at (`key`, `id`); the same index when there is none. */
export const unset = <V>(index: OrderedIndex<V>, key: number, id: number): OrderedIndex<V> => {
  const root = remove(index.root, key, id)
  return root === index.root ? index : { root }
}

export const get = <V>(index: OrderedIndex<V>, key: number, id: number): V | undefined => {
  let n = index.root
  while (n !== undefined) {
    const c = compare(key, id, n)
    if (c === 0) return n.value
    n = c < 0 ? n.left : n.right
  }
  return undefined
}

export const size = (index: OrderedIndex<unknown>): number => sizeOf(index.root)

/** The values at positions `start` (inclusive) to `end` (exclusive) in order: O(log n + end − start). */
export const slice = <V>(index: OrderedIndex<V>, start = 0, end = Number.POSITIVE_INFINITY): Array<V> => {
  const from = Math.max(0, start)
  const to = Math.min(sizeOf(index.root), end)
  const out: Array<V> = []
  if (from >= to) return out
  // Descend to position `from`, keeping the nodes still to visit after it, then walk in order.
  const stack: Array<Node<V>> = []
  let n = index.root
  let skip = from
  while (n !== undefined) {
    const leftSize = sizeOf(n.left)
    if (skip < leftSize) {
      stack.push(n)
      n = n.left
    } else if (skip === leftSize) {
      stack.push(n)
      break
    } else {
      skip -= leftSize + 1
      n = n.right
    }
  }
  while (out.length < to - from) {
    const top = stack.pop()
    if (top === undefined) break
    out.push(top.value)
    for (let next = top.right; next !== undefined; next = next.left) stack.push(next)
  }
  return out
}

/** Every value in order: O(n), for snapshots and for listings that must filter. */
export const values = <V>(index: OrderedIndex<V>): Array<V> => slice(index)

/** The value at position `position`, or undefined past the end. */
export const at = <V>(index: OrderedIndex<V>, position: number): V | undefined =>
  slice(index, position, position + 1)[0]
