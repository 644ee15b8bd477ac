/**
 * CPU time of another process (user + system), read from `/proc/<pid>/stat`: what a server spent on the requests a
 * load generator sent it, whatever else the machine was doing. Divided by the requests answered it is the cost of
 * one request — the figure that stays comparable when a shared machine's load makes requests per second drift.
 */
import { readFileSync } from "node:fs"

/** Clock ticks per second of `/proc` times (`getconf CLK_TCK`, 100 on Linux). */
const ticksPerSecond = 100

/** User and system CPU milliseconds `pid` has used so far, or undefined where `/proc` is missing. */
export const cpuTimesOf = (pid: number): { readonly user: number; readonly system: number } | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    // Fields after the command name (which may contain spaces) start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return { user: (Number(fields[11]) * 1000) / ticksPerSecond, system: (Number(fields[12]) * 1000) / ticksPerSecond }
  } catch {
    return undefined
  }
}

/** CPU milliseconds (user + system) `pid` has used so far, or undefined where `/proc` is missing. */
export const cpuMillisOf = (pid: number): number | undefined => {
  const times = cpuTimesOf(pid)
  return times === undefined ? undefined : times.user + times.system
}
