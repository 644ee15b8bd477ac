/**
 * Deskpro's optional API rate limit (`core.api_rate_limit` requests per `core.api_rate_limit_interval` seconds, per
 * API key; `ApiKey::getRateLimitInfo`): a fixed window whose `reset_stamp` is set by the first request in it. When
 * the helpdesk has a limit, every answer after authentication carries `X-RateLimit-Limit`, `-Remaining` and
 * `-Reset`; over the limit the answer is 429 `rate_limit_exceeded`, and there is no `Retry-After`. Off by default,
 * as on a Deskpro installation; the module's options or `PUT /__admin/deskpro-legacy/rate-limit` turn it on.
 */
import { makeSwitchableLimit, type SwitchableLimit } from "@contactkit/mock-platform"
import type { Effect } from "effect"

export interface RateLimitSettings {
  readonly limit: number
  readonly intervalSeconds: number
}

export type Throttle =
  | { readonly _tag: "Off" }
  | { readonly _tag: "Allowed"; readonly limit: number; readonly remaining: number; readonly resetAt: number }
  | { readonly _tag: "Exceeded"; readonly limit: number; readonly resetAt: number }

/** `hit` answers `Off` while no limit is set. */
export type LegacyRateLimiter = SwitchableLimit<RateLimitSettings, Throttle>

export const makeRateLimiter = (initial: RateLimitSettings | false): Effect.Effect<LegacyRateLimiter> =>
  // Per helpdesk (keys are checked first); windows in whole seconds, as `reset_stamp` is.
  makeSwitchableLimit(initial, { _tag: "Off" }, (counters, key, settings: RateLimitSettings, millis): Throttle => {
    const now = Math.floor(millis / 1000)
    const { startAt, used } = counters.hit(key, settings.intervalSeconds * 1000, now * 1000)
    const resetAt = startAt / 1000 + settings.intervalSeconds
    return used > settings.limit
      ? { _tag: "Exceeded", limit: settings.limit, resetAt }
      : { _tag: "Allowed", limit: settings.limit, remaining: settings.limit - used, resetAt }
  })

/** The three headers, on every answer while a limit is set (remaining is 0 on a 429). */
export const rateLimitHeaders = (throttle: Throttle): Record<string, string> =>
  throttle._tag === "Off" ? {} : {
    "x-ratelimit-limit": String(throttle.limit),
    "x-ratelimit-remaining": String(throttle._tag === "Allowed" ? throttle.remaining : 0),
    "x-ratelimit-reset": String(throttle.resetAt)
  }
