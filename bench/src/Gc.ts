/**
 * A full garbage collection on demand, for stable heap numbers. `global.gc` exists when Node runs with
 * `--expose-gc`; without the flag, V8 can still be told to expose it at run time, so `node src/main.ts` works
 * as it is.
 */
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"

const exposed = (): () => void => {
  const global = globalThis as { gc?: () => void }
  if (global.gc !== undefined) return global.gc
  setFlagsFromString("--expose-gc")
  return runInNewContext("gc") as () => void
}

export const collectGarbage: () => void = exposed()

/**
 * The heap in use after full collections: what is really retained. Twice, because objects whose finalizers ran in
 * the first collection (fetch bodies, sockets' buffers) are only freed by the next.
 */
export const liveHeap = (): number => {
  collectGarbage()
  collectGarbage()
  return process.memoryUsage().heapUsed
}
