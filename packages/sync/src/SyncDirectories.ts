/**
 * How a runner reaches the two sides of a job: an endpoint (vendor + credential reference) opened as a
 * `ContactDirectory`. The sync sees vendors through this port only. Directories are opened once per endpoint and
 * kept while in use (an adapter holds its HTTP client and rate limiter), so the writes of a run share one.
 */
import type { ContactDirectory } from "@contactkit/domain"
import { Context, Duration, Effect, Layer, RcMap, Schema, type Scope } from "effect"
import { type Endpoint, endpointLabel } from "./SyncJob.ts"

/** An endpoint that cannot be opened: an unknown vendor, a credential reference with missing variables. */
export class SetupError extends Schema.TaggedError<SetupError>()("SetupError", {
  endpoint: Schema.String,
  detail: Schema.String
}) {
  override get message() {
    return `${this.endpoint}: ${this.detail}`
  }
}

export class SyncDirectories extends Context.Service<SyncDirectories, {
  readonly open: (endpoint: Endpoint) => Effect.Effect<ContactDirectory.Service, SetupError, Scope.Scope>
}>()("@contactkit/sync/SyncDirectories") {}

/** Directories opened by `open`, each kept a minute after its last use and then released. */
export const cached = (
  open: (endpoint: Endpoint) => Effect.Effect<ContactDirectory.Service, SetupError, Scope.Scope>,
  idle: Duration.Input = Duration.minutes(1)
): Layer.Layer<SyncDirectories> =>
  Layer.effect(
    SyncDirectories,
    Effect.gen(function*() {
      const endpoints = new Map<string, Endpoint>()
      const map = yield* RcMap.make({
        lookup: (key: string) => open(endpoints.get(key)!),
        idleTimeToLive: idle
      })
      return SyncDirectories.of({
        open: (endpoint) => {
          const key = endpointLabel(endpoint)
          endpoints.set(key, endpoint)
          return RcMap.get(map, key)
        }
      })
    })
  )
