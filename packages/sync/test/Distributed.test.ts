/**
 * Proof (b), distributed: three runner processes on one Postgres (started by the test from the project's own
 * binaries), 50 tenants × 200 contacts (about a minute on a quiet 2-core machine, three on a loaded one;
 * `CK_SYNC_PROOF_CONTACTS=60` is quicker while working on it) across vendor pairs taken from the registry, every
 * account its own mock instance. Ten tenants share each source account (one credential read by runs on every
 * runner), so its rate limit only holds if the runners hold it together. Two runners start; a third joins once the runs are under way and
 * takes shards over; then one is killed with SIGKILL and the others take its runs over. At the end every target
 * holds exactly its source's contacts — read at the mock, each once — every job's summary says each was created,
 * the runs the killed runner had under way were finished elsewhere, and no mock ever saw more requests of one
 * credential in a window than that credential's limit (while the shared sources were asked for more).
 */
import type { Contact } from "@contactkit/domain"
import { vendors } from "@contactkit/registry"
import type { Vendor } from "@contactkit/vendor-kit"
import { PgClient } from "@effect/sql-pg"
import { assert, describe, it } from "@effect/vitest"
import { Clock, Context, Duration, Effect, Layer, Option, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { writeFileSync } from "node:fs"
import { Embedded, Jobs, JobStore } from "../src/index.ts"
import type { SyncJob } from "../src/SyncJob.ts"
import { RunnerProcess, ThrowawayPostgres } from "../src/testing/index.ts"
import { canonicalOf, directoryAt, expectedAt, listAll, populate } from "./support/Directories.ts"
import { clearRequests, isPlainTarget, requestsAt, startMock } from "./support/MockVendors.ts"
import { maxInWindow } from "./support/Rates.ts"

const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const tenants = size("CK_SYNC_PROOF_TENANTS", 50)
const contacts = size("CK_SYNC_PROOF_CONTACTS", 200)
const tenantsPerSource = 10
const sourceCount = Math.ceil(tenants / tenantsPerSource)
const window = 10_000
const sourceLimit = 100
const targetLimit = 500
/** Targets whose writes are one request per contact, so the contacts fit the test's time. */
const targets = vendors.filter(isPlainTarget)

interface Account {
  readonly vendor: Vendor
  readonly origin: string
  readonly credential: string
  readonly limit: number
}

const poll = <A>(check: Effect.Effect<A | undefined, unknown>, deadline: Duration.Input) =>
  Effect.gen(function*() {
    const until = (yield* Clock.currentTimeMillis) + Duration.toMillis(Duration.fromInputUnsafe(deadline))
    while (true) {
      const found = yield* check
      if (found !== undefined) return found
      if ((yield* Clock.currentTimeMillis) > until) return yield* Effect.die(new Error("timed out waiting"))
      yield* Effect.sleep("500 millis")
    }
  })

type Runner = RunnerProcess.Runner

/** The mock accounts: sources filled with generated people (their request logs cleared after), targets empty. */
const accounts = Effect.gen(function*() {
  const sources: Array<Account> = []
  for (let k = 0; k < sourceCount; k++) {
    const vendor = vendors[k % vendors.length]!
    sources.push({ vendor, origin: yield* startMock(vendor), credential: `s${k}`, limit: sourceLimit })
  }
  const sinks: Array<Account> = []
  for (let i = 0; i < tenants; i++) {
    const vendor = targets[i % targets.length]!
    sinks.push({ vendor, origin: yield* startMock(vendor), credential: `t${i}`, limit: targetLimit })
  }
  const sourceContacts = yield* Effect.forEach(sources, (account, k) =>
    Effect.gen(function*() {
      const directory = yield* directoryAt(account.vendor, account.origin)
      yield* populate(directory, contacts, k * 10_000)
      yield* clearRequests(account.origin)
      return yield* listAll(directory)
    }))
  return { sources, sinks, sourceContacts }
})

/** What a runner is started with: the database, a short failover, and every account's reference and limit. */
const runnerEnv = (databaseUrl: string, all: ReadonlyArray<Account>): Record<string, string> => {
  // A runner refreshes its shard locks every third of the failover; on a busy machine a short one makes runners
  // give up shards they still hold.
  const env: Record<string, string> = { CK_SYNC_DATABASE_URL: databaseUrl, CK_SYNC_FAILOVER: "12 seconds" }
  for (const account of all) {
    env[`${account.credential.toUpperCase()}_MOCK`] = account.origin
    env[`${account.credential.toUpperCase()}_RATE_LIMIT`] = `${account.limit}/10s`
  }
  return env
}

const jobsOf = (sources: ReadonlyArray<Account>, sinks: ReadonlyArray<Account>): ReadonlyArray<SyncJob> =>
  sinks.map((sink, i) => {
    const source = sources[Math.floor(i / tenantsPerSource)]!
    return {
      jobId: `tenant-${i}`,
      tenant: `tenant-${i}`,
      source: { vendor: source.vendor.name, credential: source.credential },
      target: { vendor: sink.vendor.name, credential: sink.credential },
      // Twelve pages a listing: the ten tenants of a source ask for more than its limit allows, together.
      pageSize: Math.ceil(contacts / 12)
    }
  })

/** The runs a runner logged as planned or finished. */
const runsLogged = (runner: Runner, verb: "planned" | "finished") =>
  new Set(runner.output.flatMap((line) => {
    const match = new RegExp(`${verb} run 1 of (tenant-\\d+)`, "u").exec(line)
    return match === null ? [] : [match[1]!]
  }))

/** The late runner finished runs others had started; the killed runner's unfinished runs were finished elsewhere. */
const assertTakenOver = (runners: ReadonlyArray<Runner>, victim: Runner, late: Runner): ReadonlyArray<string> => {
  assert.isAbove(runsLogged(late, "finished").size, 0, "the runner that joined took runs over")
  const cutShort = [...runsLogged(victim, "planned")].filter((job) => !runsLogged(victim, "finished").has(job))
  assert.isAbove(cutShort.length, 0, "the killed runner had runs under way")
  const survivors = runners.filter((runner) => runner !== victim)
  for (const job of cutShort) {
    assert.isTrue(survivors.some((runner) => runsLogged(runner, "finished").has(job)), `${job} finished elsewhere`)
  }
  return cutShort
}

/** No credential's requests exceeded its limit in any window, as each mock saw them; returns the busiest source's. */
const assertRates = (sources: ReadonlyArray<Account>, sinks: ReadonlyArray<Account>) =>
  Effect.gen(function*() {
    let busiest = 0
    for (const account of [...sources, ...sinks]) {
      const requests = yield* requestsAt(account.origin)
      assert.isBelow(requests.length, 1000, "the mock's request log holds every request")
      const most = maxInWindow(requests, window)
      assert.isAtMost(most, account.limit, `${account.credential}: ${most} requests in ${window} ms`)
      if (sources.includes(account)) busiest = Math.max(busiest, most)
    }
    // The shared sources were asked for more than their limit allows (ten tenants, twelve pages each), so the
    // limit held against real demand from every runner, not for want of requests.
    assert.isAtLeast(busiest, sourceLimit * 0.6)
    return busiest
  })

/** Every target holds exactly its source's contacts, each once, and every summary agrees; returns writes settled. */
const assertTargets = (
  jobs: JobStore.JobStore["Service"],
  sinks: ReadonlyArray<Account>,
  sourceContacts: ReadonlyArray<ReadonlyArray<Contact>>
) =>
  Effect.gen(function*() {
    let checked = 0
    for (const [i, sink] of sinks.entries()) {
      const summary = Option.getOrUndefined(yield* jobs.summary(`tenant-${i}`, 1))
      assert.deepInclude(summary, { created: contacts, updated: 0, removed: 0 })
      assert.deepStrictEqual(summary?.failed, [])
      checked += summary?.checkedAtTarget ?? 0
      const held = (yield* listAll(yield* directoryAt(sink.vendor, sink.origin))).map(canonicalOf)
      assert.strictEqual(held.length, contacts, `tenant-${i} holds ${held.length}`)
      assert.strictEqual(new Set(held).size, contacts, `tenant-${i}: no contact twice`)
      const expected = expectedAt(sink.vendor, sourceContacts[Math.floor(i / tenantsPerSource)]!)
      assert.deepStrictEqual([...held].sort(), [...expected].sort())
    }
    return checked
  })

describe("distributed sync", () => {
  it.live(
    `${tenants} tenants × ${contacts} contacts on three runners, one killed mid-sync`,
    () =>
      Effect.gen(function*() {
        const started = yield* Clock.currentTimeMillis
        const elapsed = Effect.map(Clock.currentTimeMillis, (now) => `${((now - started) / 1000).toFixed(1)} s`)
        const postgres = yield* ThrowawayPostgres.start
        const { sinks, sourceContacts, sources } = yield* accounts
        yield* Effect.logInfo(`mocks filled (${yield* elapsed})`)
        const env = runnerEnv(Redacted.value(postgres.url), [...sources, ...sinks])
        const stores = yield* Layer.build(Embedded.layerStores.pipe(Layer.provideMerge(PgClient.layer(postgres))))
        const jobs = Context.get(stores, JobStore.JobStore)
        const sql = Context.get(stores, SqlClient.SqlClient)
        const total = tenants * contacts
        const linked = Effect.map(
          sql<{ readonly n: number }>`SELECT count(*)::int AS n FROM ck_sync_links WHERE target_id IS NOT NULL`,
          (rows) => Number(rows[0]?.n ?? 0)
        )
        // Runners joined and holding shards: each holds some of the shard locks (Postgres advisory locks).
        const spreadOver = (count: number) =>
          poll(
            Effect.map(
              sql<{ readonly n: number }>`SELECT count(DISTINCT pid)::int AS n FROM pg_locks
                WHERE locktype = 'advisory' AND granted`,
              (rows) => (rows[0]?.n ?? 0) >= count ? true : undefined
            ),
            "60 seconds"
          )

        const runners = yield* Effect.forEach(["a", "b"], (name) => RunnerProcess.startRunner(name, env))
        // CK_SYNC_PROOF_LOGS=<prefix>: each runner's output kept in <prefix>.<name>.log, however the test ends.
        const logs = process.env["CK_SYNC_PROOF_LOGS"]
        if (logs !== undefined) {
          yield* Effect.addFinalizer(() =>
            Effect.sync(() => {
              for (const runner of runners) writeFileSync(`${logs}.${runner.name}.log`, runner.output.join("\n"))
            })
          )
        }
        yield* spreadOver(2)
        yield* Effect.logInfo(`two runners up (${yield* elapsed})`)
        yield* Effect.forEach(jobsOf(sources, sinks), Jobs.register, { discard: true }).pipe(
          Effect.provideService(JobStore.JobStore, jobs)
        )

        // A third runner joins once the runs are under way, and takes shards — and the runs on them — over.
        // The progress deadlines only catch a stalled run (the test's own timeout bounds the whole): on a machine
        // at load 17 two minutes passed before the first twentieth was written.
        yield* poll(Effect.map(linked, (n) => n >= total / 20 ? n : undefined), "300 seconds")
        const late = yield* RunnerProcess.startRunner("c", env)
        runners.push(late)
        yield* spreadOver(3)
        const joinedAt = yield* linked
        yield* Effect.logInfo(`third runner joined at ${joinedAt} of ${total} (${yield* elapsed})`)

        // Then one is killed, once a quarter of all contacts, and a tenth more since the join, are written.
        const killAt = Math.min(Math.max(total / 4, joinedAt + total / 10), total * 0.75)
        yield* poll(Effect.map(linked, (n) => n >= killAt ? n : undefined), "300 seconds")
        const victim = runners[0]!
        yield* victim.kill
        yield* Effect.logInfo(`killed runner ${victim.name} at ${yield* linked} of ${total} (${yield* elapsed})`)

        yield* poll(
          Effect.map(jobs.all, (all) => all.every((state) => state.completedRun >= 1) ? true : undefined),
          "300 seconds"
        )
        yield* Effect.logInfo(`every job finished (${yield* elapsed})`)

        const cutShort = assertTakenOver(runners, victim, late)
        const busiest = yield* assertRates(sources, sinks)
        const checked = yield* assertTargets(jobs, sinks, sourceContacts)

        // The credentials the runners used are in no runner's output and nowhere in the database.
        const secrets = [...new Set([...sources, ...sinks].map((account) => account.vendor.mockApiKey))]
        const bigints = (_: string, value: unknown) => typeof value === "bigint" ? String(value) : value
        for (const table of ["cluster_messages", "cluster_replies", "ck_sync_jobs", "ck_sync_links", "ck_sync_runs"]) {
          const stored = JSON.stringify(yield* sql.unsafe(`SELECT * FROM ${table}`), bigints)
          for (const secret of secrets) assert.notInclude(stored, secret, `a credential stored in ${table}`)
        }
        for (const runner of runners) {
          for (const secret of secrets) assert.notInclude(runner.output.join("\n"), secret, `${runner.name} logged one`)
        }
        yield* Effect.logInfo(
          `verified (${yield* elapsed}): ${cutShort.length} runs taken over, ${checked} writes settled at the ` +
            `target, busiest shared source ${busiest} requests in ${window} ms (limit ${sourceLimit})`
        )
      }).pipe(Effect.scoped),
    // About a minute at the default size on a quiet 2-core machine, three to four on a loaded one.
    { timeout: 720_000 }
  )
})
