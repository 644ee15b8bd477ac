/**
 * The NGP VAN (NGP API v2, EveryAction 7) mock as a platform module: port 4050, base path `/v2`, two test API keys
 * (each tied to one tenant), NGP VAN's standard error body. NGP publishes no rate limits, so there is no throttle;
 * a 429 with `Retry-After` comes only from the admin API's faults.
 */
import type { VendorModule } from "@contactkit/mock-platform"
import { Effect, Ref } from "effect"
import { renderNgpvanError } from "./NgpvanErrors.ts"
import { generatedState } from "./NgpvanGenerate.ts"
import { ngpvanRoutes } from "./NgpvanRoutes.ts"
import { seedState } from "./NgpvanSeed.ts"
import { emptyState, snapshotOf } from "./NgpvanState.ts"

export const ngpvan: VendorModule = {
  name: "ngpvan",
  defaultPort: 4050,
  credentials: [
    {
      token: "11111111-1111-4111-8111-111111111111",
      description: "tenant A — send as header `apiKey: <key>` or Basic `apiuser:<key>`"
    },
    {
      token: "22222222-2222-4222-8222-222222222222",
      description: "tenant B — send as header `apiKey: <key>` or Basic `apiuser:<key>`"
    }
  ],
  make: Effect.gen(function*() {
    const state = yield* Ref.make(emptyState)
    return {
      routes: ngpvanRoutes(state),
      reset: Ref.set(state, emptyState),
      seed: Ref.set(state, seedState()),
      snapshot: Effect.map(Ref.get(state), snapshotOf),
      generate: (count) => Effect.flatMap(Effect.sync(() => generatedState(count)), (next) => Ref.set(state, next))
    }
  }),
  renderError: renderNgpvanError
}
