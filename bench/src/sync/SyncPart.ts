/**
 * The sync part of the benchmarks, opt-in (`CK_BENCH=sync`, it starts a Postgres and a dozen mock processes):
 * `CK_BENCH_SYNC_TENANTS` tenants (default 12) × `CK_BENCH_SYNC_CONTACTS` contacts (default 100), see SyncBench.ts.
 */
import { Console, Effect } from "effect"
import { heading } from "../Report.ts"
import { benchSync, renderSync } from "./SyncBench.ts"

export const syncPart = Effect.gen(function*() {
  const tenants = Number(process.env["CK_BENCH_SYNC_TENANTS"] ?? 12)
  const contacts = Number(process.env["CK_BENCH_SYNC_CONTACTS"] ?? 100)
  yield* Console.log(heading(
    `Sync: ${tenants} tenants × ${contacts} contacts, a plain loop over the port vs the sync engine embedded and on ` +
      `1, 2 and 3 runner processes (one Postgres, no rate limits)`
  ))
  yield* Console.log(renderSync(yield* benchSync(tenants, contacts)))
})
