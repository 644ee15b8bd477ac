/**
 * Test support: nock set-up, a request counter, a log collector, and a way to let real I/O
 * (nock's replies) progress while time itself is virtual (`TestClock`).
 */
import { Effect, Logger, References } from "effect"
import { TestClock } from "effect/testing"
import nock from "nock"
import { afterAll, afterEach, beforeAll } from "vitest"

export const useNock = () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())
  afterAll(() => nock.enableNetConnect())
}

/** Lets pending real I/O (a nock reply) run without moving the virtual clock. */
export const settle = TestClock.withLive(Effect.sleep("40 millis"))

/** Waits (really, briefly) until `count()` reaches `n`, so a clock adjustment lands after the request. */
export const waitFor = (count: () => number, n: number) =>
  Effect.gen(function*() {
    for (let i = 0; i < 100 && count() < n; i++) yield* settle
  })

/** Collects every log line (all levels) as text, to check that no secret is logged. */
export const captureLogs = <A, E, R>(effect: Effect.Effect<A, E, R>) => {
  const lines: Array<string> = []
  const collector = Logger.make((options) => {
    lines.push(`${String(options.logLevel)} ${JSON.stringify(options.message, (_k, v) => v === undefined ? null : v)}`)
  })
  return effect.pipe(
    Effect.provideService(References.MinimumLogLevel, "All"),
    Effect.provide(Logger.layer([collector])),
    Effect.map((a) => [a, lines] as const)
  )
}
