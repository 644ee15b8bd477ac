/**
 * Fixed-window hit counters with bounded memory, the state behind every mock's rate limits and throttles. A key's
 * entry is updated in place (never a copy of the whole table per request), entries whose window has passed are
 * dropped as new hits arrive (least recently used first), and the table never holds more than `maxKeys` entries:
 * past that the least recently used key is forgotten, which at worst grants that key a fresh window.
 *
 * Callers decide which keys exist at all: a key should stand for an authenticated tenant, never for whatever an
 * unauthenticated client put in its credentials, or junk tokens would fill the table.
 */

export interface WindowHit {
  /** When the current window started (ms). */
  readonly startAt: number
  /** Hits in the current window, this one included. */
  readonly used: number
}

export interface WindowCounters {
  /** Counts one hit on `key` in windows of `windowMs`, at time `now` (ms, from `Clock`). */
  readonly hit: (key: string, windowMs: number, now: number) => WindowHit
  /** How many keys are held now. */
  readonly size: () => number
  readonly clear: () => void
}

interface Entry {
  readonly startAt: number
  readonly used: number
  readonly windowMs: number
}

export const defaultMaxKeys = 10_000

export const makeWindowCounters = (options: { readonly maxKeys?: number } = {}): WindowCounters => {
  const maxKeys = options.maxKeys ?? defaultMaxKeys
  // A Map iterates in insertion order; re-inserting on every hit keeps the least recently used key first.
  const entries = new Map<string, Entry>()
  const evict = (now: number) => {
    for (const [key, entry] of entries) {
      const expired = now - entry.startAt >= entry.windowMs
      if (!expired && entries.size <= maxKeys) break
      entries.delete(key)
    }
  }
  return {
    hit: (key, windowMs, now) => {
      const current = entries.get(key)
      const fresh = current === undefined || now - current.startAt >= windowMs
      const entry: Entry = fresh
        ? { startAt: now, used: 1, windowMs }
        : { startAt: current.startAt, used: current.used + 1, windowMs }
      entries.delete(key)
      entries.set(key, entry)
      evict(now)
      return { startAt: entry.startAt, used: entry.used }
    },
    size: () => entries.size,
    clear: () => entries.clear()
  }
}
