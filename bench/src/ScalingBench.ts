/**
 * Benchmark — does a list page cost the same at 1,000 and at 100,000 contacts? Each mock with `generate` is filled
 * through its admin seed with a count (`POST /__admin/seed {"count": n}`, timed: the goal is a few seconds for
 * 100,000), then three reads are timed one request at a time: the first page, a page near the end (an offset deep
 * into the list), and the first page right after a create (a write used to make the next listing sort the whole
 * table again), taking turns. The median time of each at 100,000 over its time at 1,000 is the ratio; the goal is at
 * most 2×.
 */
import type { BenchRequest, ScalingRequests, Vendor } from "@contactkit/vendor-kit"
import { Effect } from "effect"
import { median } from "./Measure.ts"
import { atMost, formatMs, loadNow, marked, table } from "./Report.ts"

export const sizes = [1_000, 100_000] as const
/** The goal of issue #15: a page at 100,000 contacts costs at most twice what it costs at 1,000. */
export const goal = 2
/** "A few seconds" to seed 100,000 contacts, read as at most five. */
export const seedGoalMs = 5_000
const reads = 40
const warmup = 10

let sent = 0

const send = (mockUrl: string, request: BenchRequest) =>
  fetch(`${mockUrl}${request.path}`, {
    method: request.method,
    headers: request.headers,
    // `[<id>]` becomes a fresh id in every request (see BenchRequest.body).
    ...(request.body === undefined ? {} : { body: request.body.replaceAll("[<id>]", `s${++sent}`) })
  }).then(async (response) => {
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`${request.method} ${request.path} answered ${response.status}`)
  })

/** Milliseconds of one request, as the client sees it. */
const timed = async (mockUrl: string, request: BenchRequest) => {
  const start = performance.now()
  await send(mockUrl, request)
  return performance.now() - start
}

export interface ScalingTimes {
  readonly seedMs: number
  readonly firstPage: number
  readonly deepPage: number
  readonly afterWrite: number
}

const measureAt = (mockUrl: string, scaling: (mockUrl: string) => Promise<ScalingRequests>, count: number) =>
  Effect.promise(async (): Promise<ScalingTimes> => {
    const seedStart = performance.now()
    const seeded = await fetch(`${mockUrl}/__admin/seed`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ count })
    })
    await seeded.arrayBuffer()
    if (!seeded.ok) throw new Error(`seeding ${count} answered ${seeded.status}`)
    const seedMs = performance.now() - seedStart
    const requests = await scaling(mockUrl)
    const readFirst = () => timed(mockUrl, requests.firstPage)
    const readDeep = () => timed(mockUrl, requests.deepPage)
    const readAfterWrite = async () => {
      await send(mockUrl, requests.write)
      return timed(mockUrl, requests.firstPage)
    }
    // The three reads take turns, so the collection of the seed's garbage in the mock's process (which goes on
    // for a while after a 100,000-contact seed) falls on all three alike instead of on whichever is timed first.
    const times = { first: [] as Array<number>, deep: [] as Array<number>, afterWrite: [] as Array<number> }
    for (let i = 0; i < warmup + reads; i++) {
      const first = await readFirst()
      const deep = await readDeep()
      const afterWrite = await readAfterWrite()
      if (i < warmup) continue
      times.first.push(first)
      times.deep.push(deep)
      times.afterWrite.push(afterWrite)
    }
    const firstPage = median(times.first)
    const deepPage = median(times.deep)
    const afterWrite = median(times.afterWrite)
    return { seedMs, firstPage, deepPage, afterWrite }
  })

export interface ScalingResult {
  readonly vendor: string
  readonly small: ScalingTimes
  readonly large: ScalingTimes
  /** The one-minute load average when the vendor's reads ended. */
  readonly load: number
}

/** Both sizes for one vendor, against a mock of its own (its state is replaced by each seed). */
export const benchScaling = (vendor: Vendor, mockUrl: string) =>
  Effect.gen(function*() {
    const scaling = vendor.bench?.scaling
    if (scaling === undefined) return undefined
    const small = yield* measureAt(mockUrl, scaling, sizes[0])
    const large = yield* measureAt(mockUrl, scaling, sizes[1])
    const result: ScalingResult = { vendor: vendor.name, small, large, load: loadNow() }
    return result
  })

const verdict = (large: number, small: number) => atMost(large / small, goal)

const seedVerdict = (ms: number) => marked(formatMs(ms), ms <= seedGoalMs)

export const renderScaling = (results: ReadonlyArray<ScalingResult>): string =>
  table(
    [
      "vendor",
      `seed 1k / 100k (≤${seedGoalMs / 1000} s)`,
      "first page 1k / 100k",
      `ratio (≤${goal}×)`,
      "deep page 1k / 100k",
      `ratio (≤${goal}×)`,
      "after a write 1k / 100k",
      `ratio (≤${goal}×)`,
      "load"
    ],
    results.map((r) => [
      r.vendor,
      `${formatMs(r.small.seedMs)} / ${seedVerdict(r.large.seedMs)}`,
      `${formatMs(r.small.firstPage)} / ${formatMs(r.large.firstPage)}`,
      verdict(r.large.firstPage, r.small.firstPage),
      `${formatMs(r.small.deepPage)} / ${formatMs(r.large.deepPage)}`,
      verdict(r.large.deepPage, r.small.deepPage),
      `${formatMs(r.small.afterWrite)} / ${formatMs(r.large.afterWrite)}`,
      verdict(r.large.afterWrite, r.small.afterWrite),
      r.load.toFixed(2)
    ])
  )
