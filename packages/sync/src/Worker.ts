/**
 * A cluster runner (`contactkit worker`): one of several processes, on one or several machines, sharing one
 * Postgres. Each runs Effect Cluster's sharding over sockets (`NodeClusterSocket`) with SQL message and runner
 * storage (`@effect/sql-pg`), the workflow engine with the sync workflow registered, the job scheduler singleton,
 * and the shared rate limiter. Shards — and with them the runs of the jobs — are spread over the runners alive; a
 * runner that stops heartbeating loses its shard locks and another takes its runs over, replaying each from its
 * recorded activities.
 */
import * as NodeClusterSocket from "@effect/platform-node/NodeClusterSocket"
import { PgClient } from "@effect/sql-pg"
import { Duration, Layer, Option, type Redacted } from "effect"
import { ClusterWorkflowEngine, RunnerAddress, type ShardingConfig } from "effect/cluster"
import * as Credentials from "./Credentials.ts"
import { layerOnCluster, layerStores } from "./Embedded.ts"
import * as JobScheduler from "./JobScheduler.ts"

export interface WorkerOptions {
  readonly databaseUrl: Redacted.Redacted<string>
  /** The address other runners reach this one at. */
  readonly host: string
  readonly port: number
  /** Where credential references are resolved (normally `process.env`; see Credentials). */
  readonly variables: Readonly<Record<string, string | undefined>>
  /**
   * How long a runner may go silent before its shards move: its shard locks expire after this, and runners are
   * checked for health at a third of it. Default 15 seconds.
   */
  readonly failover?: Duration.Input
  /** Other sharding settings, for tests and tuning. Every runner of a cluster must agree on `shardsPerGroup`. */
  readonly sharding?: Partial<ShardingConfig.ShardingConfig["Service"]>
  readonly scheduler?: JobScheduler.SchedulerOptions
}

export const shardingOf = (options: WorkerOptions): Partial<ShardingConfig.ShardingConfig["Service"]> => {
  const failover = Duration.fromInputUnsafe(options.failover ?? "15 seconds")
  const third = Duration.divideUnsafe(failover, 3)
  return {
    runnerAddress: Option.some(RunnerAddress.make(options.host, options.port)),
    shardLockExpiration: failover,
    shardLockRefreshInterval: third,
    runnerHealthCheckInterval: third,
    refreshAssignmentsInterval: Duration.min(third, Duration.seconds(3)),
    // A run resumed elsewhere is found by polling storage for its unprocessed messages.
    entityMessagePollInterval: Duration.min(third, Duration.seconds(5)),
    // Messages to this runner's own entities are stored (and so encoded) anyway; encoding them twice buys nothing.
    simulateRemoteSerialization: false,
    ...options.sharding
  }
}

/**
 * The cluster's database: many small statements from many fibers, pipelined on a few connections. Four, not eight:
 * the distributed proof alone cost 78–91 s of machine CPU with eight and 70–80 s with four (two was no cheaper),
 * since fewer connections carry more statements per socket write and Postgres runs fewer backends.
 */
export const layerDatabase = (url: Redacted.Redacted<string>) =>
  PgClient.layer({ url, maxConnections: 4, multiplex: true })

/** The jobs and links of a cluster's database, for registering jobs and reading results from outside a runner. */
export const layerClient = (url: Redacted.Redacted<string>) => layerStores.pipe(Layer.provideMerge(layerDatabase(url)))

export const layer = (options: WorkerOptions) => {
  const database = layerDatabase(options.databaseUrl)
  const cluster = NodeClusterSocket.layer({ shardingConfig: shardingOf(options) })
  const engine = ClusterWorkflowEngine.layer.pipe(Layer.provideMerge(cluster))
  // Layers are built once per reference: the scheduler shares the engine and the stores of the workflow.
  const scheduler = JobScheduler.layer(options.scheduler).pipe(Layer.provide([engine, layerStores]))
  return Layer.mergeAll(layerOnCluster(engine, Credentials.layerFromVariables(options.variables)), scheduler).pipe(
    Layer.provide(database)
  )
}
