/**
 * Deskpro's bench hooks: fill helpdesk A through Deskpro's own API (one POST a person, contact data included) and
 * list it back with plain `fetch` + `JSON.parse`, `page`/`count` with `include=organization` as the adapter does.
 */
import { type BenchHooks, generatedPerson, getJson as getJsonWith, postGenerated } from "@contactkit/vendor-kit"

const auth = { authorization: "key 1:deskpro-key-a", accept: "application/json" }
const people = "/api/v2/people"

interface DeskproPage {
  readonly data: ReadonlyArray<unknown>
  readonly meta?: { readonly pagination?: { readonly total_pages?: number } }
}

const getJson = (url: string) => getJsonWith(url, auth)

const personBody = (i: number) => {
  const p = generatedPerson(i)
  return {
    first_name: p.first,
    last_name: p.last,
    primary_email: p.email,
    phone_numbers: [{ number: p.phone, label: "Mobile" }],
    organization: p.company,
    organization_position: "Engineer",
    contact_data: {
      address: [{ address: `${i} Main St`, city: "Springfield", state: "IL", zip: "62701" }],
      twitter: [{ username: `@${p.first.toLowerCase()}${i}` }]
    }
  }
}

export const deskproBench: BenchHooks = {
  contacts: 2_000,
  pageSize: 200,
  seed: false,
  demoContacts: 0,
  populate: (mockUrl, count, from = 0) => postGenerated(`${mockUrl}${people}`, auth, count, from, personBody),
  throughput: async (mockUrl) => {
    const page = (await getJson(`${mockUrl}${people}?count=1`)) as { readonly data: ReadonlyArray<{ id: number }> }
    const id = page.data[0]?.id ?? 1
    return {
      getOne: { method: "GET", path: `${people}/${id}?include=organization`, headers: auth },
      listPage: { method: "GET", path: `${people}?count=25&include=organization`, headers: auth },
      create: {
        method: "POST",
        path: people,
        headers: { ...auth, "content-type": "application/json" },
        // A fresh address each time: Deskpro refuses an email another person has.
        body: JSON.stringify({ ...personBody(0), primary_email: undefined })
      }
    }
  },
  scaling: async (mockUrl) => {
    const first = (await getJson(`${mockUrl}${people}?count=25`)) as DeskproPage
    const pages = first.meta?.pagination?.total_pages ?? 1
    return {
      firstPage: { method: "GET", path: `${people}?count=25&include=organization`, headers: auth },
      deepPage: {
        method: "GET",
        path: `${people}?count=25&page=${Math.max(1, pages - 1)}&include=organization`,
        headers: auth
      },
      write: {
        method: "POST",
        path: people,
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ ...personBody(0), primary_email: undefined })
      }
    }
  },
  rawList: async (mockUrl, pageSize) => {
    let count = 0
    for (let page = 1;; page++) {
      const body =
        (await getJson(`${mockUrl}${people}?page=${page}&count=${pageSize}&include=organization`)) as DeskproPage
      count += body.data.length
      const last = body.meta?.pagination?.total_pages
      if (body.data.length < pageSize || (last !== undefined && page >= last)) return count
    }
  }
}
