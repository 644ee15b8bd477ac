/**
 * Test support for the nock-recorded Monica: the directory wired to a nock origin, the recorder with the bearer
 * token it must see, Monica's bodies as its server shapes them, and a check after every test that each recorded
 * call was made.
 */
import { ContactDirectory } from "@contactkit/domain"
import { assert } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import nock from "nock"
import { afterEach, beforeAll } from "vitest"
import { MonicaContactDirectory } from "../src/index.ts"

export const base = "http://monica.test"
export const apiKey = "s3cret-monica-token"

export const directory = (options: Partial<MonicaContactDirectory.Options> = {}) =>
  MonicaContactDirectory.layerFetch({
    apiUrl: `${base}/api`,
    apiKey: Redacted.make(apiKey),
    rateLimit: false,
    retry: { times: 0 },
    ...options
  })

export const run = <A, E>(
  effect: Effect.Effect<A, E, ContactDirectory>,
  options?: Partial<MonicaContactDirectory.Options>
) => Effect.provide(effect, directory(options))

export const withDir = <A, E>(f: (directory: ContactDirectory.Service) => Effect.Effect<A, E>) =>
  Effect.gen(function*() {
    return yield* f(yield* ContactDirectory)
  })

export const monica = () => nock(base, { reqheaders: { authorization: `Bearer ${apiKey}` } })

/** Nock on, and after each test: every recorded Monica call was made. */
export const useNock = () => {
  beforeAll(() => {
    nock.disableNetConnect()
  })
  afterEach(() => {
    const pending = nock.pendingMocks()
    nock.cleanAll()
    assert.deepStrictEqual(pending, [], "every recorded Monica call was made")
  })
}

export const emailType = { id: 1, name: "Email", protocol: "mailto:", type: "email" }
export const phoneType = { id: 2, name: "Phone", protocol: "tel:", type: "phone" }
export const twitterType = { id: 4, name: "Twitter", protocol: null, type: null }
export const typesPage = (types: ReadonlyArray<unknown>) => ({ data: types, meta: { current_page: 1, last_page: 1 } })

export const contactBody = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  object: "contact",
  first_name: "Jim",
  last_name: "Halpert",
  nickname: null,
  complete_name: "Jim Halpert",
  description: null,
  is_partial: false,
  is_dead: false,
  information: {
    career: { job: null, company: null },
    dates: { birthdate: { date: null }, deceased_date: { date: null } }
  },
  created_at: "2024-01-01T00:00:00Z",
  updated_at: "2024-01-01T00:00:00Z",
  ...extra
})

export const fieldBody = (id: number, content: string, type: unknown, labels: ReadonlyArray<string> = []) => ({
  id,
  object: "contactfield",
  content,
  contact_field_type: type,
  labels: labels.map((l) => ({ type: l, label: l })),
  contact: { id: 8 },
  created_at: "2024-01-01T00:00:00Z",
  updated_at: "2024-01-01T00:00:00Z"
})
