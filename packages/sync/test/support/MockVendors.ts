/**
 * Mock vendor servers for the sync's tests, on port 0, empty (no demo data) and with the vendor's own throttle off
 * (the sync's shared limiter is what is under test), and what the tests read at a mock through its admin API: the
 * request log, faults. Vendors are picked from the registry by capability; none is named here.
 */
import * as MockPlatform from "@contactkit/mock-platform"
import { vendors } from "@contactkit/registry"
import type { Vendor } from "@contactkit/vendor-kit"
import { mockRequest } from "@contactkit/vendor-kit"
import { Context, Effect, Layer, type Scope } from "effect"

/** A target whose every write to a contact names it in the URL and which can delete: the embedded proof's target. */
export const isPlainTarget = (vendor: Vendor): boolean =>
  vendor.capabilities.remove && !vendor.capabilities.dedupeOnCreate &&
  vendor.capabilities.fieldOperations === "readModifyWrite"

/** Targets that create what they are sent (no merging into existing contacts). */
export const distinctTargets = vendors.filter((vendor) => !vendor.capabilities.dedupeOnCreate)

export interface LoggedRequest {
  readonly id: number
  readonly time: string
  readonly method: string
  readonly url: string
  readonly status: number
}

/** Serves `vendor`'s mock until the scope closes; resolves with its origin. */
export const startMock = (vendor: Vendor): Effect.Effect<string, never, Scope.Scope> =>
  Effect.map(
    Layer.build(MockPlatform.layer(vendor.mockWithoutThrottle ?? vendor.mock, { port: 0, seed: false })),
    (context) => Context.get(context, MockPlatform.MockServer).url
  )

export const requestsAt = (origin: string): Effect.Effect<ReadonlyArray<LoggedRequest>, Error> =>
  Effect.map(
    mockRequest(`${origin}/__admin/requests`, { method: "GET" }),
    (body) => body.requests as ReadonlyArray<LoggedRequest>
  )

export const clearRequests = (origin: string) => mockRequest(`${origin}/__admin/requests`, { method: "DELETE" })

export const addFault = (origin: string, fault: Record<string, unknown>) =>
  mockRequest(`${origin}/__admin/faults`, { method: "POST", body: fault })

/** Requests that change something at the vendor. */
export const writesOf = (requests: ReadonlyArray<LoggedRequest>) => requests.filter((r) => r.method !== "GET")
