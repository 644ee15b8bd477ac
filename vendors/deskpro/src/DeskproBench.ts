/**
 * Deskpro's bench hooks: fill helpdesk A through Deskpro's own API (one POST a person, contact data included) and
 * list it back with plain `fetch` + `JSON.parse`, `page`/`count` with `include=organization` as the adapter does.
 */
import { benchCalls, type BenchHooks, generatedPerson, postGenerated } from "@contactkit/vendor-kit"

const auth = { authorization: "key 1:deskpro-key-a", accept: "application/json" }
const people = "/api/v2/people"

interface DeskproPage {
  readonly data: ReadonlyArray<unknown>
  readonly meta?: { readonly pagination?: { readonly total_pages?: number } }
}

const { get, getJson, post } = benchCalls(auth)

// A fresh address each time: Deskpro refuses an email another person has (`JSON.stringify` leaves the key out).
const newPerson = () => post(people, { ...personBody(0), primary_email: undefined })

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
      getOne: get(`${people}/${id}?include=organization`),
      listPage: get(`${people}?count=25&include=organization`),
      create: newPerson()
    }
  },
  scaling: async (mockUrl) => {
    const first = (await getJson(`${mockUrl}${people}?count=25`)) as DeskproPage
    const pages = first.meta?.pagination?.total_pages ?? 1
    return {
      firstPage: get(`${people}?count=25&include=organization`),
      deepPage: get(`${people}?count=25&page=${Math.max(1, pages - 1)}&include=organization`),
      write: newPerson()
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
