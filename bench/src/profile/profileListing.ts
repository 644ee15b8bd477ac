/**
 * Profiles an adapter's listing: the vendor's mock in a child process, filled through its bench hooks, listed to
 * the end through the adapter (`list({ pageSize })`) with this process's CPU profiler running, after warm-up runs.
 * Prints the shares by package and function of the client's time, and its CPU time per contact beside the plain
 * `fetch` + `JSON.parse` listing of the same pages — what the adapter's decoding and mapping cost.
 *
 * Usage: `node src/profile/profileListing.ts <vendor> [runs=5]` (`CK_PROFILE_OUT=<file>` keeps the .cpuprofile).
 */
import { ContactDirectory } from "@contactkit/domain"
import { vendorNamed, vendors } from "@contactkit/registry"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Console, Effect, Stream } from "effect"
import { writeFileSync } from "node:fs"
import { loadavg } from "node:os"
import { listingOf } from "../ListingBench.ts"
import { timeAlternating, turnOrder } from "../Measure.ts"
import { startMockProcess } from "../MockProcess.ts"
import { cpuMillisOf } from "./ProcessCpu.ts"
import { makeProfiler } from "./Profiler.ts"
import { renderShares, summarize } from "./ProfileSummary.ts"

// The first registered vendor with bench hooks unless one is named.
const [vendorName = vendors.find((v) => v.bench !== undefined)?.name ?? "", runsArg = "5"] = process.argv.slice(2)
const runs = Number(runsArg)

const program = Effect.gen(function*() {
  const vendor = vendorNamed(vendorName)
  const bench = vendor?.bench
  if (vendor === undefined || bench === undefined) return yield* Effect.die(`no bench hooks: ${vendorName}`)
  const mock = yield* startMockProcess(vendor.name)
  const url = mock.url
  yield* bench.populate(url, bench.contacts)
  const target = listingOf(vendor, bench, url)
  const contacts = bench.contacts + bench.demoContacts
  const measured = yield* Effect.gen(function*() {
    const directory = yield* ContactDirectory
    const viaAdapter = Stream.runCount(directory.list({ pageSize: target.pageSize }))
    const viaRaw = Effect.promise(target.raw)
    const [adapter, raw] = yield* timeAlternating(viaAdapter, viaRaw, { warmup: 2, runs })
    // The mock's CPU time for one listing each way: the server's share of the wall time. The two sides take turns
    // run by run; measured one block after the other, whichever went first also paid for the mock's collecting of
    // the filling's garbage (it read 33 ms a listing for the adapter against 10 for raw, and 21 / 14 reversed).
    const server = { adapter: 0, raw: 0 }
    for (let i = 0; i < runs; i++) {
      for (const side of turnOrder(i, "adapter" as const, "raw" as const)) {
        const before = cpuMillisOf(mock.pid) ?? 0
        yield* side === "adapter" ? viaAdapter : viaRaw
        server[side] += ((cpuMillisOf(mock.pid) ?? 0) - before) / runs
      }
    }
    const profiler = makeProfiler()
    yield* profiler.start
    for (let i = 0; i < runs; i++) yield* viaAdapter
    return { adapter, raw, server, profile: yield* profiler.stop }
  }).pipe(Effect.provide(target.layer))
  const file = process.env["CK_PROFILE_OUT"]
  if (file !== undefined) writeFileSync(file, JSON.stringify(measured.profile))
  const perContact = (cpuMs: number) => `${((cpuMs * 1000) / contacts).toFixed(1)} µs`
  yield* Console.log(
    `${vendor.name} listing of ${contacts} contacts in pages of ${target.pageSize}, load ${
      loadavg()[0]?.toFixed(2)
    }\n` +
      `  adapter ${measured.adapter.medianMs.toFixed(0)} ms, client CPU ${perContact(measured.adapter.cpuMedianMs)}` +
      `/contact; raw fetch + JSON.parse ${measured.raw.medianMs.toFixed(0)} ms, ` +
      `${perContact(measured.raw.cpuMedianMs)}/contact; adapter/raw throughput ` +
      `${(measured.raw.medianMs / measured.adapter.medianMs).toFixed(2)}×\n` +
      `  the mock's CPU per listing: for the adapter ${measured.server.adapter.toFixed(0)} ms, for the raw listing ` +
      `${measured.server.raw.toFixed(0)} ms\n` +
      renderShares(summarize(measured.profile), { functions: 30 })
  )
}).pipe(Effect.scoped)

NodeRuntime.runMain(program)
