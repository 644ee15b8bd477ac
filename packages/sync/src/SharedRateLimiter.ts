/**
 * Each credential's rate limit held by every runner together, not per runner: a runner reserves a window of the
 * credential's next free time in the shared database with one atomic upsert (`ck_sync_rate`) and starts its own
 * requests in it (RateWindow), each at least a spacing after the one before. Requests are spaced evenly — a limit
 * of L requests per window W gives one every W / L, never a burst — and timed by the database's clock on Postgres,
 * so runners on several machines agree on the time; reserved windows are disjoint, so the requests of all runners
 * together keep that spacing. Only 90% of a limit is spent: a request reaches the vendor a little after its start
 * (the answer's way back, a busy event loop), and the headroom keeps those delays, up to a tenth of the window,
 * from ever making a window hold more than the limit.
 *
 * A window holds at least one slot for each request of this runner waiting for that credential at the time (at
 * most about a second of slots, and 16), and, while no other runner reserves in between, twice the last window's
 * slots — so a runner that has a credential to itself asks the database about once a window, not once a request.
 * Where other runners' windows come between, it holds only a slot per request waiting. Time of a window that
 * passes unused is lost, never spent later: the credential's capacity for it is lost, never exceeded.
 */
import { Clock, Context, Duration, Effect, Layer, Semaphore } from "effect"
import { SqlClient } from "effect/sql"
import * as RateWindow from "./RateWindow.ts"
import { durable } from "./SyncStore.ts"

export interface RateLimit {
  /** At most this many requests… */
  readonly limit: number
  /** …in any window of this length. */
  readonly window: Duration.Input
}

/** The share of a limit the limiter spends. */
export const headroom = 0.9

/** Milliseconds between two slots of one credential. */
export const spacingOf = (rateLimit: RateLimit): number =>
  Duration.toMillis(Duration.fromInputUnsafe(rateLimit.window)) / Math.max(1, rateLimit.limit * headroom)

export class SharedRateLimiter extends Context.Service<SharedRateLimiter, {
  /** Waits for the next slot of `key` (a credential's name, never its secret). */
  readonly take: (key: string, rateLimit: RateLimit) => Effect.Effect<void>
}>()("@contactkit/sync/SharedRateLimiter") {}

/** `"100/10s"`, `"60/1m"`: a limit and a window, as variables and flags write it. */
export const parseRateLimit = (text: string): RateLimit | undefined => {
  const match = /^(\d+)\s*\/\s*(\d*)\s*(ms|s|m|h)$/u.exec(text.trim())
  if (match === null) return undefined
  const unit = { ms: "millis", s: "seconds", m: "minutes", h: "hours" } as const
  const amount = match[2] === "" ? 1 : Number(match[2])
  return {
    limit: Number(match[1]),
    window: Duration.fromInputUnsafe(`${amount} ${unit[match[3] as keyof typeof unit]}`)
  }
}

/** The most slots one reservation takes: about a second of them, at most 16, at least one. */
const maxBlock = (spacing: number): number => Math.max(1, Math.min(16, Math.floor(1000 / spacing)))

/** A reservation's answer: milliseconds until its first slot, and where it ends on the database's clock. */
interface Reserved {
  readonly wait_ms: number
  readonly next_at: number
}

/** One credential's time on this runner: its latest window, and the requests waiting. */
interface Slots {
  readonly key: string
  readonly lock: Semaphore.Semaphore
  window: RateWindow.RateWindow
  waiting: number
}

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  // Reserves `span` milliseconds of slots; answers how long until the first, and where the reserved time ends (the
  // database's clock). The database's clock where several machines share it; the process's own for an embedded
  // SQLite file.
  const reserve = (key: string, span: number) =>
    sql.onDialectOrElse({
      pg: () =>
        sql<Reserved>`
          INSERT INTO ck_sync_rate (rate_key, next_at)
          VALUES (${key}, extract(epoch from clock_timestamp()) * 1000 + ${span})
          ON CONFLICT (rate_key) DO UPDATE
            SET next_at = GREATEST(ck_sync_rate.next_at + ${span}, excluded.next_at)
          RETURNING next_at - ${span} - extract(epoch from clock_timestamp()) * 1000 AS wait_ms, next_at`,
      orElse: () =>
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          sql<Reserved>`
            INSERT INTO ck_sync_rate (rate_key, next_at) VALUES (${key}, ${now + span})
            ON CONFLICT (rate_key) DO UPDATE SET next_at = MAX(ck_sync_rate.next_at + ${span}, excluded.next_at)
            RETURNING next_at - ${span} - ${now} AS wait_ms, next_at`)
    })
  const credentials = new Map<string, Slots>()
  const slotsOf = (key: string): Slots => {
    let slots = credentials.get(key)
    if (slots === undefined) {
      slots = { key, lock: Semaphore.makeUnsafe(1), window: RateWindow.none, waiting: 0 }
      credentials.set(key, slots)
    }
    return slots
  }
  // The local time this request starts at: in the current window if it has room, else the first of a new one sized
  // by RateWindow.nextCount from the last one and the `demand` requests waiting now (this one included).
  const claim = (slots: Slots, spacing: number, demand: number) =>
    Effect.gen(function*() {
      const now = yield* Clock.currentTimeMillis
      const at = RateWindow.startOf(slots.window, now, spacing)
      if (at !== undefined) {
        slots.window = RateWindow.started(slots.window, at)
        return at
      }
      const count = RateWindow.nextCount(slots.window, demand, maxBlock(spacing))
      const rows = yield* durable(reserve(slots.key, count * spacing))
      const wait = Math.max(0, Number(rows[0]?.wait_ms ?? 0))
      const from = (yield* Clock.currentTimeMillis) + wait
      const window = RateWindow.reserved(
        slots.window,
        { wait, end: Number(rows[0]?.next_at ?? 0) },
        from,
        count,
        spacing
      )
      slots.window = RateWindow.started(window, from)
      return from
    })
  return SharedRateLimiter.of({
    take: (key, rateLimit) => {
      const slots = slotsOf(key)
      const spacing = spacingOf(rateLimit)
      const claimed = Effect.suspend(() => {
        // Counted from the call until this request holds the lock (or gives up waiting for it).
        let counted = true
        slots.waiting++
        const holding = Effect.suspend(() => {
          counted = false
          slots.waiting--
          return claim(slots, spacing, slots.waiting + 1)
        })
        return slots.lock.withPermits(1)(holding).pipe(
          Effect.ensuring(Effect.sync(() => {
            if (counted) slots.waiting--
          }))
        )
      })
      return Effect.flatMap(
        claimed,
        (at) =>
          Effect.flatMap(
            Clock.currentTimeMillis,
            (now) => at > now ? Effect.sleep(Duration.millis(Math.ceil(at - now))) : Effect.void
          )
      )
    }
  })
})

export const layer: Layer.Layer<SharedRateLimiter, never, SqlClient.SqlClient> = Layer.effect(SharedRateLimiter, make)
