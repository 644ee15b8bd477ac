/**
 * The throughput table: each point's rates for the four servers, its ratios beside their goals, and what says how
 * far a ratio could go at all. No server answering those bytes can beat the bare `node:http` server, so bare/prism
 * is the ceiling of mock/prism at that point: at 1 connection every side pays the loopback round trip, and where the
 * ceiling is under the goal the row says the goal is out of reach there for any server.
 */
import { atLeast, formatRate, formatRatio, table } from "../Report.ts"
import { goals, type ThroughputPoint } from "./ServerThroughputBench.ts"

const vsPrism = (p: ThroughputPoint) => {
  const ceiling = p.perSecond.bare / p.perSecond.prism
  const ratio = atLeast(p.perSecond.mock / p.perSecond.prism, goals.vsPrism)
  return ceiling < goals.vsPrism ? `${ratio} ceiling ${ceiling.toFixed(1)}×` : ratio
}

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
      "bare/prism",
      `mock/bare (≥${goals.vsBare}×)`,
      "Effect/bare",
      "CPU µs/req mock/effect/bare/prism",
      "bytes mock/prism",
      "prism's answer",
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
      vsPrism(p),
      formatRatio(p.perSecond.bare / p.perSecond.prism),
      atLeast(p.perSecond.mock / p.perSecond.bare, goals.vsBare),
      formatRatio(p.perSecond.effect / p.perSecond.bare),
      [p.cpuMicros.mock, p.cpuMicros.effect, p.cpuMicros.bare, p.cpuMicros.prism].map(micros).join("/"),
      `${Math.round(p.bytes.mock)}/${Math.round(p.bytes.prism)}`,
      p.prismAnswer,
      `${p.failures.mock}/${p.failures.prism}/${p.failures.bare}/${p.failures.effect}`,
      p.load.toFixed(2)
    ])
  )
