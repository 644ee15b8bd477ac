/**
 * Fills an empty mock vendor with generated contacts through the vendor's own HTTP API, many requests in flight
 * at once. The mocks' demo data holds only a few dozen contacts; the listing benchmarks need thousands, and going
 * through the API (rather than the mock's internals) means the data is exactly what a vendor would store.
 */
import { Effect, Schema } from "effect"
import { FetchHttpClient, HttpClient, HttpClientRequest, HttpClientResponse } from "effect/http"

/** Requests in flight while populating: enough to keep a local mock busy without queueing thousands. */
const concurrency = 16

const firstNames = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia"]
const lastNames = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson"]
const companies = ["Acme Corp", "Globex", "Initech", "Umbrella", "Stark Industries"]

/** The i-th generated person; the same i always gives the same person. */
const person = (i: number) => {
  const first = firstNames[i % firstNames.length] ?? "Ada"
  const last = lastNames[Math.floor(i / firstNames.length) % lastNames.length] ?? "Lovelace"
  return {
    first,
    last,
    company: companies[i % companies.length] ?? "Acme Corp",
    email: `${first}.${last}.${i}@example.com`.toLowerCase(),
    phone: `+1 212 555 ${String(i % 10_000).padStart(4, "0")}`
  }
}

const post = (client: HttpClient.HttpClient, url: string, token: string, body: unknown) =>
  HttpClientRequest.post(url).pipe(
    HttpClientRequest.bearerToken(token),
    HttpClientRequest.bodyJsonUnsafe(body),
    client.execute,
    Effect.flatMap((response) => response.json)
  )

const okClient = Effect.map(HttpClient.HttpClient, HttpClient.filterStatusOk)

/** Phone.com connection details for the populated extension; the adapter and raw client use the same ones. */
export const phonecomTarget = { token: "phonecom-token-a", accountId: 1001, extensionId: 1 } as const

/**
 * Creates `count` contacts in account 1001, extension 1, each with 2 emails, a phone and an address; `from` is
 * the index of the first generated person, so a second call adds different people.
 */
export const populatePhonecom = (baseUrl: string, count: number, from = 0) =>
  Effect.gen(function*() {
    const client = yield* okClient
    const { accountId, extensionId, token } = phonecomTarget
    const url = `${baseUrl}/v4/accounts/${accountId}/extensions/${extensionId}/contacts`
    yield* Effect.forEach(Array.from({ length: count }, (_, i) => from + i), (i) => {
      const p = person(i)
      return post(client, url, token, {
        first_name: p.first,
        last_name: p.last,
        company: p.company,
        job_title: "Engineer",
        emails: [{ type: "primary", email: p.email }, { type: "alternate", email: `alt.${p.email}` }],
        phone_numbers: [{ type: "mobile", number: p.phone }],
        addresses: [{ type: "business", street: `${i} Main St`, city: "Springfield", state: "IL", zip: "62701" }]
      })
    }, { concurrency, discard: true })
  }).pipe(Effect.provide(FetchHttpClient.layer))

/** Monica connection details for the populated account. */
export const monicaTarget = { token: "monica-token-a" } as const

const FieldTypes = Schema.Struct({ data: Schema.Array(Schema.Struct({ id: Schema.Number, name: Schema.String })) })
const Created = Schema.Struct({ data: Schema.Struct({ id: Schema.Number }) })

/**
 * Creates `count` contacts in account 1 (beside its few demo contacts), each with an email and a phone: Monica
 * keeps fields as their own resource, so every contact costs three requests.
 */
export const populateMonica = (baseUrl: string, count: number) =>
  Effect.gen(function*() {
    const client = yield* okClient
    const { token } = monicaTarget
    const types = yield* HttpClientRequest.get(`${baseUrl}/api/contactfieldtypes?limit=100`).pipe(
      HttpClientRequest.bearerToken(token),
      client.execute,
      Effect.flatMap(HttpClientResponse.schemaBodyJson(FieldTypes))
    )
    const typeId = (name: string) => {
      const found = types.data.find((type) => type.name === name)
      return found === undefined ? Effect.die(`the Monica mock has no "${name}" field type`) : Effect.succeed(found.id)
    }
    const emailType = yield* typeId("Email")
    const phoneType = yield* typeId("Phone")
    yield* Effect.forEach(Array.from({ length: count }, (_, i) => i), (i) =>
      Effect.gen(function*() {
        const p = person(i)
        const created = yield* post(client, `${baseUrl}/api/contacts`, token, {
          first_name: p.first,
          last_name: p.last,
          is_birthdate_known: false,
          is_deceased: false,
          is_deceased_date_known: false
        }).pipe(Effect.flatMap(Schema.decodeUnknownEffect(Created)))
        const field = (typeId: number, data: string) =>
          post(client, `${baseUrl}/api/contactfields`, token, {
            contact_id: created.data.id,
            contact_field_type_id: typeId,
            data
          })
        yield* field(emailType, p.email)
        yield* field(phoneType, p.phone)
      }), { concurrency, discard: true })
  }).pipe(Effect.provide(FetchHttpClient.layer))
