/**
 * Each credential's rate limit held by every runner together, not per runner: before a request, a runner reserves
 * the credential's next free slot in the shared database with one atomic upsert (`ck_sync_rate`) and waits until
 * it. Slots are spaced evenly — a limit of L requests per window W gives one slot every W / L, never a burst — and
 * timed by the database's clock on Postgres, so runners on several machines agree on the time. Only 90% of a limit
 * is spent: a request reaches the vendor a little after its slot (the answer's way back, a busy event loop), and the
 * headroom keeps those delays, up to a tenth of the window, from ever making a window hold more than the limit.
 */
import { Clock, Context, Duration, Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
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

export const make = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  // The database's clock where several machines share it; the process's own for an embedded SQLite file.
  const reserve = (key: string, spacing: number) =>
    sql.onDialectOrElse({
      pg: () =>
        sql<{ readonly wait_ms: number }>`
          INSERT INTO ck_sync_rate (rate_key, next_at)
          VALUES (${key}, extract(epoch from clock_timestamp()) * 1000 + ${spacing})
          ON CONFLICT (rate_key) DO UPDATE
            SET next_at = GREATEST(ck_sync_rate.next_at + ${spacing}, excluded.next_at)
          RETURNING next_at - ${spacing} - extract(epoch from clock_timestamp()) * 1000 AS wait_ms`,
      orElse: () =>
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          sql<{ readonly wait_ms: number }>`
            INSERT INTO ck_sync_rate (rate_key, next_at) VALUES (${key}, ${now + spacing})
            ON CONFLICT (rate_key) DO UPDATE SET next_at = MAX(ck_sync_rate.next_at + ${spacing}, excluded.next_at)
            RETURNING next_at - ${spacing} - ${now} AS wait_ms`)
    })
  return SharedRateLimiter.of({
    take: (key, rateLimit) =>
      durable(reserve(key, spacingOf(rateLimit))).pipe(
        Effect.flatMap((rows) => {
          const wait = Number(rows[0]?.wait_ms ?? 0)
          return wait > 0 ? Effect.sleep(Duration.millis(Math.ceil(wait))) : Effect.void
        })
      )
  })
})

export const layer: Layer.Layer<SharedRateLimiter, never, SqlClient.SqlClient> = Layer.effect(SharedRateLimiter, make)
