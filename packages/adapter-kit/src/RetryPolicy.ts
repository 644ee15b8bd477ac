/**
 * How a vendor call is retried: how many times, and how long to wait between attempts —
 * jittered exponential backoff, unless the vendor said how long (`Retry-After`, a reset
 * header, or a hint in its 429 body), in which case its word wins. The backoff is Effect's
 * `Schedule` and `Retry-After` is read by Effect's parser; what stays here is the policy.
 */
import { Clock, DateTime, Duration, Effect, Result, Schedule } from "effect"
import { Headers } from "effect/http"

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
 * Jittered exponential backoff as Effect's own `Schedule`: `base * 2^n`, each delay scaled by a random factor of
 * 0.8–1.2 (`Schedule.jittered`, so many clients do not retry in lockstep), and never longer than `max`.
 */
export const backoffSchedule = (policy: RetryPolicy): Schedule.Schedule<Duration.Duration> => {
  const max = Duration.fromInputUnsafe(policy.max)
  return Schedule.exponential(policy.base).pipe(
    Schedule.jittered,
    Schedule.modifyDelay(({ duration }) => Effect.succeed(Duration.min(duration, max)))
  )
}

/** The delay before retry number `attempt` (0-based): step `attempt + 1` of `backoffSchedule`. */
export const backoff = (policy: RetryPolicy, attempt: number): Effect.Effect<Duration.Duration> =>
  Effect.gen(function*() {
    const step = yield* Schedule.toStep(backoffSchedule(policy))
    const now = yield* Clock.currentTimeMillis
    let delay = Duration.zero
    for (let n = 0; n <= attempt; n++) {
      delay = (yield* Effect.orDie(step(now, undefined)))[1]
    }
    return delay
  })

/**
 * Reads a `Retry-After` value with Effect's parser (`Headers.parseRetryAfter`): delay-seconds (`"11"`) or an HTTP
 * date, whose wait is counted from `Clock`. Undefined when it is neither; a date in the past means "now".
 */
export const parseRetryAfter = (value: string | undefined): Effect.Effect<Duration.Duration | undefined> => {
  if (value === undefined) return Effect.succeed(undefined)
  const parsed = Headers.parseRetryAfter(value)
  if (Result.isFailure(parsed)) return Effect.succeed(undefined)
  const retryAfter = parsed.success
  if (retryAfter._tag === "Duration") return Effect.succeed(retryAfter.duration)
  return Effect.map(
    Clock.currentTimeMillis,
    (now) => Duration.millis(Math.max(0, DateTime.toEpochMillis(retryAfter.dateTime) - now))
  )
}
