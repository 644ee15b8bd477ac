/**
 * What one mock vendor plugs into the platform, and the platform's promise in return.
 *
 * Usage — a vendor's `mock/` package exports one value, which its vendor folder hands to the registry:
 *
 * ```ts
 * export const acme: VendorModule = {
 *   name: "acme",
 *   defaultPort: 4099,
 *   credentials: [{ token: "acme-token-a", description: "account 1" }],
 *   make: Effect.gen(function*() {
 *     const state = yield* Ref.make(emptyState)           // the vendor's own in-memory state
 *     return {
 *       routes: [HttpRouter.route("GET", "/api/contacts", listContacts(state))],
 *       reset: Ref.set(state, emptyState),
 *       seed: Ref.set(state, demoState)
 *     }
 *   }),
 *   renderError: (failure) => ({ status: defaultStatus(failure), body: { error: { message: defaultMessage(failure) } } })
 * }
 * ```
 *
 * Handlers are ordinary `HttpRouter.route`s returning `HttpServerResponse`s (see `jsonResponse`). They read the
 * request body with `readJsonBody` or `readBodyText` (RequestBody.ts), whose failures — like any `PlatformError` a
 * handler fails with — the platform renders through `renderError`. The platform adds, on the same port: the
 * `/__admin/` API (reset, seed, state, faults, request log), fault injection, the 1 MB body limit (cut while
 * streaming) and JSON depth limit, the optional rate limit, exact routing (see RequestTarget.ts: case-sensitive,
 * `;` stays in its segment, encoded control characters, slashes and dot segments refused), a vendor-shaped 404 for
 * unknown routes and 405 for a known path asked with another method (also for methods Node's parser does not
 * know), connection limits (ConnectionLimits.ts), and turns any defect (a bug in a handler) into a logged
 * `ServerError` 500. Handlers must answer bad input themselves with the vendor's 4xx and never let it reach the
 * defect path.
 */
import type { Effect } from "effect"
import type { HttpRouter } from "effect/http"
import type { PlatformError, PlatformFailure } from "./PlatformFailure.ts"

/** A documented test credential: what a user sends, and what it gives access to. */
export interface Credential {
  readonly token: string
  readonly description: string
}

/** A vendor error response as plain data; the platform serialises `body` as JSON. */
export interface VendorErrorResponse {
  readonly status: number
  readonly body: unknown
  readonly headers?: Readonly<Record<string, string>>
}

/** A fixed window of the vendor's documented rate limit, applied per credential when `rateLimit` is enabled. */
export interface RateLimitWindow {
  readonly limit: number
  readonly windowSeconds: number
  /** Counted per credential and per route (true), or per credential across all routes (false). */
  readonly perRoute: boolean
}

/** One running copy of a vendor: its routes over its own state, and how to empty or re-seed that state. */
export interface VendorInstance {
  /** The vendor's API. A route under `/__admin` here is served as an admin route (prefer `adminRoutes`). */
  readonly routes: ReadonlyArray<HttpRouter.Route<PlatformError, never>>
  readonly reset: Effect.Effect<void>
  readonly seed: Effect.Effect<void>
  /**
   * Replaces the state with the demo data plus `count` generated contacts in the tenant of the first documented
   * credential — deterministic (the same count gives the same state, ids included) and fast (a whole table built in
   * one pass, no request per contact), for load tests: `POST /__admin/seed {"count": 100000}`. Optional; without
   * it that request is refused.
   */
  readonly generate?: (count: number) => Effect.Effect<void>
  /**
   * The whole state, every tenant's, as plain JSON (ids, sequences, tables in id order), served at
   * `GET /__admin/state`: what tests compare to prove that refused input changed nothing.
   */
  readonly snapshot?: Effect.Effect<unknown>
  /** Vendor-specific admin routes, under `/__admin/<vendor>/…`: never part of the vendor's API, never faulted. */
  readonly adminRoutes?: ReadonlyArray<HttpRouter.Route<PlatformError, never>>
}

export interface VendorModule {
  readonly name: string
  readonly defaultPort: number
  readonly credentials: ReadonlyArray<Credential>
  /** Builds a fresh instance with empty state; the platform calls `seed` on it when asked. */
  readonly make: Effect.Effect<VendorInstance>
  /** Renders a platform-level failure in the vendor's error body. `nowMillis` comes from `Clock`. */
  readonly renderError: (failure: PlatformFailure, nowMillis: number) => VendorErrorResponse
  readonly rateLimits?: ReadonlyArray<RateLimitWindow>
  /** The vendor's server matches paths case-insensitively (IIS, ASP.NET); default false: exact case. */
  readonly caseInsensitivePaths?: boolean
  /**
   * Which documented credential a request carries (the rate limiter's key), or undefined when it carries none.
   * Default: a `credentials` token that is a word of some header value or of HTTP Basic's `user:password`.
   */
  readonly credentialOf?: (headers: Readonly<Record<string, string | undefined>>) => string | undefined
  /**
   * The headers a raw client sends to present a `credentials` token, for generic test clients (the spec fuzzing).
   * Default: `Authorization: Bearer <token>`.
   */
  readonly authHeaders?: (token: string) => Readonly<Record<string, string>>
}
