/**
 * Benchmark — each mock server against the two bounds that say what it costs: Prism's mock of the same OpenAPI
 * document (what a team would otherwise run; stateless, answering from examples) and a bare `node:http` server
 * answering the very bytes the mock answered (what any Node server costs at least). A fourth side, Effect's own
 * HTTP server answering the same bytes, is the floor of any mock built on it: between bare and mock it says how much
 * of the gap is the server and how much the mock. For every vendor in the registry with throughput hooks: a single
 * GET, a list page and a create, at 1, 10 and 100 connections. The sides are measured in rotating order, several
 * rounds each, and the median kept, so drift in the machine's load hits all alike; beside requests per second, each
 * server's CPU time per request (from /proc), which a loaded machine moves much less; the load average beside it.
 */
import type { BenchRequest, Vendor } from "@contactkit/vendor-kit"
import { Effect } from "effect"
import { mkdtempSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { loadavg, tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { median } from "../Measure.ts"
import { cpuMillisOf } from "../profile/ProcessCpu.ts"
import { formatRate, formatRatio, table } from "../Report.ts"
import { type ChildServer, pinned, serverCore, startChildServer } from "./ChildServer.ts"
import { runLoad } from "./LoadGenerator.ts"

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
  readonly load: number
}

export interface ThroughputOptions {
  readonly seconds: number
  readonly rounds: number
}

const prismBin = () => {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js")
}

const listeningUrl = (line: string) => /Prism is listening on (http:\/\/\S+)/u.exec(line)?.[1]

const startPrismMock = (vendor: Vendor) =>
  Effect.gen(function*() {
    const { args, command } = pinned(serverCore, process.execPath, [prismBin(), "mock", "-h", "127.0.0.1", "-p", "0"])
    return yield* startChildServer({
      name: `prism mock (${vendor.name})`,
      command,
      args: [...args, vendor.openapi],
      ready: listeningUrl
    })
  })

const bareEntry = fileURLToPath(new URL("./serveBytes.ts", import.meta.url))
const effectEntry = fileURLToPath(new URL("./serveEffectBytes.ts", import.meta.url))

/** Sends each request to the mock once and records the answer byte for byte, for the bare server to replay. */
const recordAnswers = (mockUrl: string, requests: ReadonlyArray<BenchRequest>) =>
  Effect.promise(async () =>
    Promise.all(requests.map(async (request) => {
      const response = await fetch(`${mockUrl}${request.path}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body.replaceAll("[<id>]", "recorded") })
      })
      return {
        method: request.method,
        path: request.path,
        status: response.status,
        contentType: response.headers.get("content-type") ?? "application/json",
        body: await response.text()
      }
    }))
  )

const startReplay = (entry: string, name: string, recorded: ReadonlyArray<unknown>) =>
  Effect.gen(function*() {
    const file = join(mkdtempSync(join(tmpdir(), "ck-bench-")), "answers.json")
    writeFileSync(file, JSON.stringify(recorded))
    const { args, command } = pinned(serverCore, process.execPath, [entry, file])
    return yield* startChildServer({
      name,
      command,
      args,
      ready: (line) => (line.startsWith("http://") ? line.trim() : undefined)
    })
  })

/** Measures every route and connection count for one vendor whose mock is already running and filled. */
export const benchServerThroughput = (vendor: Vendor, mock: ChildServer, options: ThroughputOptions) =>
  Effect.gen(function*() {
    const hooks = vendor.bench?.throughput
    if (hooks === undefined) return []
    const requests = yield* Effect.promise(() => hooks(mock.url))
    const prism = yield* startPrismMock(vendor)
    const recorded = yield* recordAnswers(mock.url, routes.map((route) => requests[route]))
    const bare = yield* startReplay(bareEntry, "bare node:http", recorded)
    const effect = yield* startReplay(effectEntry, "Effect HTTP server", recorded)
    const servers: Record<Side, ChildServer> = { mock, prism, bare, effect }
    // Prism serves the document's paths, which are relative to its server URL's path (e.g. without `/v4`).
    const prismPath = (path: string) => path.slice((vendor.specBasePath ?? "").length)
    const urlOf = (side: Side, request: BenchRequest) =>
      `${servers[side].url}${side === "prism" ? prismPath(request.path) : request.path}`
    const points: Array<ThroughputPoint> = []
    for (const route of routes) {
      const request = requests[route]
      for (const connections of connectionCounts) {
        const rates: Record<Side, Array<number>> = { mock: [], prism: [], bare: [], effect: [] }
        const cpu: Record<Side, Array<number>> = { mock: [], prism: [], bare: [], effect: [] }
        const bytes: Record<Side, number> = { mock: 0, prism: 0, bare: 0, effect: 0 }
        const failures: Record<Side, number> = { mock: 0, prism: 0, bare: 0, effect: 0 }
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
        points.push({
          vendor: vendor.name,
          route,
          connections,
          perSecond: {
            mock: median(rates.mock),
            prism: median(rates.prism),
            bare: median(rates.bare),
            effect: median(rates.effect)
          },
          cpuMicros: {
            mock: median(cpu.mock),
            prism: median(cpu.prism),
            bare: median(cpu.bare),
            effect: median(cpu.effect)
          },
          bytes,
          failures,
          load: loadavg()[0] ?? 0
        })
      }
    }
    return points
  }).pipe(Effect.scoped)

const verdict = (ratio: number, goal: number) => `${formatRatio(ratio)} ${ratio >= goal ? "✓" : "✗"}`

const micros = (value: number) => (Number.isNaN(value) ? "–" : `${Math.round(value)}`)

export const renderThroughput = (points: ReadonlyArray<ThroughputPoint>): string =>
  table(
    [
      "vendor / route",
      "conns",
      "mock",
      "prism mock",
      "bare node:http",
      "Effect server",
      `mock/prism (≥${goals.vsPrism}×)`,
      `mock/bare (≥${goals.vsBare}×)`,
      "Effect/bare",
      "CPU µs/req mock/effect/bare/prism",
      "bytes mock/prism",
      "non-2xx+errors",
      "load"
    ],
    points.map((p) => [
      `${p.vendor} ${p.route}`,
      String(p.connections),
      formatRate(p.perSecond.mock),
      formatRate(p.perSecond.prism),
      formatRate(p.perSecond.bare),
      formatRate(p.perSecond.effect),
      verdict(p.perSecond.mock / p.perSecond.prism, goals.vsPrism),
      verdict(p.perSecond.mock / p.perSecond.bare, goals.vsBare),
      formatRatio(p.perSecond.effect / p.perSecond.bare),
      [p.cpuMicros.mock, p.cpuMicros.effect, p.cpuMicros.bare, p.cpuMicros.prism].map(micros).join("/"),
      `${Math.round(p.bytes.mock)}/${Math.round(p.bytes.prism)}`,
      `${p.failures.mock}/${p.failures.prism}/${p.failures.bare}/${p.failures.effect}`,
      p.load.toFixed(2)
    ])
  )
