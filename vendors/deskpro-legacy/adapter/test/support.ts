/**
 * Test support: nock on and off, the directory under test wired to a nock origin, and a way to let nock's real
 * I/O progress while time is virtual.
 */
import { ContactDirectory } from "@contactkit/domain"
import { Effect, Redacted } from "effect"
import { FetchHttpClient } from "effect/http"
import { TestClock } from "effect/testing"
import nock from "nock"
import { afterAll, afterEach, beforeAll } from "vitest"
import { DeskproLegacyContactDirectory } from "../src/index.ts"

export const origin = "http://helpdesk.test"
export const apiKey = Redacted.make("7:legacy_SECRET_key")

export const useNock = () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())
  afterAll(() => nock.enableNetConnect())
}

/** The helpdesk, expecting the key in its header. */
export const api = () => nock(origin, { reqheaders: { "x-deskpro-api-key": "7:legacy_SECRET_key" } })

export const withDirectory = <A, E>(
  f: (directory: ContactDirectory.Service) => Effect.Effect<A, E>,
  overrides: Partial<DeskproLegacyContactDirectory.Options> = {}
) =>
  Effect.gen(function*() {
    return yield* f(yield* ContactDirectory)
  }).pipe(
    Effect.provide(DeskproLegacyContactDirectory.layer({
      apiUrl: `${origin}/api`,
      apiKey,
      timeout: "2 seconds",
      retry: { times: 2, base: "100 millis", max: "1 second", maxRetryAfter: "1 minute" },
      rateLimit: false,
      ...overrides
    })),
    Effect.provide(FetchHttpClient.layer)
  )

export const settle = TestClock.withLive(Effect.sleep("40 millis"))

export const waitFor = (count: () => number, n: number) =>
  Effect.gen(function*() {
    for (let i = 0; i < 100 && count() < n; i++) yield* settle
  })

/** A person as the server renders it (the keys the adapter reads, and a few it does not). */
export const personBody = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  name: "Ada Lovelace",
  first_name: "Ada",
  last_name: "Lovelace",
  summary: "",
  organization_position: "",
  date_created: "2024-03-01 09:00:00",
  emails: [{ id: 30 + id, email: "ada@example.com", email_domain: "example.com", comment: "" }],
  primary_email: "ada@example.com",
  contact_data: [],
  labels: [],
  display_name: "Ada Lovelace",
  ...extra
})

export const errorBody = (code: string, message: string) => ({ error_code: code, error_message: message })
