/**
 * `contactkit worker`: one runner of the sync cluster, until Ctrl-C (it then hands its shards to the others).
 * Configured from the environment (and `--env-file`), never from flags, so no secret shows in a process list:
 * `CK_SYNC_DATABASE_URL` (the shared Postgres), `CK_SYNC_RUNNER_HOST` / `CK_SYNC_RUNNER_PORT` (where the other
 * runners reach this one), `CK_SYNC_FAILOVER`; and every credential reference a job names — `<REF>_<VARIABLE>`
 * for the vendor's own variables, `<REF>_RATE_LIMIT` (`100/10s`) for the limit all workers hold together.
 */
import { launchWorker } from "@contactkit/sync"
import { Effect, Option } from "effect"
import { Command } from "effect/cli"
import { readFileSync } from "node:fs"
import { parseEnv } from "node:util"
import { usageError } from "./CliFailure.ts"
import { root } from "./Root.ts"
import { Environment } from "./VendorConfiguration.ts"

export const workerCommand = Command.make(
  "worker",
  {},
  Effect.fn(function*() {
    const settings = yield* root
    const environment = yield* Environment
    const envFile = settings.envFile
    const file = Option.isSome(envFile)
      ? yield* Effect.try({
        try: () => parseEnv(readFileSync(envFile.value, "utf8")),
        catch: (error) => usageError(`cannot read --env-file: ${(error as Error).message}`)
      })
      : {}
    const variables = { ...file, ...environment.variables }
    if (variables["CK_SYNC_DATABASE_URL"] === undefined) {
      return yield* usageError("set CK_SYNC_DATABASE_URL to the cluster's Postgres (postgres://user@host:port/db)")
    }
    return yield* launchWorker(variables).pipe(
      Effect.provideService(Environment, environment),
      Effect.mapError((error) => usageError(`worker: ${error.message}`))
    )
  })
).pipe(
  Command.withDescription(
    "Run one worker of the sync cluster: it takes a share of the registered jobs, resumes the runs of workers " +
      "that die, and holds each credential's rate limit together with the others"
  )
)
