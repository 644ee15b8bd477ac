/**
 * `update` sends what `validateChange` returned, not the raw patch. The domain's `validateChange` may hand back
 * a changed draft (today it adds derived E.164 numbers, which Monica does not store, so no request shows the
 * difference); to pin the contract down, this file swaps in a `validateChange` that also trims every text — a
 * normalisation a vendor rule could ask for — and checks that the trimmed values, and only they, reach Monica.
 */
import * as domain from "@contactkit/domain"
import { ContactDirectory, type ContactDraft, ContactId, FieldId } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import nock from "nock"
import { afterAll, afterEach, beforeAll, vi } from "vitest"
import { MonicaContactDirectory } from "../src/index.ts"

const trimmed = <A extends ContactDraft>(draft: A): A => ({
  ...draft,
  name: Object.fromEntries(Object.entries(draft.name).map(([key, value]) => [key, value?.trim()])),
  fields: draft.fields.map((field) => field._tag === "Email" ? { ...field, address: field.address.trim() } : field)
})

// Swapped on the module itself, which the directory reads its `validateChange` from at each call, for this file only:
// the other files of the package share this module graph and keep the domain's own.
const validateChange = domain.validateChange
beforeAll(() => {
  vi.spyOn(domain, "validateChange").mockImplementation(<A extends ContactDraft>(
    ...[capabilities, before, after]: Parameters<typeof validateChange<A>>
  ) => validateChange(capabilities, before, trimmed(after)))
})
afterAll(() => {
  vi.restoreAllMocks()
  assert.strictEqual(domain.validateChange, validateChange, "the domain's own validateChange is back for the next file")
})

const base = "http://monica.test"
const apiKey = "s3cret-monica-token"
const monica = () => nock(base, { reqheaders: { authorization: `Bearer ${apiKey}` } })

const emailType = { id: 1, name: "Email", protocol: "mailto:", type: "email" }
const contact = (extra: Record<string, unknown> = {}) => ({
  id: 8,
  first_name: "Jim",
  last_name: "Halpert",
  nickname: null,
  information: {
    career: { job: null, company: null },
    dates: { birthdate: { date: null }, deceased_date: { date: null } }
  },
  contactFields: [{ id: 11, content: "old@example.com", contact_field_type: emailType, labels: [] }],
  ...extra
})

beforeAll(() => {
  nock.disableNetConnect()
})
afterEach(() => {
  const pending = nock.pendingMocks()
  nock.cleanAll()
  assert.deepStrictEqual(pending, [], "every recorded Monica call was made")
})

describe("MonicaContactDirectory.update sends the validated draft", () => {
  it.effect("the name and the field Monica receives are validateChange's, not the patch's", () =>
    Effect.gen(function*() {
      const sent: Array<unknown> = []
      monica().get("/api/contacts/8").query(true).reply(200, { data: contact() })
      monica().put("/api/contacts/8", (body) => (sent.push(body), true)).reply(200, { data: contact() })
      monica().get("/api/contactfieldtypes").query(true).reply(200, { data: [emailType], meta: { last_page: 1 } })
      monica().put("/api/contactfields/11", (body) => (sent.push(body), true)).reply(200, {
        data: { id: 11, content: "jim@example.com", contact_field_type: emailType, labels: [] }
      })
      monica().get("/api/contacts/8").query(true).reply(200, { data: contact({ nickname: "Big Tuna" }) })
      yield* Effect.gen(function*() {
        const directory = yield* ContactDirectory
        return yield* directory.update(ContactId.make("8"), {
          name: { nickname: "  Big Tuna  " },
          fields: [{ _tag: "Email", id: FieldId.make("11"), address: " jim@example.com  " }]
        })
      }).pipe(Effect.provide(MonicaContactDirectory.layerFetch({
        apiUrl: `${base}/api`,
        apiKey: Redacted.make(apiKey),
        rateLimit: false,
        retry: { times: 0 }
      })))
      assert.deepStrictEqual(sent, [
        {
          first_name: "Jim",
          last_name: "Halpert",
          nickname: "Big Tuna",
          is_birthdate_known: false,
          is_deceased: false,
          is_deceased_date_known: false
        },
        { contact_id: 8, contact_field_type_id: 1, data: "jim@example.com", labels: [] }
      ])
    }))
})
