/**
 * Benchmark — each mock server against the two bounds that say what it costs: Prism's mock of the same OpenAPI
 * document (what a team would otherwise run; stateless, answering from examples — here the mock's own answers, see
 * `AnsweringDocument.ts`) and a bare `node:http` server answering the very bytes the mock answered (what any Node
 * server costs at least). A fourth side, Effect's own HTTP server answering the same bytes, is the floor of any mock
 * built on it: between bare and mock it says how much of the gap is the server and how much the mock. For every
 * vendor in the registry with throughput hooks: a single GET, a list page and a create, at 1, 10 and 100
 * connections. The sides are measured in rotating order, several rounds each, and the median kept, so drift in the
 * machine's load hits all alike; beside requests per second, each server's CPU time per request (from /proc), which
 * a loaded machine moves much less; the load average beside it.
 */
import type { BenchRequest, Vendor } from "@contactkit/vendor-kit"
import { Effect } from "effect"
import { fileURLToPath } from "node:url"
import { median } from "../Measure.ts"
import { cpuMillisOf } from "../profile/ProcessCpu.ts"
import { loadNow } from "../Report.ts"
import { documentAnswering } from "./AnsweringDocument.ts"
import { type ChildServer, pinned, serverCore, startChildServer } from "./ChildServer.ts"
import { runLoad } from "./LoadGenerator.ts"
import { startPrismMock } from "./PrismMock.ts"
import { type Likeness, likeness, recordAnswers, type RecordedAnswer } from "./RecordedAnswer.ts"
import { tempFile } from "./TempFile.ts"

export const connectionCounts = [1, 10, 100] as const
export const routes = ["getOne", "listPage", "create"] as const
export type Route = (typeof routes)[number]
const sides = ["mock", "prism", "bare", "effect"] as const
type Side = (typeof sides)[number]

/** The goals of issue #15: at least 10× Prism's mock and half a bare server. */
export const goals = { vsPrism: 10, vsBare: 0.5 } as const

export interface ThroughputPoint {
  readonly vendor: string
  readonly route: Route
  readonly connections: number
  readonly perSecond: Readonly<Record<Side, number>>
  readonly bytes: Readonly<Record<Side, number>>
  readonly failures: Readonly<Record<Side, number>>
  /** Median server CPU time per request, µs (NaN where /proc is missing). */
  readonly cpuMicros: Readonly<Record<Side, number>>
  /** Prism's answer to this request against the mock's (Prism is handed the mock's answer as its example). */
  readonly prismAnswer: Likeness
  readonly load: number
}

export interface ThroughputOptions {
  readonly seconds: number
  readonly rounds: number
}

const bareEntry = fileURLToPath(new URL("./serveBytes.ts", import.meta.url))
const effectEntry = fileURLToPath(new URL("./serveEffectBytes.ts", import.meta.url))

const startReplay = (entry: string, name: string, recorded: ReadonlyArray<RecordedAnswer>) =>
  Effect.gen(function*() {
    const file = yield* tempFile("answers.json", JSON.stringify(recorded))
    const { args, command } = pinned(serverCore, process.execPath, [entry, file])
    return yield* startChildServer({
      name,
      command,
      args,
      ready: (line) => (line.startsWith("http://") ? line.trim() : undefined)
    })
  })

type PerSide<A> = Record<Side, A>

const perSide = <A>(f: (side: Side) => A): PerSide<A> => ({
  mock: f("mock"),
  prism: f("prism"),
  bare: f("bare"),
  effect: f("effect")
})

/** One route at one connection count: every side `rounds` times, in rotating order; the medians. */
const measurePoint = (
  servers: PerSide<ChildServer>,
  urlOf: (side: Side, request: BenchRequest) => string,
  request: BenchRequest,
  connections: number,
  options: ThroughputOptions
) =>
  Effect.gen(function*() {
    const rates = perSide((): Array<number> => [])
    const cpu = perSide((): Array<number> => [])
    const bytes = perSide(() => 0)
    const failures = perSide(() => 0)
    for (let round = 0; round < options.rounds; round++) {
      // Rotate who goes first, so a change in the machine's load does not always fall on the same side.
      const order = sides.map((_, i) => sides[(i + round) % sides.length]!)
      for (const side of order) {
        const cpuBefore = cpuMillisOf(servers[side].pid)
        const result = yield* runLoad({
          url: urlOf(side, request),
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          connections,
          seconds: options.seconds
        })
        const cpuAfter = cpuMillisOf(servers[side].pid)
        if (cpuBefore !== undefined && cpuAfter !== undefined && result.total > 0) {
          cpu[side].push(((cpuAfter - cpuBefore) * 1000) / result.total)
        }
        rates[side].push(result.requestsPerSecond)
        bytes[side] = result.total === 0 ? 0 : result.bytesPerSecond / result.requestsPerSecond
        failures[side] += result.non2xx + result.errors
      }
    }
    return {
      perSecond: perSide((side) => median(rates[side])),
      cpuMicros: perSide((side) => median(cpu[side])),
      bytes,
      failures
    }
  })

/** Measures every route and connection count for one vendor whose mock is already running and filled. */
export const benchServerThroughput = (vendor: Vendor, mock: ChildServer, options: ThroughputOptions) =>
  Effect.gen(function*() {
    const hooks = vendor.bench?.throughput
    if (hooks === undefined) return []
    const requests = yield* Effect.promise(() => hooks(mock.url))
    const benched = routes.map((route) => requests[route])
    const recorded = yield* recordAnswers(mock.url, benched)
    const basePath = vendor.specBasePath ?? ""
    const document = yield* Effect.promise(() => documentAnswering(vendor.openapi, basePath, recorded))
    const prism = yield* startPrismMock(vendor.name, yield* tempFile("openapi.json", document))
    // Prism serves the document's paths, which are relative to its server URL's path (e.g. without `/v4`).
    const prismPath = (path: string) => path.slice(basePath.length)
    const prismAnswers = yield* recordAnswers(prism.url, benched, prismPath)
    const bare = yield* startReplay(bareEntry, "bare node:http", recorded)
    const effect = yield* startReplay(effectEntry, "Effect HTTP server", recorded)
    const servers: PerSide<ChildServer> = { mock, prism, bare, effect }
    const urlOf = (side: Side, request: BenchRequest) =>
      `${servers[side].url}${side === "prism" ? prismPath(request.path) : request.path}`
    const points: Array<ThroughputPoint> = []
    for (const [index, route] of routes.entries()) {
      const prismAnswer = likeness(recorded[index]!, prismAnswers[index]!)
      for (const connections of connectionCounts) {
        const measured = yield* measurePoint(servers, urlOf, requests[route], connections, options)
        points.push({ vendor: vendor.name, route, connections, ...measured, prismAnswer, load: loadNow() })
      }
    }
    return points
  }).pipe(Effect.scoped)
