/**
 * The Monica v4 mock vendor (port 4020): contacts, contact fields and contact-field types under `/api`, for two
 * accounts reached with the bearer tokens below. Options pick the page size (Monica's code gives 15, its docs
 * say 10) and the throttle (60 per minute, switchable off here or at `PUT /__admin/monica/rate-limit`).
 */
import {
  isWrongMethod,
  jsonResponse,
  type PlatformFailure,
  readJsonBody,
  type VendorErrorResponse,
  type VendorModule
} from "@contactkit/mock-platform"
import { Effect, Ref } from "effect"
import { HttpRouter } from "effect/http"
import { contactFieldRoutes } from "./ContactFieldRoutes.ts"
import { contactFieldTypeRoutes } from "./ContactFieldTypeRoutes.ts"
import { contactRoutes } from "./ContactRoutes.ts"
import { generatedState } from "./MonicaGenerate.ts"
import { errorBody } from "./MonicaHttp.ts"
import type { RateLimitSettings } from "./MonicaRateLimit.ts"
import { exceededHeaders, makeRateLimiter } from "./MonicaRateLimit.ts"
import { seededState } from "./MonicaSeed.ts"
import { emptyState, snapshotOf } from "./MonicaState.ts"

export interface MonicaOptions {
  /** Default page size when `limit` is absent (default 15, Eloquent's; Monica's docs say 10). */
  readonly perPage?: number
  /** Largest accepted `limit` (default 100, `MAX_API_LIMIT_PER_PAGE`). */
  readonly maxPerPage?: number
  /** Throttle per token (default 60 requests per 60 seconds); `false` turns it off. */
  readonly rateLimit?: false | Partial<RateLimitSettings>
}

const monicaTokens: Readonly<Record<string, number>> = { "monica-token-a": 1, "monica-token-b": 2 }

// Laravel names a route by its path without the leading slash.
const routePath = (path: string) => path.replace(/^\//u, "")

/** Platform failures in the shapes Monica (or Laravel underneath it) really sends. */
export const renderMonicaError = (failure: PlatformFailure): VendorErrorResponse => {
  switch (failure._tag) {
    case "RouteNotFound":
      // Laravel 9's MethodNotAllowedHttpException for a known path (HEAD listed with GET, PATCH only if routed).
      return isWrongMethod(failure)
        ? {
          status: 405,
          body: {
            message: `The ${failure.method} method is not supported for route ${routePath(failure.path)}. ` +
              `Supported methods: ${failure.allowedMethods.join(", ")}.`
          }
        }
        : { status: 404, body: { message: `The route ${routePath(failure.path)} could not be found.` } }
    case "BodyTooLarge":
    case "MalformedBody":
    case "UnsupportedMediaType":
      return { status: 400, body: errorBody(37) }
    case "RateLimited":
      return {
        status: 429,
        body: errorBody(34),
        headers: exceededHeaders(failure.limit, failure.retryAfterSeconds, failure.resetAt)
      }
    case "ServerError":
      return {
        status: failure.status,
        body: { message: failure.status === 503 ? "Service Unavailable" : "Server Error" }
      }
  }
}

const defaultRateLimit: RateLimitSettings = { limit: 60, windowSeconds: 60 }

export const makeMonica = (options: MonicaOptions = {}): VendorModule => ({
  name: "monica",
  defaultPort: 4020,
  credentials: [
    { token: "monica-token-a", description: "Bearer token for account 1 (Jim, Pam, Dwight; archived Toby)" },
    { token: "monica-token-b", description: "Bearer token for account 2 (Leslie, Ron)" }
  ],
  make: Effect.gen(function*() {
    const state = yield* Ref.make(emptyState)
    const limiter = yield* makeRateLimiter(
      options.rateLimit === false ? false : { ...defaultRateLimit, ...options.rateLimit }
    )
    const settings = {
      tokens: monicaTokens,
      perPage: options.perPage ?? 15,
      maxPerPage: options.maxPerPage ?? 100,
      limiter
    }
    const rateLimitRead = HttpRouter.route(
      "GET",
      "/__admin/monica/rate-limit",
      Effect.gen(function*() {
        return jsonResponse(200, { rateLimit: yield* limiter.settings, trackedTokens: yield* limiter.trackedKeys })
      })
    )
    const rateLimitAdmin = HttpRouter.route(
      "PUT",
      "/__admin/monica/rate-limit",
      Effect.gen(function*() {
        const body = yield* readJsonBody
        const input = (body ?? {}) as { enabled?: unknown; limit?: unknown; windowSeconds?: unknown }
        const positive = (value: unknown, fallback: number) =>
          typeof value === "number" && Number.isInteger(value) && value > 0 ? value : fallback
        yield* limiter.configure(
          input.enabled === false ? false : {
            limit: positive(input.limit, defaultRateLimit.limit),
            windowSeconds: positive(input.windowSeconds, defaultRateLimit.windowSeconds)
          }
        )
        return jsonResponse(200, { rateLimit: yield* limiter.settings })
      })
    )
    return {
      routes: [
        ...contactRoutes(settings, state),
        ...contactFieldRoutes(settings, state),
        ...contactFieldTypeRoutes(settings, state)
      ],
      adminRoutes: [rateLimitRead, rateLimitAdmin],
      snapshot: Effect.map(Ref.get(state), snapshotOf),
      reset: Effect.andThen(Ref.set(state, emptyState), limiter.reset),
      seed: Ref.set(state, seededState()),
      generate: (count) => Effect.flatMap(Effect.sync(() => generatedState(count)), (next) => Ref.set(state, next))
    }
  }),
  renderError: renderMonicaError
})

/** The Monica mock with Monica's own defaults, as registered in `src/vendors.ts`. */
export const monica: VendorModule = makeMonica()
