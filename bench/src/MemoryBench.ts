/**
 * Benchmark — bounded memory while listing. After one untimed pass, walks an adapter's whole listing twice: once
 * streaming (each contact looked at, then let go) and once holding every contact in an array. Heap growth over the
 * lowest live heap (after a full GC, before or after the walk) is sampled as it goes: `heapUsed` every
 * `sampleEvery` contacts (garbage included, as the process really sees it) and the live heap after a full GC every
 * `checkpointEvery` contacts (only what is retained). A streaming listing should retain about one page, whatever
 * the total; the array grows with every contact. Issue #15's goal, "streaming in one page of memory", is checked in
 * pages: the streamed walk's live peak over what one page of contacts weighs when held (the held walk's growth per
 * contact times the page size) is at most `pagesGoal`, at each size the bench walks (the listing and 4× it), so it
 * does not grow with the listing either. Which checkpoint catches the page being handed on as the next one arrives
 * moves a walk's peak between about one page and three from run to run.
 */
import type { Contact } from "@contactkit/domain"
import { ContactDirectory } from "@contactkit/domain"
import { Effect, Stream } from "effect"
import { liveHeap } from "./Gc.ts"
import type { ListingTarget } from "./ListingBench.ts"
import { atMost, formatBytes, formatRatio, loadNow, table } from "./Report.ts"

const sampleEvery = 100
const checkpointEvery = 1000
/** Checkpoints fall a quarter into every thousand: mid-page for pages of 500, when a page is certainly held. */
const checkpointAt = 250
/**
 * Up to two pages can be alive at once (the one handed on may still be referenced while the next is read), and a
 * page being read is alive twice over (its bytes and text, then the records parsed from it and the contacts made
 * from them, which keep their records as `remote`), where the held walk weighs each page once: four pages' weight
 * bounds a streaming listing of any length. A listing that buffered its pages would grow past it with the listing
 * (the held walk reads 10–100 pages' weight at the sizes the bench walks).
 */
export const pagesGoal = 4

export interface HeapGrowth {
  readonly contacts: number
  /** Highest `heapUsed` at any sample above the lowest live heap, garbage included. */
  readonly peak: number
  /** Highest live heap at any GC checkpoint (or the end) above the lowest live heap, before or after. */
  readonly livePeak: number
  /** Live heap at the end over the live heap at the start (the array, when held). */
  readonly retainedAtEnd: number
}

export interface MemoryResult {
  readonly vendor: string
  readonly pageSize: number
  readonly streaming: HeapGrowth
  readonly holding: HeapGrowth
  /** The one-minute load average when the walks ended. */
  readonly load: number
}

/** The streamed walk's live peak, in pages of held contacts. */
export const livePeakInPages = (result: MemoryResult): number =>
  result.streaming.livePeak / (result.pageSize * result.holding.retainedAtEnd / Math.max(1, result.holding.contacts))

const walk = (list: Stream.Stream<Contact, unknown>, hold: boolean) =>
  Effect.gen(function*() {
    const held: Array<Contact> = []
    let count = 0
    let peak = 0
    let livePeak = 0
    const start = liveHeap()
    yield* Stream.runForEach(list, (contact) =>
      Effect.sync(() => {
        count++
        if (hold) held.push(contact)
        if (count % sampleEvery === 0) peak = Math.max(peak, process.memoryUsage().heapUsed)
        if (count % checkpointEvery === checkpointAt) livePeak = Math.max(livePeak, liveHeap())
      }))
    const end = liveHeap()
    // Read after the last measurement, so the array is certainly alive while it is measured.
    if (hold && held.length !== count) return yield* Effect.die("the array lost contacts")
    // Growth is counted from the lowest live heap seen: what earlier work left behind (idle sockets of the
    // populating step, say) may be freed during the walk, and would otherwise hide the walk's own growth.
    const floor = Math.min(start, end)
    const growth: HeapGrowth = {
      contacts: count,
      peak: Math.max(peak, end) - floor,
      livePeak: Math.max(livePeak, end) - floor,
      retainedAtEnd: end - start
    }
    return growth
  })

export const benchMemory = (target: ListingTarget) =>
  Effect.gen(function*() {
    const directory = yield* ContactDirectory
    const list = directory.list({ pageSize: target.pageSize })
    // One untimed pass first, so lazily built caches and compiled code are not counted as growth.
    yield* Stream.runDrain(list)
    const streaming = yield* walk(list, false)
    const holding = yield* walk(list, true)
    const result: MemoryResult = {
      vendor: target.vendor,
      pageSize: target.pageSize,
      streaming,
      holding,
      load: loadNow()
    }
    return result
  }).pipe(Effect.orDie, Effect.provide(target.layer))

export const renderMemory = (results: ReadonlyArray<MemoryResult>): string => {
  const rows = results.flatMap((r) =>
    (["streaming", "holding"] as const).map((mode) => {
      const growth = r[mode]
      return [
        `${r.vendor} ${mode === "streaming" ? "streamed" : "held in an array"}`,
        String(r.pageSize),
        growth.contacts.toLocaleString("en-US"),
        formatBytes(growth.peak),
        formatBytes(growth.livePeak),
        formatBytes(growth.retainedAtEnd),
        mode === "streaming" ? atMost(livePeakInPages(r), pagesGoal) : "–",
        r.load.toFixed(2)
      ]
    })
  )
  const ratios = results.map((r) =>
    `  ${r.vendor}, ${r.holding.contacts.toLocaleString("en-US")} contacts: streaming/array live peak ${
      formatRatio(r.streaming.livePeak / r.holding.livePeak)
    }, heapUsed peak ${formatRatio(r.streaming.peak / r.holding.peak)}; ` +
    `one held contact ≈ ${formatBytes(r.holding.retainedAtEnd / Math.max(1, r.holding.contacts))}`
  )
  return [
    table(
      [
        "listing",
        "page",
        "contacts",
        "heapUsed peak",
        "live peak (GC)",
        "live at end",
        `live peak in pages (≤${pagesGoal})`,
        "load"
      ],
      rows
    ),
    ...ratios
  ].join("\n")
}
