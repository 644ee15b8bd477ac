/**
 * A vendor's own rate limit that its module options or an admin call switch on and off (a throttle per token, a
 * cap per API key, a limit per helpdesk): fixed windows per key in the platform's bounded
 * `WindowCounters`, and what a counted request means is the vendor's (`count`). The settings are a plain variable
 * read on every request, so a request with no limit set costs one shared effect (`off`) and no clock read.
 */
import { Clock, Effect } from "effect"
import { makeWindowCounters, type WindowCounters } from "./WindowCounters.ts"

export interface SwitchableLimit<Settings, Outcome> {
  /** Counts one request of this key under the current settings, or answers `off` when none are set. */
  readonly hit: (key: string) => Effect.Effect<Outcome>
  /** Switches the limit on (with these settings) or off; counters start afresh either way. */
  readonly configure: (settings: Settings | false) => Effect.Effect<void>
  readonly settings: Effect.Effect<Settings | false>
  readonly reset: Effect.Effect<void>
  /** How many keys have a counter now. */
  readonly trackedKeys: Effect.Effect<number>
}

export const makeSwitchableLimit = <Settings, Outcome>(
  initial: Settings | false,
  off: Outcome,
  count: (counters: WindowCounters, key: string, settings: Settings, nowMillis: number) => Outcome
): Effect.Effect<SwitchableLimit<Settings, Outcome>> =>
  Effect.sync(() => {
    let current = initial
    const counters = makeWindowCounters()
    const offEffect = Effect.succeed(off)
    const counted = (key: string, settings: Settings) =>
      Effect.map(Clock.currentTimeMillis, (now) => count(counters, key, settings, now))
    return {
      hit: (key) => Effect.suspend(() => (current === false ? offEffect : counted(key, current))),
      configure: (next) =>
        Effect.sync(() => {
          current = next
          counters.clear()
        }),
      settings: Effect.sync(() => current),
      reset: Effect.sync(() => counters.clear()),
      trackedKeys: Effect.sync(() => counters.size())
    }
  })
