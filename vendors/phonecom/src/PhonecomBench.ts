/**
 * Phone.com's bench hooks: fill the mock's account 1001, extension 1 through Phone.com's own API, many requests in
 * flight, and list it back with plain `fetch` + `JSON.parse` paging by `limit`/`offset` as the adapter does.
 */
import { benchCalls, type BenchHooks, generatedPerson, postGenerated } from "@contactkit/vendor-kit"

const token = "phonecom-token-a"
const contactsPath = "/v4/accounts/1001/extensions/1/contacts"

interface PhonecomPage {
  readonly total?: number
  readonly items: ReadonlyArray<unknown>
}

const { get, getJson, post } = benchCalls({ authorization: `Bearer ${token}`, accept: "application/json" })

// Each contact gets 2 emails, a phone and an address.
const personBody = (i: number) => {
  const p = generatedPerson(i)
  return {
    first_name: p.first,
    last_name: p.last,
    company: p.company,
    job_title: "Engineer",
    emails: [{ type: "primary", email: p.email }, { type: "alternate", email: `alt.${p.email}` }],
    phone_numbers: [{ type: "mobile", number: p.phone }],
    addresses: [{ type: "business", street: `${i} Main St`, city: "Springfield", state: "IL", zip: "62701" }]
  }
}

export const phonecomBench: BenchHooks = {
  contacts: 5_000,
  pageSize: 500,
  seed: false,
  demoContacts: 0,
  // Populating sends no `accept` header, as it always has.
  populate: (mockUrl, count, from = 0) =>
    postGenerated(`${mockUrl}${contactsPath}`, { authorization: `Bearer ${token}` }, count, from, personBody),
  throughput: async (mockUrl) => {
    const page = (await getJson(`${mockUrl}${contactsPath}?limit=1`)) as {
      readonly items: ReadonlyArray<{ id: number }>
    }
    const id = page.items[0]?.id ?? 1
    const p = generatedPerson(0)
    return {
      getOne: get(`${contactsPath}/${id}`),
      listPage: get(`${contactsPath}?limit=25`),
      create: post(contactsPath, {
        first_name: p.first,
        last_name: p.last,
        emails: [{ type: "primary", email: p.email }],
        phone_numbers: [{ type: "mobile", number: p.phone }]
      })
    }
  },
  scaling: async (mockUrl) => {
    const { total } = (await getJson(`${mockUrl}${contactsPath}?limit=1`)) as { readonly total: number }
    const p = generatedPerson(0)
    return {
      firstPage: get(`${contactsPath}?limit=25`),
      deepPage: get(`${contactsPath}?limit=25&offset=${Math.max(0, total - 50)}`),
      write: post(contactsPath, {
        first_name: p.first,
        last_name: p.last,
        emails: [{ type: "primary", email: p.email }]
      })
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
