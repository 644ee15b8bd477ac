/**
 * `contactkit sync --from A --to B`: keeps B in step with A, one way. Without `--tenant` it runs once, here, on
 * the embedded engine (a single-runner cluster over the SQLite state file): creates what is new at A, updates what
 * changed, removes what A no longer has, reports what B refused or could not hold; run again, it writes only what
 * changed since, and a run cut short resumes. With `--tenant` it registers the job with the cluster whose Postgres
 * `CK_SYNC_DATABASE_URL` names (never a flag: a URL may hold a password), for `contactkit worker` processes to run
 * every `--every`; the job holds the credential *references* (the profiles), each worker its own secrets.
 */
import { Embedded, Jobs, RunSummary, type SyncJob, Worker } from "@contactkit/sync"
import { Duration, Effect, Option, Redacted, References } from "effect"
import { Command, Flag } from "effect/cli"
import { runError, usageError } from "./CliFailure.ts"
import { vendorFlag } from "./CommonFlags.ts"
import { exampleSource, exampleTarget } from "./Examples.ts"
import { errorLine, line } from "./Output.ts"
import { root } from "./Root.ts"
import * as SyncDirectories from "./SyncDirectories.ts"
import { Environment } from "./VendorConfiguration.ts"

const stateFlag = Flag.String("state").pipe(
  Flag.withMetavar("FILE"),
  Flag.withDescription("The SQLite file holding the sync's workflow state and source → target links"),
  Flag.withDefault("contactkit-sync.sqlite")
)

const tenantFlag = Flag.String("tenant").pipe(
  Flag.withDescription(
    "Register the job for this tenant with the cluster (CK_SYNC_DATABASE_URL) instead of running it"
  ),
  Flag.optional
)

const everyFlag = Flag.String("every").pipe(
  Flag.withMetavar("DURATION"),
  Flag.withDescription("With --tenant: run again this long after each run finishes (\"15 minutes\"); default once"),
  Flag.filterMap((text) => Duration.fromInput(text as Duration.Input), (text) => `"${text}" is not a duration`),
  Flag.optional
)

const summaryLines = (summary: RunSummary.RunSummary, json: boolean) =>
  json ? line(JSON.stringify(summary)) : Effect.forEach(RunSummary.formatSummary(summary), line, { discard: true })

const runHere = (job: SyncJob.SyncJob, state: string) =>
  Effect.gen(function*() {
    const settings = yield* root
    const summary = yield* Jobs.runNow(job).pipe(
      Effect.provide(Embedded.layer({ filename: state }, SyncDirectories.layer(settings))),
      Effect.mapError((error) => runError(String(error))),
      // The engine logs each run it plans and finishes on standard error; --quiet keeps only warnings.
      Effect.provideService(References.MinimumLogLevel, settings.quiet ? "Warn" : "Info")
    )
    yield* summaryLines(summary, settings.json)
    if (summary.failure !== undefined || summary.failed.length > 0 || summary.refused.length > 0) {
      return yield* runError(`${job.jobId}: not every contact is in step (see above); run again to retry`)
    }
  })

const register = (job: SyncJob.SyncJob) =>
  Effect.gen(function*() {
    const environment = yield* Environment
    const url = environment.variables["CK_SYNC_DATABASE_URL"]
    if (url === undefined || url === "") {
      return yield* usageError("--tenant registers with a cluster: set CK_SYNC_DATABASE_URL to its Postgres")
    }
    yield* Jobs.register(job).pipe(
      Effect.provide(Worker.layerClient(Redacted.make(url))),
      Effect.mapError(() => runError("cannot reach the cluster's database (CK_SYNC_DATABASE_URL)"))
    )
    yield* line(`registered ${job.jobId}`)
    yield* errorLine("the cluster's workers run it; each resolves the credential references from its own environment")
  })

export const syncCommand = Command.make(
  "sync",
  {
    from: vendorFlag("from", "the vendor to read"),
    to: vendorFlag("to", "the vendor to keep in step"),
    state: stateFlag,
    tenant: tenantFlag,
    every: everyFlag
  },
  Effect.fn(function*({ every, from, state, tenant, to }) {
    const source = SyncDirectories.endpointOf(from)
    const target = SyncDirectories.endpointOf(to)
    const name = Option.getOrElse(tenant, () => "local")
    const job: SyncJob.SyncJob = {
      jobId: `${name}/${from.label}->${to.label}`,
      tenant: name,
      source,
      target,
      ...(Option.isSome(every) ? { intervalMs: Duration.toMillis(every.value) } : {})
    }
    if (Option.isNone(tenant)) {
      if (Option.isSome(every)) return yield* usageError("--every needs --tenant: a local sync runs once")
      return yield* runHere(job, state)
    }
    return yield* register(job)
  })
).pipe(
  Command.withDescription(
    "Keep one account in step with another, one way: new contacts created, changed ones updated, deleted ones " +
      "removed, what the target refuses or cannot hold reported. Runs here on a SQLite state file, or registers " +
      "the job with a cluster of `contactkit worker` processes (--tenant)."
  ),
  Command.withExamples([
    { command: `contactkit sync --from ${exampleSource} --to ${exampleTarget}`, description: "One run, here" },
    {
      command: `CK_SYNC_DATABASE_URL=postgres://… contactkit sync --from ${exampleSource}@acme ` +
        `--to ${exampleTarget}@acme --tenant acme --every "15 minutes"`,
      description: "Register a job with the cluster"
    }
  ])
)
