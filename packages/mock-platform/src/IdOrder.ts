/**
 * Listing in id order over Effect's persistent `HashMap`, which keeps no order of its own. Both vendors' states are
 * immutable values whose tables are `HashMap`s, and both page through them in id order, so a table is sorted once
 * per version and the result remembered: paging through an unchanged list does not sort again.
 */
import { HashMap } from "effect"

// Keyed by an immutable table, an entry can never go stale; it goes when a newer state replaces that table.
const sortedTables = new WeakMap<HashMap.HashMap<number, unknown>, ReadonlyArray<unknown>>()

/** The values of `table` in ascending `id` order; the same array for the same table, so never mutate it. */
export const valuesInIdOrder = <V extends { readonly id: number }>(
  table: HashMap.HashMap<number, V>
): ReadonlyArray<V> => {
  const known = sortedTables.get(table) as ReadonlyArray<V> | undefined
  if (known !== undefined) return known
  const sorted = HashMap.toValues(table).sort((a, b) => a.id - b.id)
  sortedTables.set(table, sorted)
  return sorted
}
