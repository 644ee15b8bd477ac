/**
 * CPU time of another process (user + system), read from `/proc/<pid>/stat`: what a server spent on the requests a
 * load generator sent it, whatever else the machine was doing. Divided by the requests answered it is the cost of
 * one request — the figure that stays comparable when a shared machine's load makes requests per second drift.
 */
import { readFileSync } from "node:fs"

/** Clock ticks per second of `/proc` times (`getconf CLK_TCK`, 100 on Linux). */
const ticksPerSecond = 100

/** CPU milliseconds `pid` has used so far, or undefined where `/proc` is missing. */
export const cpuMillisOf = (pid: number): number | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    // Fields after the command name (which may contain spaces) start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    const user = Number(fields[11])
    const system = Number(fields[12])
    return ((user + system) * 1000) / ticksPerSecond
  } catch {
    return undefined
  }
}
