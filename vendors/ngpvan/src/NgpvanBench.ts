/**
 * NGP VAN's bench hooks: fill tenant A through NGP's own API (one POST a person: an email, a phone, an address;
 * every generated person differs in email and phone, so NGP's dedupe never merges two of them) and list it back
 * with plain `fetch` + `JSON.parse`, `$top`/`$skip` as the adapter does.
 */
import { benchCalls, type BenchHooks, generatedPerson, postGenerated } from "@contactkit/vendor-kit"

const key = "11111111-1111-4111-8111-111111111111"
const auth = { authorization: `Basic ${Buffer.from(`apiuser:${key}`).toString("base64")}`, accept: "application/json" }
const contacts = "/v2/contacts"

interface NgpvanPage {
  readonly items: ReadonlyArray<unknown>
  readonly count?: number
  readonly nextPageLink?: string | null
}

const { get, getJson, post } = benchCalls(auth)

const personBody = (i: number) => {
  const p = generatedPerson(i)
  return {
    type: "INDIVIDUAL",
    firstName: p.first,
    lastName: p.last,
    employer: p.company,
    emails: [{ address: p.email, type: "PERSONAL" }],
    phones: [{ number: p.phone, type: "MOBILE" }],
    addresses: [{ line1: `${i} Main St`, city: "Springfield", stateProvince: "IL", postalCode: "62701", type: "HOME" }]
  }
}

export const ngpvanBench: BenchHooks = {
  contacts: 5_000,
  pageSize: 200,
  seed: false,
  demoContacts: 0,
  populate: (mockUrl, count, from = 0) => postGenerated(`${mockUrl}${contacts}`, auth, count, from, personBody),
  throughput: async (mockUrl) => {
    const page = (await getJson(`${mockUrl}${contacts}?$top=1`)) as {
      readonly items: ReadonlyArray<{ contactId: string }>
    }
    const id = page.items[0]?.contactId ?? ""
    return {
      getOne: get(`${contacts}/${id}`),
      listPage: get(`${contacts}?$top=25`),
      // NGP merges a body into a stored contact of the same name sharing an email or phone: a name no generated
      // person has, a fresh e-mail per request (`[<id>]`, autocannon's) and no phone make every request a create.
      create: post(contacts, {
        ...personBody(0),
        lastName: "Loadtest",
        emails: [{ address: "load.[<id>]@example.com", type: "PERSONAL" }],
        phones: []
      })
    }
  },
  scaling: async (mockUrl) => {
    const { count } = (await getJson(`${mockUrl}${contacts}?$top=1`)) as { readonly count: number }
    return {
      firstPage: get(`${contacts}?$top=25`),
      deepPage: get(`${contacts}?$top=25&$skip=${Math.max(0, count - 50)}`),
      write: post(contacts, personBody(count))
    }
  },
  rawList: async (mockUrl, pageSize) => {
    let listed = 0
    for (;;) {
      const page = (await getJson(`${mockUrl}${contacts}?$top=${pageSize}&$skip=${listed}`)) as NgpvanPage
      listed += page.items.length
      if (page.items.length < pageSize || page.nextPageLink === null || page.nextPageLink === undefined) return listed
    }
  }
}
