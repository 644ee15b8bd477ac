/**
 * Monica's bench hooks: fill the mock's account 1 through Monica's own API (a contact, then each field: three
 * requests a contact) and list it back with plain `fetch` + `JSON.parse`, `page`/`limit` with `with=contactfields`
 * as the adapter does.
 */
import { benchCalls, type BenchHooks, generatedPerson } from "@contactkit/vendor-kit"
import { Effect, Schema } from "effect"
import { FetchHttpClient, HttpClient, HttpClientRequest, HttpClientResponse } from "effect/http"

const token = "monica-token-a"
const concurrency = 16

const FieldTypes = Schema.Struct({ data: Schema.Array(Schema.Struct({ id: Schema.Number, name: Schema.String })) })
const Created = Schema.Struct({ data: Schema.Struct({ id: Schema.Number }) })

interface MonicaPage {
  readonly data: ReadonlyArray<unknown>
  readonly meta?: { readonly last_page?: number }
}

const { get, getJson, post: jsonPost } = benchCalls({ authorization: `Bearer ${token}`, accept: "application/json" })

/** The contact the throughput and scaling benchmarks create, again and again. */
const newContact = () => {
  const p = generatedPerson(0)
  return jsonPost("/api/contacts", {
    first_name: p.first,
    last_name: p.last,
    is_birthdate_known: false,
    is_deceased: false,
    is_deceased_date_known: false
  })
}

const populate = (mockUrl: string, count: number, from = 0) =>
  Effect.gen(function*() {
    const client = HttpClient.filterStatusOk(yield* HttpClient.HttpClient)
    const post = (path: string, body: unknown) =>
      HttpClientRequest.post(`${mockUrl}/api${path}`).pipe(
        HttpClientRequest.bearerToken(token),
        HttpClientRequest.bodyJsonUnsafe(body),
        client.execute,
        Effect.flatMap((response) => response.json)
      )
    const types = yield* HttpClientRequest.get(`${mockUrl}/api/contactfieldtypes?limit=100`).pipe(
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
    yield* Effect.forEach(Array.from({ length: count }, (_, i) => from + i), (i) =>
      Effect.gen(function*() {
        const p = generatedPerson(i)
        const created = yield* post("/contacts", {
          first_name: p.first,
          last_name: p.last,
          is_birthdate_known: false,
          is_deceased: false,
          is_deceased_date_known: false
        }).pipe(Effect.flatMap(Schema.decodeUnknownEffect(Created)))
        const field = (contact_field_type_id: number, data: string) =>
          post("/contactfields", { contact_id: created.data.id, contact_field_type_id, data })
        yield* field(emailType, p.email)
        yield* field(phoneType, p.phone)
      }), { concurrency, discard: true })
  }).pipe(Effect.provide(FetchHttpClient.layer))

export const monicaBench: BenchHooks = {
  contacts: 2_000,
  pageSize: 100,
  // The demo data's three active contacts in account 1 are listed with the generated ones.
  seed: true,
  demoContacts: 3,
  populate,
  throughput: async (mockUrl) => {
    const page = (await getJson(`${mockUrl}/api/contacts?limit=1`)) as { readonly data: ReadonlyArray<{ id: number }> }
    const id = page.data[0]?.id ?? 1
    return {
      getOne: get(`/api/contacts/${id}?with=contactfields`),
      listPage: get("/api/contacts?with=contactfields&limit=25"),
      create: newContact()
    }
  },
  scaling: async (mockUrl) => {
    const first = (await getJson(`${mockUrl}/api/contacts?limit=25`)) as MonicaPage
    const lastPage = first.meta?.last_page ?? 1
    return {
      firstPage: get("/api/contacts?with=contactfields&limit=25"),
      deepPage: get(`/api/contacts?with=contactfields&limit=25&page=${Math.max(1, lastPage - 1)}`),
      write: newContact()
    }
  },
  rawList: async (mockUrl, pageSize) => {
    let count = 0
    for (let page = 1;; page++) {
      const body = (await getJson(
        `${mockUrl}/api/contacts?with=contactfields&page=${page}&limit=${pageSize}`
      )) as MonicaPage
      count += body.data.length
      const lastPage = body.meta?.last_page
      if (body.data.length < pageSize || (lastPage !== undefined && page >= lastPage)) return count
    }
  }
}
