/** Test support: nock on and off, and the directory under test wired to a nock origin with a test key. */
import { ContactDirectory } from "@contactkit/domain"
import { Effect, Redacted } from "effect"
import nock from "nock"
import { afterAll, afterEach, beforeAll } from "vitest"
import { DeskproContactDirectory } from "../src/index.ts"

export const origin = "http://deskpro.test"
export const secret = "7:DPKEY_TOPSECRET_77"
export const people = "/api/v2/people"

export const useNock = () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())
  afterAll(() => nock.enableNetConnect())
}

/** nock for the Deskpro origin, answering only requests that carry the key the Deskpro way. */
export const api = () => nock(origin, { reqheaders: { authorization: `key ${secret}` } })

/** Runs `f` with a Deskpro directory pointed at the nock origin (no retries unless given). */
export const withDirectory = <A, E>(
  f: (directory: ContactDirectory.Service) => Effect.Effect<A, E>,
  overrides: Partial<DeskproContactDirectory.Options> = {}
) =>
  Effect.gen(function*() {
    return yield* f(yield* ContactDirectory)
  }).pipe(
    Effect.provide(DeskproContactDirectory.layerFetch({
      apiUrl: `${origin}/api/v2`,
      apiKey: Redacted.make(secret),
      timeout: "2 seconds",
      retry: { times: 0 },
      ...overrides
    }))
  )

/** A person as Deskpro returns it, with `over` laid on top. */
export const person = (id: number, over: Record<string, unknown> = {}) => ({
  id,
  primary_email: "ada@example.org",
  first_name: "Ada",
  last_name: "Lovelace",
  title_prefix: "",
  name: "Ada Lovelace",
  display_name: "Ada Lovelace",
  is_agent: false,
  summary: "",
  organization: null,
  organization_position: "",
  date_created: "2024-08-16T14:04:18+0000",
  labels: [],
  emails: ["ada@example.org"],
  phone_numbers: [],
  contact_data: [],
  ...over
})

export const envelope = (data: unknown, linked: unknown = {}) => ({ data, meta: {}, linked })

export const deskproError = (status: number, code: string, message: string, errors?: unknown) => ({
  status,
  code,
  message,
  ...(errors === undefined ? {} : { errors })
})
