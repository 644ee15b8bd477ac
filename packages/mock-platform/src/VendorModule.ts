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
 * request body with `readJsonBody` (RequestBody.ts), whose failures — like any `PlatformError` a handler fails
 * with — the platform renders through `renderError`. The platform adds, on the same port: the `/__admin/` API
 * (reset, seed, faults, request log), fault injection, the 1 MB body limit, the optional rate limit, a vendor-shaped
 * 404 for unknown routes, and turns any defect (a bug in a handler) into a logged `ServerError` 500. Handlers must
 * answer bad input themselves with the vendor's 4xx and never let it reach the defect path.
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
  readonly routes: ReadonlyArray<HttpRouter.Route<PlatformError, never>>
  readonly reset: Effect.Effect<void>
  readonly seed: Effect.Effect<void>
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
}
