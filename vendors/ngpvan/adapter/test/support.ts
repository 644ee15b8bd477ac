/**
 * Test support: nock on and off, the directory under test wired to a nock origin with Basic `apiuser:<key>`, and
 * NGP-shaped bodies.
 */
import { ContactDirectory } from "@contactkit/domain"
import { Effect, Redacted } from "effect"
import { TestClock } from "effect/testing"
import nock from "nock"
import { afterAll, afterEach, beforeAll } from "vitest"
import { NgpvanContactDirectory } from "../src/index.ts"

export const origin = "http://ngpvan.test"
export const key = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
export const apiKey = Redacted.make(key)
export const contactsPath = "/v2/contacts"

export const useNock = () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())
  afterAll(() => nock.enableNetConnect())
}

const basic = `Basic ${Buffer.from(`apiuser:${key}`).toString("base64")}`

/** Only requests that authenticate as NGP documents match. */
export const api = () => nock(origin, { reqheaders: { authorization: basic } })

/** Runs `f` with an NGP VAN directory pointed at the nock origin. */
export const withDirectory = <A, E>(
  f: (directory: ContactDirectory.Service) => Effect.Effect<A, E>,
  overrides: Partial<NgpvanContactDirectory.Options> = {}
) =>
  Effect.gen(function*() {
    return yield* f(yield* ContactDirectory)
  }).pipe(
    Effect.provide(NgpvanContactDirectory.layerFetch({
      apiUrl: `${origin}/v2`,
      apiKey,
      timeout: "2 seconds",
      retry: { times: 2, base: "10 millis", max: "50 millis" },
      ...overrides
    }))
  )

export const errors = (...items: ReadonlyArray<Record<string, unknown>>) => ({ errors: items })

/** An NGP contact as `GET /v2/contacts/{id}` answers it. */
export const wire = (contactId: string, over: Record<string, unknown> = {}) => ({
  contactId,
  type: "INDIVIDUAL",
  firstName: "Ada",
  lastName: "Lovelace",
  emails: [{ address: "ada@example.org", type: "MAIN", doNotEmail: false, appliedEmailLists: [] }],
  phones: [{ number: "2025550123", type: "HOME" }],
  addresses: [],
  externalLinks: [],
  contactCodes: [],
  disclosureFields: [],
  ...over
})

/** Lets pending real I/O (a nock reply) run without moving the virtual clock. */
export const settle = TestClock.withLive(Effect.sleep("40 millis"))

export const waitFor = (count: () => number, n: number) =>
  Effect.gen(function*() {
    for (let i = 0; i < 100 && count() < n; i++) yield* settle
  })
