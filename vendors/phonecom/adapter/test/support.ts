/**
 * Test support: nock on and off, the directory under test wired to a nock origin, and a way
 * to let nock's real I/O progress while time is virtual.
 */
import { ContactDirectory } from "@contactkit/domain"
import { Effect, Logger, Redacted, References } from "effect"
import { TestClock } from "effect/testing"
import nock from "nock"
import { afterAll, afterEach, beforeAll } from "vitest"
import { PhonecomContactDirectory } from "../src/index.ts"

export const origin = "http://phonecom.test"
export const apiKey = Redacted.make("pc_token_TOPSECRET_77")
export const contactsPath = "/v4/accounts/1315/extensions/1767/contacts"

export const useNock = () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())
  afterAll(() => nock.enableNetConnect())
}

export const api = () => nock(origin, { reqheaders: { authorization: "Bearer pc_token_TOPSECRET_77" } })

/** Runs `f` with a Phone.com directory pointed at the nock origin. */
export const withDirectory = <A, E>(
  f: (directory: ContactDirectory.Service) => Effect.Effect<A, E>,
  overrides: Partial<PhonecomContactDirectory.Options> = {}
) =>
  Effect.gen(function*() {
    return yield* f(yield* ContactDirectory)
  }).pipe(
    Effect.provide(PhonecomContactDirectory.layerFetch({
      apiUrl: `${origin}/v4`,
      apiKey,
      accountId: 1315,
      extensionId: 1767,
      timeout: "2 seconds",
      retry: { times: 2, base: "100 millis", max: "1 second" },
      rateLimit: false,
      ...overrides
    }))
  )

/** Lets pending real I/O (a nock reply) run without moving the virtual clock. */
export const settle = TestClock.withLive(Effect.sleep("40 millis"))

export const waitFor = (count: () => number, n: number) =>
  Effect.gen(function*() {
    for (let i = 0; i < 100 && count() < n; i++) yield* settle
  })

/** Collects every log line (all levels) as text. */
export const captureLogs = <A, E, R>(effect: Effect.Effect<A, E, R>) => {
  const lines: Array<string> = []
  const collector = Logger.make((options) => {
    lines.push(`${String(options.logLevel)} ${JSON.stringify(options.message)}`)
  })
  return effect.pipe(
    Effect.provideService(References.MinimumLogLevel, "All"),
    Effect.provide(Logger.layer([collector])),
    Effect.map((a) => [a, lines] as const)
  )
}

export const errorBody = (status: number, message: string, extra: Record<string, unknown> = {}) => ({
  "@error": { "@httpStatusCode": status, "@message": message, "@time": "2026-01-01T00:00:00.000Z", ...extra }
})
