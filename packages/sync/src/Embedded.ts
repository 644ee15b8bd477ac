/**
 * The embedded sync: Effect Cluster's single-runner mode in this process, with the cluster's message storage and
 * the sync's tables in one SQLite file (NodeSqliteClient over `node:sqlite`) — no server to install. A run
 * interrupted anywhere (Ctrl-C, a crash) resumes from that file when the same job runs again.
 */
import * as NodeCrypto from "@effect/platform-node/NodeCrypto"
import { Layer } from "effect"
import { ClusterWorkflowEngine, SingleRunner } from "effect/cluster"
import type { SqlClient } from "effect/sql"
import type { WorkflowEngine } from "effect/workflow"
import * as JobStore from "./JobStore.ts"
import * as NodeSqliteClient from "./NodeSqliteClient.ts"
import * as SharedRateLimiter from "./SharedRateLimiter.ts"
import type { SyncDirectories } from "./SyncDirectories.ts"
import * as SyncRun from "./SyncRun.ts"
import * as SyncStore from "./SyncStore.ts"
import { migrate } from "./SyncTables.ts"

export interface EmbeddedOptions {
  /** The SQLite file holding the workflow state and the links; `":memory:"` keeps nothing. */
  readonly filename: string
}

/** The sync's stores over a migrated database. */
export const layerStores = Layer.mergeAll(SyncStore.layer, JobStore.layer, SharedRateLimiter.layer).pipe(
  Layer.provideMerge(Layer.effectDiscard(migrate).pipe(Layer.orDie))
)

/** How the runners reach vendors, possibly through the shared rate limiter of the database. */
export type DirectoriesLayer<E = never, R = SharedRateLimiter.SharedRateLimiter> = Layer.Layer<SyncDirectories, E, R>

/** The sync on an engine: the workflow registered, the directories, the stores — all but the database. */
export const layerOnCluster = <A extends WorkflowEngine.WorkflowEngine, E1, R1, E2, R2>(
  cluster: Layer.Layer<A, E1, R1>,
  directories: DirectoriesLayer<E2, R2>
) =>
  SyncRun.layer.pipe(
    Layer.provideMerge(cluster),
    Layer.provideMerge(directories),
    Layer.provideMerge(layerStores)
  )

/** Everything a single process needs to run jobs: `Jobs.runNow(job)` then works. */
export const layer = <E, R>(options: EmbeddedOptions, directories: DirectoriesLayer<E, R>) => {
  const sql: Layer.Layer<SqlClient.SqlClient, unknown> = NodeSqliteClient.layer(options)
  const cluster = ClusterWorkflowEngine.layer.pipe(
    // Every message is stored, so encoded, anyway: simulating a remote runner's encoding on top buys nothing.
    Layer.provide(
      SingleRunner.layer({ runnerStorage: "memory", shardingConfig: { simulateRemoteSerialization: false } })
    ),
    Layer.provide(NodeCrypto.layerDigest)
  )
  return layerOnCluster(cluster, directories).pipe(Layer.provide(sql))
}
