/**
 * A runner process: `node --conditions=@contactkit/source packages/sync/src/WorkerMain.ts` (or
 * `contactkit worker`). Reads `CK_SYNC_DATABASE_URL` (Postgres, redacted), `CK_SYNC_RUNNER_HOST` /
 * `CK_SYNC_RUNNER_PORT` (the address other runners reach it at; default 127.0.0.1:34431) and
 * `CK_SYNC_FAILOVER` (default 15 seconds) and `CK_SYNC_WRITE_CONCURRENCY` (writes in flight per run, default 4);
 * credential references come from the same environment.
 * Runs until SIGTERM or SIGINT, then hands its shards back.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Config, ConfigProvider, Effect, Layer } from "effect"
import { WriteConcurrency } from "./SyncRun.ts"
import * as Worker from "./Worker.ts"

export const config = Config.all({
  databaseUrl: Config.Redacted("CK_SYNC_DATABASE_URL"),
  host: Config.String("CK_SYNC_RUNNER_HOST").pipe(Config.withDefault("127.0.0.1")),
  port: Config.Port("CK_SYNC_RUNNER_PORT").pipe(Config.withDefault(34431)),
  failover: Config.Duration("CK_SYNC_FAILOVER").pipe(Config.withDefault("15 seconds")),
  writeConcurrency: Config.Int("CK_SYNC_WRITE_CONCURRENCY").pipe(Config.withDefault(4))
})

/** The runner, configured from `variables` (its own settings and the credential references), until interrupted. */
export const launch = (variables: Readonly<Record<string, string | undefined>>) =>
  Effect.gen(function*() {
    const settings = yield* config.pipe(
      Effect.provide(ConfigProvider.layer(ConfigProvider.fromUnknown(variables)))
    )
    yield* Effect.logInfo(`runner ${settings.host}:${settings.port} starting`)
    return yield* Layer.launch(Worker.layer({ ...settings, variables })).pipe(
      Effect.provideService(WriteConcurrency, settings.writeConcurrency)
    )
  })

if (import.meta.main) {
  launch(process.env).pipe(NodeRuntime.runMain)
}
