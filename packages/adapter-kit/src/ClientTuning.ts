/**
 * The knobs every adapter's options share — how long one request may take, how it is retried, how fast
 * requests may start — and how they become `VendorHttp` options. The vendor's documented rate limit is the
 * default, so an adapter pointed at the real vendor slows itself down; `false` turns limiting off (a local
 * mock with its own limit off).
 */
import type { Duration } from "effect"
import type { RateLimit } from "./RateLimiter.ts"
import type { RetryPolicy } from "./RetryPolicy.ts"
import type { VendorHttpOptions } from "./VendorHttp.ts"

export interface ClientTuning {
  /** How long one request may take, answer and body; default 30 seconds. */
  readonly timeout?: Duration.Input
  readonly retry?: Partial<RetryPolicy>
  /** Client-side rate limit; the vendor's documented one unless given, `false` for none. */
  readonly rateLimit?: RateLimit | false
}

/** The tuning as `VendorHttp` options, `documented` standing in for a rate limit not given. */
export const tuningOptions = (
  tuning: ClientTuning,
  documented?: RateLimit
): Pick<VendorHttpOptions, "timeout" | "retry" | "rateLimit"> => {
  const rateLimit = tuning.rateLimit === undefined ? documented : tuning.rateLimit
  return {
    ...(tuning.timeout === undefined ? {} : { timeout: tuning.timeout }),
    ...(tuning.retry === undefined ? {} : { retry: tuning.retry }),
    ...(rateLimit === undefined || rateLimit === false ? {} : { rateLimit })
  }
}
