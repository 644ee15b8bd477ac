/**
 * Benchmark — listing through an adapter versus raw HTTP. The same mock, the same contacts, the same pages:
 * once through the adapter's `list` (HTTP client, retry and timeout policy, Schema decoding, mapping to the
 * domain, phone numbers to E.164, a `Stream`), once as plain `fetch` + `JSON.parse`. The ratio adapter/raw is the
 * throughput the domain model costs; it is what stays comparable across machines.
 */
import { ContactDirectory } from "@contactkit/domain"
import type { BenchHooks, Vendor } from "@contactkit/vendor-kit"
import { Effect, Layer, Redacted, Stream } from "effect"
import { FetchHttpClient } from "effect/http"
import { perSecond, type RunOptions, timeAlternating, type Timing } from "./Measure.ts"
import { atLeast, formatRate, loadNow, table } from "./Report.ts"

/** The goal of issue #15: an adapter lists at least 0.8× as fast as `fetch` + `JSON.parse` of the same pages. */
export const goal = 0.8

export interface ListingResult {
  readonly vendor: string
  readonly contacts: number
  readonly pageSize: number
  readonly adapter: Timing
  readonly raw: Timing
  readonly adapterPerSecond: number
  readonly rawPerSecond: number
  /** Adapter throughput over raw throughput: 1 would mean the adapter costs nothing. */
  readonly ratio: number
  /** The one-minute load average when the vendor's runs ended. */
  readonly load: number
}

export interface ListingTarget {
  readonly vendor: string
  readonly pageSize: number
  readonly layer: Layer.Layer<ContactDirectory>
  readonly raw: () => Promise<number>
}

/** The adapter and the raw listing of one registered vendor, both against the mock at `mockUrl`. */
export const listingOf = (vendor: Vendor, bench: BenchHooks, mockUrl: string): ListingTarget => ({
  vendor: vendor.name,
  pageSize: bench.pageSize,
  layer: vendor.atMock(`${mockUrl}${vendor.apiPath}`, Redacted.make(vendor.mockApiKey), { rateLimit: false }).pipe(
    Layer.provide(FetchHttpClient.layer)
  ),
  raw: () => bench.rawList(mockUrl, bench.pageSize)
})

/** A listing that read a different number of contacts than expected measured something else: stop. */
const expectCount = (what: string, expected: number) => (count: number) =>
  count === expected ? Effect.void : Effect.die(`${what} listed ${count} contacts, expected ${expected}`)

export const benchListing = (target: ListingTarget, contacts: number, options: RunOptions) =>
  Effect.gen(function*() {
    const directory = yield* ContactDirectory
    const viaAdapter = Stream.runCount(directory.list({ pageSize: target.pageSize })).pipe(
      Effect.tap(expectCount(`${target.vendor} adapter`, contacts))
    )
    const viaRaw = Effect.promise(target.raw).pipe(Effect.tap(expectCount(`${target.vendor} raw`, contacts)))
    // The two sides alternate run by run (which goes first swaps too), so a change in the machine's load falls on
    // both alike instead of on whichever side happened to run second.
    const [adapter, raw] = yield* timeAlternating(viaAdapter, viaRaw, options)
    const adapterPerSecond = perSecond(contacts, adapter.medianMs)
    const rawPerSecond = perSecond(contacts, raw.medianMs)
    const result: ListingResult = {
      vendor: target.vendor,
      contacts,
      pageSize: target.pageSize,
      adapter,
      raw,
      adapterPerSecond,
      rawPerSecond,
      ratio: adapterPerSecond / rawPerSecond,
      load: loadNow()
    }
    return result
  }).pipe(Effect.provide(target.layer))

const microsPerContact = (timing: Timing, contacts: number) =>
  `${((timing.cpuMedianMs * 1000) / contacts).toFixed(1)} µs`

export const renderListing = (results: ReadonlyArray<ListingResult>): string =>
  table(
    [
      "vendor",
      "contacts",
      "page",
      "adapter",
      "raw fetch",
      `adapter/raw (≥${goal}×)`,
      "client CPU/contact: adapter",
      "raw",
      "load"
    ],
    results.map((r) => [
      r.vendor,
      r.contacts.toLocaleString("en-US"),
      String(r.pageSize),
      formatRate(r.adapterPerSecond),
      formatRate(r.rawPerSecond),
      atLeast(r.ratio, goal),
      microsPerContact(r.adapter, r.contacts),
      microsPerContact(r.raw, r.contacts),
      r.load.toFixed(2)
    ])
  )
