/**
 * The Deskpro Legacy mock vendor (port 4040): the legacy API's people, e-mail and contact-details endpoints under
 * `/api`, for two helpdesks reached with the API keys below. The optional rate limit is off, as on a Deskpro
 * installation; the options or `PUT /__admin/deskpro-legacy/rate-limit` turn it on.
 */
import {
  jsonResponse,
  type PlatformFailure,
  readJsonBody,
  type VendorErrorResponse,
  type VendorModule
} from "@contactkit/mock-platform"
import { Effect, Ref } from "effect"
import { HttpRouter } from "effect/http"
import { contactDetailRoutes } from "./ContactDetailRoutes.ts"
import { emailRoutes } from "./EmailRoutes.ts"
import { generatedState } from "./LegacyGenerate.ts"
import type { RateLimitSettings } from "./LegacyRateLimit.ts"
import { makeRateLimiter } from "./LegacyRateLimit.ts"
import { seededState } from "./LegacySeed.ts"
import { emptyState, snapshotOf } from "./LegacyState.ts"
import { peopleRoutes } from "./PeopleRoutes.ts"

export interface DeskproLegacyOptions {
  /** The helpdesk's rate limit; off unless given (Deskpro Cloud's default was 1000 per 60 seconds). */
  readonly rateLimit?: Partial<RateLimitSettings>
}

/** API key strings (`{key id}:{code}`) and the helpdesk each belongs to. */
const apiKeys: Readonly<Record<string, number>> = { "1:legacy-key-a": 1, "2:legacy-key-b": 2 }

const cloudDefault: RateLimitSettings = { limit: 1000, intervalSeconds: 60 }

const error = (
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>
): VendorErrorResponse => ({
  status,
  body: { error_code: code, error_message: message },
  ...(headers === undefined ? {} : { headers })
})

/** Platform failures as the legacy API's `ExceptionController` and `preAction` render them. */
export const renderLegacyError = (failure: PlatformFailure): VendorErrorResponse => {
  switch (failure._tag) {
    case "RouteNotFound": {
      // Symfony's router: a known path asked with another method is a 405 naming the methods it allows.
      const allowed = "allowedMethods" in failure ? failure.allowedMethods ?? [] : []
      const route = `No route found for "${failure.method} ${failure.path}"`
      return allowed.length > 0
        ? error(405, "http_error.405", `${route}: Method Not Allowed (Allow: ${allowed.join(", ")})`, {
          allow: allowed.join(", ")
        })
        : error(404, "http_error.404", route)
    }
    case "BodyTooLarge":
      return error(413, "http_error.413", "Request Entity Too Large")
    case "MalformedBody":
    case "UnsupportedMediaType":
      return error(400, "http_error.400", "Bad Request")
    case "RateLimited":
      return error(429, "rate_limit_exceeded", "Rate Limit Exceeded", {
        "x-ratelimit-limit": String(failure.limit),
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(failure.resetAt)
      })
    case "ServerError":
      return error(failure.status, `http_error.${failure.status}`, failure.message)
  }
}

export const makeDeskproLegacy = (options: DeskproLegacyOptions = {}): VendorModule => ({
  name: "deskpro-legacy",
  defaultPort: 4040,
  credentials: [
    { token: "1:legacy-key-a", description: "X-DeskPRO-API-Key for helpdesk A (Ada, Grace, Alan)" },
    { token: "2:legacy-key-b", description: "X-DeskPRO-API-Key for helpdesk B (Katherine, Dorothy)" }
  ],
  make: Effect.gen(function*() {
    const state = yield* Ref.make(emptyState)
    const limiter = yield* makeRateLimiter(
      options.rateLimit === undefined ? false : { ...cloudDefault, ...options.rateLimit }
    )
    const settings = { keys: apiKeys, limiter }
    const rateLimitAdmin = HttpRouter.route(
      "PUT",
      "/__admin/deskpro-legacy/rate-limit",
      Effect.gen(function*() {
        const input = ((yield* readJsonBody) ?? {}) as { enabled?: unknown; limit?: unknown; intervalSeconds?: unknown }
        const positive = (value: unknown, fallback: number) =>
          typeof value === "number" && Number.isInteger(value) && value > 0 ? value : fallback
        yield* limiter.configure(
          input.enabled === false ? false : {
            limit: positive(input.limit, cloudDefault.limit),
            intervalSeconds: positive(input.intervalSeconds, cloudDefault.intervalSeconds)
          }
        )
        return jsonResponse(200, { rateLimit: yield* limiter.settings })
      })
    )
    return {
      routes: [
        ...peopleRoutes(settings, state),
        ...contactDetailRoutes(settings, state),
        ...emailRoutes(settings, state),
        rateLimitAdmin
      ],
      reset: Effect.andThen(Ref.set(state, emptyState), limiter.reset),
      seed: Ref.set(state, seededState()),
      generate: (count) => Effect.flatMap(Effect.sync(() => generatedState(count)), (next) => Ref.set(state, next)),
      snapshot: Effect.map(Ref.get(state), snapshotOf)
    }
  }),
  renderError: renderLegacyError
})

/** The Deskpro Legacy mock as registered: no rate limit, as a Deskpro installation ships. */
export const deskproLegacy: VendorModule = makeDeskproLegacy()
