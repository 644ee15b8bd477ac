/**
 * The Phone.com v4 mock as a platform module: port 4010, two test tokens, Phone.com's own error bodies and its
 * documented rate limits.
 */
import type { VendorModule } from "@contactkit/mock-platform"
import { Effect, Ref } from "effect"
import { renderPhonecomError } from "./PhonecomErrors.ts"
import { generatedState } from "./PhonecomGenerate.ts"
import { phonecomRoutes } from "./PhonecomRoutes.ts"
import { seedState } from "./PhonecomSeed.ts"
import { emptyState, snapshotOf } from "./PhonecomState.ts"

export const phonecom: VendorModule = {
  name: "phonecom",
  defaultPort: 4010,
  credentials: [
    { token: "phonecom-token-a", description: "account 1001, extensions 1 and 2" },
    { token: "phonecom-token-b", description: "account 1002, extension 3" }
  ],
  make: Effect.gen(function*() {
    const state = yield* Ref.make(emptyState)
    return {
      routes: phonecomRoutes(state),
      reset: Ref.set(state, emptyState),
      seed: Ref.set(state, seedState()),
      generate: (count) => Effect.flatMap(Effect.sync(() => generatedState(count)), (next) => Ref.set(state, next)),
      snapshot: Effect.map(Ref.get(state), snapshotOf)
    }
  }),
  renderError: renderPhonecomError,
  // apidocs.phone.com/docs/rate-limits, per account: 30 requests to one endpoint in 30 s, 120 in all in 60 s.
  rateLimits: [
    { limit: 30, windowSeconds: 30, perRoute: true },
    { limit: 120, windowSeconds: 60, perRoute: false }
  ]
}
