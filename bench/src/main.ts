/**
 * Runs every benchmark and prints its numbers and ratios (`node src/main.ts`, or
 * `pnpm --filter @contactkit/bench bench`). Benchmarks are not tests: nothing here asserts a time. All traffic
 * is loopback to mock vendors in child processes; every loop is bounded, and the whole run takes about a minute
 * on 2 cores. What each part measures: README.md.
 */
import { vendors } from "@contactkit/registry"
import type { Vendor } from "@contactkit/vendor-kit"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Console, Effect } from "effect"
import { arch, cpus, platform, release, totalmem } from "node:os"
import { benchDomain, renderDomain } from "./DomainBench.ts"
import { benchListing, listingOf, type ListingResult, renderListing } from "./ListingBench.ts"
import { timeOnce } from "./Measure.ts"
import { benchMemory, type MemoryResult, renderMemory } from "./MemoryBench.ts"
import { startMock, startMockProcess } from "./MockProcess.ts"
import { formatBytes, formatMs, heading, loadNow } from "./Report.ts"
import { benchScaling, renderScaling, type ScalingResult, sizes } from "./ScalingBench.ts"
import { syncPart } from "./sync/SyncPart.ts"
import { benchServerThroughput, type ThroughputPoint } from "./throughput/ServerThroughputBench.ts"
import { renderThroughput } from "./throughput/ThroughputReport.ts"

const domainContacts = 2_000
/** The streaming-memory benchmark grows each vendor's listing to this many times its listing size. */
const memoryGrowth = 4

/**
 * `CK_BENCH=domain,listing,memory,throughput,scaling` picks parts (default: all); throughput points last
 * `CK_BENCH_SECONDS`.
 */
const parts = new Set((process.env["CK_BENCH"] ?? "domain,listing,memory,throughput,scaling").split(","))
/** `CK_BENCH_VENDORS=<name>,<name>` picks vendors by registry name (default: every vendor with bench hooks). */
const chosenVendors = process.env["CK_BENCH_VENDORS"] === undefined
  ? undefined
  : new Set(process.env["CK_BENCH_VENDORS"].split(","))
const throughputOptions = {
  seconds: Number(process.env["CK_BENCH_SECONDS"] ?? 2),
  rounds: Number(process.env["CK_BENCH_ROUNDS"] ?? 2)
}
/** Contacts in each mock while its server throughput is measured. */
const throughputContacts = 1_000

const listingRuns = { warmup: 1, runs: 7 }
const domainRuns = { warmup: 3, runs: 7 }

const machine = () => {
  const cores = cpus()
  return `${cores[0]?.model ?? "unknown CPU"} × ${cores.length} · ${formatBytes(totalmem())} RAM · ` +
    `${platform()} ${release()} ${arch()} · Node ${process.version}`
}

const populated = (what: string, populate: Effect.Effect<unknown, unknown>) =>
  Effect.flatMap(timeOnce(populate), (time) => Console.log(`  (populated ${what} in ${formatMs(time.ms)})`))

/** Each mock in a fresh child process of its own, filled, then measured against Prism's mock and a bare server. */
const throughput = (benched: ReadonlyArray<Vendor>) =>
  Effect.gen(function*() {
    yield* Console.log(heading(
      `Server throughput: each mock vs Prism's mock and a bare node:http server with the same bytes ` +
        `(${throughputOptions.seconds} s a point, median of ${throughputOptions.rounds} rotating rounds)`
    ))
    const points: Array<ThroughputPoint> = []
    for (const vendor of benched) {
      const hooks = vendor.bench
      if (hooks?.throughput === undefined) continue
      const mock = yield* startMockProcess(vendor.name)
      yield* hooks.populate(mock.url, throughputContacts)
      points.push(...(yield* benchServerThroughput(vendor, mock, throughputOptions)))
    }
    yield* Console.log(renderThroughput(points))
  }).pipe(Effect.scoped)

/** Each mock with a scaling hook in a fresh process, seeded to 1,000 and then 100,000 contacts. */
const scaling = (benched: ReadonlyArray<Vendor>) =>
  Effect.gen(function*() {
    yield* Console.log(heading(
      `List pages at ${sizes.map((n) => n.toLocaleString("en-US")).join(" and ")} contacts (filled by the admin ` +
        `seed with a count), median of one request at a time`
    ))
    const results: Array<ScalingResult> = []
    for (const vendor of benched) {
      if (vendor.bench?.scaling === undefined) continue
      const result = yield* benchScaling(vendor, yield* startMock(vendor.name))
      if (result !== undefined) results.push(result)
    }
    yield* Console.log(renderScaling(results))
  }).pipe(Effect.scoped)

const program = Effect.gen(function*() {
  yield* Console.log(`contactkit benchmarks — ${machine()}`)
  const benched = vendors.flatMap((vendor) =>
    vendor.bench === undefined || (chosenVendors !== undefined && !chosenVendors.has(vendor.name))
      ? []
      : [{ vendor, bench: vendor.bench }]
  )
  const mocks = new Map<string, string>()
  for (const { vendor } of benched) mocks.set(vendor.name, yield* startMock(vendor.name))
  const mockUrl = (name: string) => mocks.get(name) ?? ""

  // First, while the heap is small and no listing has run: these are the most sensitive to GC.
  if (parts.has("domain")) {
    yield* Console.log(heading(`Domain hot paths, median of ${domainRuns.runs} passes`))
    yield* Console.log(
      renderDomain(yield* benchDomain(domainContacts, vendors.map((vendor) => vendor.capabilities), domainRuns))
    )
    yield* Console.log(`  (load ${loadNow().toFixed(2)})`)
  }

  if (parts.has("throughput")) yield* throughput(benched.map(({ vendor }) => vendor))
  if (parts.has("scaling")) yield* scaling(benched.map(({ vendor }) => vendor))
  // Opt-in only (not in the default list): it starts a Postgres and runner processes.
  if (parts.has("sync")) yield* syncPart
  if (!parts.has("listing") && !parts.has("memory")) return

  yield* Console.log(
    heading(`Listing through an adapter vs raw HTTP (fetch + JSON.parse), median of ${listingRuns.runs}`)
  )
  const listings: Array<ListingResult> = []
  for (const { bench, vendor } of benched) {
    yield* populated(
      `${vendor.displayName} with ${bench.contacts.toLocaleString("en-US")} contacts`,
      bench.populate(mockUrl(vendor.name), bench.contacts)
    )
    const target = listingOf(vendor, bench, mockUrl(vendor.name))
    listings.push(yield* benchListing(target, bench.contacts + bench.demoContacts, listingRuns))
  }
  yield* Console.log(renderListing(listings))

  if (!parts.has("memory")) return
  yield* Console.log(heading("Heap growth while listing: streamed vs held in an array"))
  const memory: Array<MemoryResult> = []
  for (const { bench, vendor } of benched) {
    const target = listingOf(vendor, bench, mockUrl(vendor.name))
    memory.push(yield* benchMemory(target))
    const more = bench.contacts * (memoryGrowth - 1)
    yield* populated(
      `${more.toLocaleString("en-US")} more ${vendor.displayName} contacts`,
      bench.populate(mockUrl(vendor.name), more, bench.contacts)
    )
    memory.push(yield* benchMemory(target))
  }
  yield* Console.log(renderMemory(memory))
}).pipe(Effect.scoped)

NodeRuntime.runMain(program)
