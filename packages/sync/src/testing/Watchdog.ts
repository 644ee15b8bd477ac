/**
 * Cleans up after a test process that dies without running its finalizers (a test timeout, a kill): a small
 * detached Node process polls this process once a second and, when it is gone, kills a child process or stops a
 * server and deletes its files. It ends by itself as soon as what it watches over is gone anyway.
 */
import { spawn } from "node:child_process"

export interface Cleanup {
  /** A process to SIGKILL. */
  readonly kill?: number
  /** A command to run (as this user, or uid/gid), e.g. `pg_ctl stop`. */
  readonly run?: {
    readonly file: string
    readonly args: ReadonlyArray<string>
    readonly uid?: number
    readonly gid?: number
  }
  /** A directory to delete afterwards; while it exists the watchdog stays. */
  readonly remove?: string
}

// Plain Node, no imports from the workspace: it must run after everything else has gone.
const script = `
const { spawnSync } = require("node:child_process")
const { existsSync, rmSync } = require("node:fs")
const parent = Number(process.argv[1])
const cleanup = JSON.parse(process.argv[2])
const alive = (pid) => { try { process.kill(pid, 0); return true } catch { return false } }
const watched = () => cleanup.kill !== undefined ? alive(cleanup.kill) : existsSync(cleanup.remove ?? "/")
setInterval(() => {
  if (!watched()) process.exit(0)
  if (alive(parent)) return
  if (cleanup.kill !== undefined) { try { process.kill(cleanup.kill, "SIGKILL") } catch {} }
  if (cleanup.run !== undefined) {
    const { file, args, uid, gid } = cleanup.run
    spawnSync(file, args, { stdio: "ignore", timeout: 60000, ...(uid === undefined ? {} : { uid, gid }) })
  }
  if (cleanup.remove !== undefined) rmSync(cleanup.remove, { recursive: true, force: true })
  process.exit(0)
}, 1000)
`

/** Starts the watchdog for `cleanup`; it outlives this process by design and never holds it open. */
export const watch = (cleanup: Cleanup): void => {
  const child = spawn(process.execPath, ["-e", script, String(process.pid), JSON.stringify(cleanup)], {
    detached: true,
    stdio: "ignore"
  })
  child.unref()
}
