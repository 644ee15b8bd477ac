/**
 * Phone.com's bench hooks: fill the mock's account 1001, extension 1 through Phone.com's own API, many requests in
 * flight, and list it back with plain `fetch` + `JSON.parse` paging by `limit`/`offset` as the adapter does.
 */
import { type BenchHooks, generatedPerson } from "@contactkit/vendor-kit"
import { Effect } from "effect"
import { FetchHttpClient, HttpClient, HttpClientRequest } from "effect/http"

const token = "phonecom-token-a"
const contactsPath = "/v4/accounts/1001/extensions/1/contacts"
/** Requests in flight while populating: enough to keep a local mock busy without queueing thousands. */
const concurrency = 16

interface PhonecomPage {
  readonly total?: number
  readonly items: ReadonlyArray<unknown>
}

const getJson = async (url: string): Promise<unknown> => {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } })
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`)
  return JSON.parse(await response.text())
}

const auth = { authorization: `Bearer ${token}`, accept: "application/json" }

export const phonecomBench: BenchHooks = {
  contacts: 5_000,
  pageSize: 500,
  seed: false,
  demoContacts: 0,
  // Each contact gets 2 emails, a phone and an address.
  populate: (mockUrl, count, from = 0) =>
    Effect.gen(function*() {
      const client = HttpClient.filterStatusOk(yield* HttpClient.HttpClient)
      yield* Effect.forEach(Array.from({ length: count }, (_, i) => from + i), (i) => {
        const p = generatedPerson(i)
        return HttpClientRequest.post(`${mockUrl}${contactsPath}`).pipe(
          HttpClientRequest.bearerToken(token),
          HttpClientRequest.bodyJsonUnsafe({
            first_name: p.first,
            last_name: p.last,
            company: p.company,
            job_title: "Engineer",
            emails: [{ type: "primary", email: p.email }, { type: "alternate", email: `alt.${p.email}` }],
            phone_numbers: [{ type: "mobile", number: p.phone }],
            addresses: [{ type: "business", street: `${i} Main St`, city: "Springfield", state: "IL", zip: "62701" }]
          }),
          client.execute
        )
      }, { concurrency, discard: true })
    }).pipe(Effect.provide(FetchHttpClient.layer)),
  throughput: async (mockUrl) => {
    const page = (await getJson(`${mockUrl}${contactsPath}?limit=1`)) as {
      readonly items: ReadonlyArray<{ id: number }>
    }
    const id = page.items[0]?.id ?? 1
    const p = generatedPerson(0)
    return {
      getOne: { method: "GET", path: `${contactsPath}/${id}`, headers: auth },
      listPage: { method: "GET", path: `${contactsPath}?limit=25`, headers: auth },
      create: {
        method: "POST",
        path: contactsPath,
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({
          first_name: p.first,
          last_name: p.last,
          emails: [{ type: "primary", email: p.email }],
          phone_numbers: [{ type: "mobile", number: p.phone }]
        })
      }
    }
  },
  scaling: async (mockUrl) => {
    const { total } = (await getJson(`${mockUrl}${contactsPath}?limit=1`)) as { readonly total: number }
    const p = generatedPerson(0)
    return {
      firstPage: { method: "GET", path: `${contactsPath}?limit=25`, headers: auth },
      deepPage: { method: "GET", path: `${contactsPath}?limit=25&offset=${Math.max(0, total - 50)}`, headers: auth },
      write: {
        method: "POST",
        path: contactsPath,
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ first_name: p.first, last_name: p.last, emails: [{ type: "primary", email: p.email }] })
      }
    }
  },
  rawList: async (mockUrl, pageSize) => {
    let offset = 0
    for (;;) {
      const page = (await getJson(`${mockUrl}${contactsPath}?limit=${pageSize}&offset=${offset}`)) as PhonecomPage
      offset += page.items.length
      if (page.items.length < pageSize || (page.total !== undefined && offset >= page.total)) return offset
    }
  }
}
