/**
 * The admin API under `/__admin/`, served on the vendor's own port but not part of any vendor's API: reset and seed
 * the in-memory state, dump it (`GET /__admin/state`), set and clear faults, read and clear the request log. Answers
 * are plain JSON, not vendor-shaped, because only tests and developers call it. It is reached only under its exact
 * prefix and never passes through the vendor's pipeline (faults, rate limit, request log).
 */
import { Effect } from "effect"
import { HttpRouter } from "effect/http"
import type { FaultStore } from "./Faults.ts"
import { decodeFaultSpec } from "./Faults.ts"
import { type RouteShape, unmatchableFault } from "./FaultTargets.ts"
import type { PlatformError } from "./PlatformFailure.ts"
import type { RateLimiter } from "./RateLimiter.ts"
import { readJsonBody } from "./RequestBody.ts"
import type { RequestLog } from "./RequestLog.ts"
import { jsonResponse } from "./Responses.ts"
import type { VendorInstance, VendorModule } from "./VendorModule.ts"

export interface AdminContext {
  readonly module: VendorModule
  readonly instance: VendorInstance
  readonly faults: FaultStore
  readonly log: RequestLog
  readonly limiter: RateLimiter
  /** The vendor's routes: a fault that can match none of them is refused. */
  readonly routes?: ReadonlyArray<RouteShape>
}

/** Every admin error says what is wrong in `message`; `error` is its short name (or, for older answers, the same). */
const badRequest = (message: string, error: string = message) => jsonResponse(400, { error, message })

/** A platform failure reading the admin request, in words: `{"error":"MalformedBody"}` alone helps nobody. */
const platformFailure = (error: PlatformError) => {
  const failure = error.failure
  switch (failure._tag) {
    case "MalformedBody":
      return badRequest(`The body is not valid JSON: ${failure.detail}`, failure._tag)
    case "BodyTooLarge":
      return badRequest(`The body is larger than ${failure.limitBytes} bytes.`, failure._tag)
    case "UnsupportedMediaType":
      return badRequest(`Send JSON (Content-Type: application/json), not ${failure.contentType}.`, failure._tag)
    default:
      return badRequest(`The request could not be read (${failure._tag}).`, failure._tag)
  }
}

/** The most contacts one seed may generate: a million fit in memory (about 1 kB each) and take a few seconds. */
export const maxGenerated = 1_000_000

export const adminRoutes = ({ faults, instance, limiter, log, module, routes }: AdminContext) => [
  HttpRouter.route(
    "GET",
    "/__admin",
    Effect.succeed(jsonResponse(200, { vendor: module.name, credentials: module.credentials }))
  ),
  // Reset empties the vendor state and forgets faults, the request log and rate-limit counters.
  HttpRouter.route(
    "POST",
    "/__admin/reset",
    Effect.gen(function*() {
      yield* instance.reset
      yield* faults.clear
      yield* log.clear
      yield* limiter.reset
      return jsonResponse(200, { reset: true })
    })
  ),
  // Seed replaces the vendor state with its deterministic demo data; faults and the log are kept. With
  // `{"count": n}` the demo data comes with n generated contacts (VendorInstance.generate).
  HttpRouter.route(
    "POST",
    "/__admin/seed",
    Effect.gen(function*() {
      const body = yield* readJsonBody
      const count = typeof body === "object" && body !== null && "count" in body ? body.count : undefined
      if (count === undefined) return yield* Effect.as(instance.seed, jsonResponse(200, { seeded: true }))
      if (typeof count !== "number" || !Number.isInteger(count) || count < 0 || count > maxGenerated) {
        return badRequest(`count must be a whole number from 0 to ${maxGenerated}.`)
      }
      if (instance.generate === undefined) return badRequest(`The ${module.name} mock does not generate contacts.`)
      yield* instance.generate(count)
      return jsonResponse(200, { seeded: true, count })
    }).pipe(Effect.catchTag("PlatformError", (error) => Effect.succeed(platformFailure(error))))
  ),
  HttpRouter.route("GET", "/__admin/faults", Effect.map(faults.list, (list) => jsonResponse(200, { faults: list }))),
  HttpRouter.route(
    "POST",
    "/__admin/faults",
    Effect.gen(function*() {
      const body = yield* readJsonBody
      const spec = yield* decodeFaultSpec(body)
      if (spec.count !== undefined && spec.probability !== undefined) {
        return badRequest("Give either count or probability, not both.")
      }
      if (spec.completeWrite !== undefined && spec.kind !== "latency") {
        return badRequest("completeWrite belongs to latency faults only.")
      }
      const never = routes === undefined
        ? undefined
        : unmatchableFault(spec, routes, { vendor: module.name, caseInsensitive: module.caseInsensitivePaths ?? false })
      if (never !== undefined) return badRequest(`This fault can never match: ${never}`, "UnmatchableFault")
      return jsonResponse(201, yield* faults.add(spec))
    }).pipe(
      Effect.catchTags({
        PlatformError: (error) => Effect.succeed(platformFailure(error)),
        SchemaError: (error) => Effect.succeed(badRequest(`The fault is not valid: ${error.message}`, "InvalidFault"))
      })
    )
  ),
  HttpRouter.route("DELETE", "/__admin/faults", Effect.as(faults.clear, jsonResponse(200, { cleared: true }))),
  // Every tenant's state as plain JSON, for tests that prove a request changed nothing.
  HttpRouter.route(
    "GET",
    "/__admin/state",
    instance.snapshot === undefined
      ? Effect.succeed(jsonResponse(404, {
        error: "NoStateDump",
        message: `The ${module.name} mock does not dump its state.`
      }))
      : Effect.map(instance.snapshot, (state) => jsonResponse(200, { vendor: module.name, state }))
  ),
  HttpRouter.route("GET", "/__admin/requests", Effect.map(log.list, (list) => jsonResponse(200, { requests: list }))),
  HttpRouter.route("DELETE", "/__admin/requests", Effect.as(log.clear, jsonResponse(200, { cleared: true })))
]
