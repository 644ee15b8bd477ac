/**
 * Runs every benchmark and prints its numbers and ratios (`node src/main.ts`, or
 * `pnpm --filter @contactkit/bench bench`). Benchmarks are not tests: nothing here asserts a time. All traffic
 * is loopback to mock vendors in child processes; every loop is bounded, and the whole run takes about a minute
 * on 2 cores. What each part measures: README.md.
 */
import { NodeRuntime } from "@effect/platform-node"
import { Console, Effect } from "effect"
import { arch, cpus, platform, release, totalmem } from "node:os"
import { benchDomain, renderDomain } from "./DomainBench.ts"
import { benchListing, type ListingResult, monicaListing, phonecomListing, renderListing } from "./ListingBench.ts"
import { timeOnce } from "./Measure.ts"
import { benchMemory, type MemoryResult, renderMemory } from "./MemoryBench.ts"
import { startMock } from "./MockProcess.ts"
import { populateMonica, populatePhonecom } from "./Populate.ts"
import { formatBytes, formatMs, heading } from "./Report.ts"

/** Sizes chosen to fit a minute on 2 cores; the mocks' create cost grows with their size (see README.md). */
const phonecomContacts = 5_000
const phonecomMemoryContacts = 20_000
const monicaContacts = 2_000
/** Monica's mock starts with its demo data: three active contacts in account 1, listed with the new ones. */
const monicaDemoContacts = 3
const domainContacts = 2_000

const listingRuns = { warmup: 1, runs: 7 }
const domainRuns = { warmup: 3, runs: 7 }

const machine = () => {
  const cores = cpus()
  return `${cores[0]?.model ?? "unknown CPU"} × ${cores.length} · ${formatBytes(totalmem())} RAM · ` +
    `${platform()} ${release()} ${arch()} · Node ${process.version}`
}

const populated = (what: string, populate: Effect.Effect<unknown, unknown>) =>
  Effect.flatMap(timeOnce(populate), (time) => Console.log(`  (populated ${what} in ${formatMs(time.ms)})`))

const program = Effect.gen(function*() {
  yield* Console.log(`contactkit benchmarks — ${machine()}`)
  const phonecom = yield* startMock("phonecom")
  const monica = yield* startMock("monica")

  // First, while the heap is small and no listing has run: these are the most sensitive to GC.
  yield* Console.log(heading(`Domain hot paths, median of ${domainRuns.runs} passes`))
  yield* Console.log(renderDomain(yield* benchDomain(domainContacts, domainRuns)))

  yield* Console.log(
    heading(`Listing through an adapter vs raw HTTP (fetch + JSON.parse), median of ${listingRuns.runs}`)
  )
  yield* populated(
    `Phone.com with ${phonecomContacts.toLocaleString("en-US")} contacts`,
    populatePhonecom(phonecom, phonecomContacts)
  )
  yield* populated(
    `Monica with ${monicaContacts.toLocaleString("en-US")} contacts`,
    populateMonica(monica, monicaContacts)
  )
  const listings: Array<ListingResult> = []
  listings.push(yield* benchListing(phonecomListing(phonecom), phonecomContacts, listingRuns))
  listings.push(yield* benchListing(monicaListing(monica), monicaContacts + monicaDemoContacts, listingRuns))
  yield* Console.log(renderListing(listings))

  yield* Console.log(heading("Heap growth while listing: streamed vs held in an array"))
  const memory: Array<MemoryResult> = []
  memory.push(yield* benchMemory(phonecomListing(phonecom)))
  const more = phonecomMemoryContacts - phonecomContacts
  yield* populated(
    `${more.toLocaleString("en-US")} more Phone.com contacts`,
    populatePhonecom(phonecom, more, phonecomContacts)
  )
  memory.push(yield* benchMemory(phonecomListing(phonecom)))
  yield* Console.log(renderMemory(memory))
}).pipe(Effect.scoped)

NodeRuntime.runMain(program)
