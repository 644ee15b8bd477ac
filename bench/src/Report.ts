/**
 * Printing benchmark results: numbers with thousands separators, ratios, byte sizes and aligned tables, so that
 * each benchmark's output reads as a small table a person can compare across machines.
 */
import { loadavg } from "node:os"

export const formatRate = (perSecond: number): string => `${Math.round(perSecond).toLocaleString("en-US")}/s`

export const formatMs = (ms: number): string => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`

export const formatRatio = (ratio: number): string => `${ratio.toFixed(ratio < 0.1 ? 3 : 2)}×`

export const formatBytes = (bytes: number): string => {
  const mb = bytes / (1024 * 1024)
  const kb = bytes / 1024
  if (Math.abs(mb) >= 1) return `${mb.toFixed(1)} MB`
  return Math.abs(kb) >= 10 ? `${kb.toFixed(0)} kB` : `${kb.toFixed(1)} kB`
}

/** Left-aligns the first column and right-aligns the others, two spaces apart. */
export const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const all = [header, ...rows]
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? "").length)))
  const line = (row: ReadonlyArray<string>) =>
    row.map((cell, column) => column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))
      .join("  ")
      .trimEnd()
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].map((l) => `  ${l}`).join("\n")
}

export const heading = (title: string): string => `\n== ${title}`

/** A printed figure marked ✓ when it meets its goal, ✗ when it does not. */
export const marked = (text: string, met: boolean): string => `${text} ${met ? "✓" : "✗"}`

/** A ratio beside its goal, met when at least `goal`: `0.66× ✗`. */
export const atLeast = (ratio: number, goal: number): string => marked(formatRatio(ratio), ratio >= goal)

/** A ratio beside its goal, met when at most `goal`: `1.02× ✓`. */
export const atMost = (ratio: number, goal: number): string => marked(formatRatio(ratio), ratio <= goal)

/** The machine's one-minute load average now, as each result prints it beside itself. */
export const loadNow = (): number => loadavg()[0] ?? 0
