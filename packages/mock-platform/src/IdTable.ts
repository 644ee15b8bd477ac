/**
 * A table of rows by numeric id, in id order, persistent: what a mock keeps a vendor's contacts in when it lists
 * them in id order. Lookups, writes and deletes are O(log n); a page at any offset is O(log n + page) and the
 * total is O(1), so a listing does not slow down as the table grows, after a write or deep into it. A write
 * returns a new table sharing all but O(log n) nodes with the old one, so states built from it stay immutable.
 * (It replaces `HashMap` + `valuesInIdOrder`, which sorted each new version of a table on its first listing.)
 */
import * as OrderedIndex from "./OrderedIndex.ts"

/** Rows by id; build with `empty`, `set`, `fromRows`. */
export type IdTable<V> = OrderedIndex.OrderedIndex<V>

export const empty = <V>(): IdTable<V> => OrderedIndex.empty()

export const get = <V>(table: IdTable<V>, id: number): V | undefined => OrderedIndex.get(table, id, 0)

export const has = (table: IdTable<unknown>, id: number): boolean => OrderedIndex.get(table, id, 0) !== undefined

export const set = <V>(table: IdTable<V>, id: number, row: V): IdTable<V> => OrderedIndex.set(table, id, 0, row)

export const remove = <V>(table: IdTable<V>, id: number): IdTable<V> => OrderedIndex.unset(table, id, 0)

export const size = (table: IdTable<unknown>): number => OrderedIndex.size(table)

/** The rows at positions `start` to `end` (exclusive) in id order. */
export const slice = <V>(table: IdTable<V>, start?: number, end?: number): Array<V> =>
  OrderedIndex.slice(table, start, end)

/** Every row in id order (O(n)). */
export const values = <V>(table: IdTable<V>): Array<V> => OrderedIndex.values(table)

/** A table of rows that carry their id. */
export const fromRows = <V extends { readonly id: number }>(rows: Iterable<V>): IdTable<V> => {
  let table = empty<V>()
  for (const row of rows) table = set(table, row.id, row)
  return table
}
