/**
 * How a vendor call is retried: how many times, and how long to wait between attempts —
 * jittered exponential backoff, unless the vendor said how long (`Retry-After`, a reset
 * header, or a hint in its 429 body), in which case its word wins.
 */
import { Clock, Duration, Effect, Random } from "effect"

export interface RetryPolicy {
  /** Retries after the first attempt; 0 disables retrying. */
  readonly times: number
  /** The first backoff delay; each retry doubles it. */
  readonly base: Duration.Input
  /** The longest backoff delay. */
  readonly max: Duration.Input
  /** A vendor asking us to wait longer than this is not waited for: the call fails with `RateLimited`. */
  readonly maxRetryAfter: Duration.Input
}

export const defaultRetryPolicy: RetryPolicy = {
  times: 3,
  base: "250 millis",
  max: "10 seconds",
  maxRetryAfter: "60 seconds"
}

/**
 * The delay before retry number `attempt` (0-based): `base * 2^attempt` capped at `max`, then
 * "equal jitter" (between half and all of it) so that many clients do not retry in lockstep.
 */
export const backoff = (policy: RetryPolicy, attempt: number): Effect.Effect<Duration.Duration> =>
  Effect.map(Random.next, (random) => {
    const ceiling = Math.min(Duration.toMillis(policy.max), Duration.toMillis(policy.base) * 2 ** attempt)
    return Duration.millis(Math.round(ceiling / 2 + (ceiling / 2) * random))
  })

/**
 * Reads a `Retry-After` value: delay-seconds (`"11"`) or an HTTP date. Undefined when it is
 * neither; a date in the past means "now".
 */
export const parseRetryAfter = (value: string | undefined): Effect.Effect<Duration.Duration | undefined> => {
  if (value === undefined) return Effect.succeed(undefined)
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/u.test(trimmed)) return Effect.succeed(Duration.seconds(Number(trimmed)))
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return Effect.succeed(undefined)
  return Effect.map(Clock.currentTimeMillis, (now) => Duration.millis(Math.max(0, at - now)))
}
