/**
 * The Deskpro v2 mock vendor (port 4030): people and their contact data under `/api/v2`, for two helpdesks reached
 * with the API keys below. Options set a per-key request limit (none by default, as on a new Deskpro key; also
 * `PUT /__admin/deskpro/rate-limit`).
 */
import { jsonResponse, readJsonBody, type VendorModule } from "@contactkit/mock-platform"
import { Effect, Ref } from "effect"
import { HttpRouter } from "effect/http"
import { renderDeskproError } from "./DeskproErrors.ts"
import { generatedState } from "./DeskproGenerate.ts"
import { type KeyLimit, makeKeyLimiter } from "./DeskproRateLimit.ts"
import { deskproRoutes } from "./DeskproRoutes.ts"
import { seededState } from "./DeskproSeed.ts"
import { emptyState, snapshotOf } from "./DeskproState.ts"

export interface DeskproOptions {
  /** Requests each API key may make per window; default none. */
  readonly rateLimit?: KeyLimit | false
}

const positive = (value: unknown) => typeof value === "number" && Number.isInteger(value) && value > 0

export const makeDeskpro = (options: DeskproOptions = {}): VendorModule => ({
  name: "deskpro",
  defaultPort: 4030,
  credentials: [
    {
      token: "key 1:deskpro-key-a",
      description: "Authorization header for helpdesk A (John Doe, Fionna Apple, Sam Agent)"
    },
    { token: "key 2:deskpro-key-b", description: "Authorization header for helpdesk B (Bob Emu, Dave Testerson)" }
  ],
  make: Effect.gen(function*() {
    const state = yield* Ref.make(emptyState)
    const limiter = yield* makeKeyLimiter(options.rateLimit ?? false)
    const rateLimitAdmin = HttpRouter.route(
      "PUT",
      "/__admin/deskpro/rate-limit",
      Effect.gen(function*() {
        const input = (yield* readJsonBody) as { enabled?: unknown; limit?: unknown; windowSeconds?: unknown }
        if (input.enabled === false) yield* limiter.configure(false)
        else if (positive(input.limit) && positive(input.windowSeconds)) {
          yield* limiter.configure({ limit: input.limit as number, windowSeconds: input.windowSeconds as number })
        } else return jsonResponse(400, { error: "Give {\"limit\": n, \"windowSeconds\": s} or {\"enabled\": false}." })
        return jsonResponse(200, { rateLimit: yield* limiter.settings })
      })
    )
    return {
      routes: [...deskproRoutes(state, limiter), rateLimitAdmin],
      reset: Effect.andThen(Ref.set(state, emptyState), limiter.reset),
      seed: Ref.set(state, seededState()),
      generate: (count) => Effect.flatMap(Effect.sync(() => generatedState(count)), (next) => Ref.set(state, next)),
      snapshot: Effect.map(Ref.get(state), snapshotOf)
    }
  }),
  renderError: renderDeskproError
})

/** The Deskpro mock with no key limit, as the registry serves it. */
export const deskpro: VendorModule = makeDeskpro()
