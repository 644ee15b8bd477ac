/**
 * CPU profiling of this process through `node:inspector`, around exactly the work to be profiled (not the start,
 * not the filling of a mock): `start`, run the work, `stop` hands back the profile. The sampling interval is V8's
 * default (about 1 ms at 1 kHz is too coarse for a request of a few hundred µs, so it is set to 100 µs).
 */
import { Effect } from "effect"
import { Session } from "node:inspector/promises"
import type { CpuProfile } from "./ProfileSummary.ts"

export interface Profiler {
  readonly start: Effect.Effect<void>
  readonly stop: Effect.Effect<CpuProfile>
}

export const makeProfiler = (intervalMicros = 100): Profiler => {
  const session = new Session()
  session.connect()
  return {
    start: Effect.promise(async () => {
      await session.post("Profiler.enable")
      await session.post("Profiler.setSamplingInterval", { interval: intervalMicros })
      await session.post("Profiler.start")
    }),
    stop: Effect.promise(async () => {
      const { profile } = await session.post("Profiler.stop")
      await session.post("Profiler.disable")
      return profile as unknown as CpuProfile
    })
  }
}
