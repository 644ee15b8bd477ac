/**
 * Deskpro Legacy's bench hooks: fill helpdesk 1 through the legacy API (one POST a person: a name and an e-mail) and
 * list it back with plain `fetch` + `JSON.parse`, `page`/`per_page` within one result set (`cache_id`) as the
 * adapter does.
 */
import { benchCalls, type BenchHooks, generatedPerson, postGenerated } from "@contactkit/vendor-kit"

const auth = { "x-deskpro-api-key": "1:legacy-key-a", accept: "application/json" }
const people = "/api/people"

interface LegacyPage {
  readonly total: number
  readonly cache_id: number
  readonly people: Readonly<Record<string, unknown>> | ReadonlyArray<unknown>
}

const { get, getJson, post } = benchCalls(auth)

const personBody = (i: number) => {
  const p = generatedPerson(i)
  return { name: `${p.first} ${p.last}`, email: p.email }
}

export const deskproLegacyBench: BenchHooks = {
  contacts: 5_000,
  pageSize: 250,
  seed: false,
  demoContacts: 0,
  populate: (mockUrl, count, from = 0) => postGenerated(`${mockUrl}${people}`, auth, count, from, personBody),
  throughput: async (mockUrl) => {
    const page = (await getJson(`${mockUrl}${people}?per_page=1`)) as LegacyPage
    const id = Object.values(page.people).map((p) => (p as { id: number }).id)[0] ?? 1
    return {
      getOne: get(`${people}/${id}`),
      listPage: get(`${people}?per_page=25&cache_id=${page.cache_id}`),
      // Legacy Deskpro refuses an e-mail another person has: `[<id>]` is replaced by a fresh id in every request.
      create: post(people, { name: "Load Tester", email: "load.[<id>]@example.com" })
    }
  },
  scaling: async (mockUrl) => {
    const page = (await getJson(`${mockUrl}${people}?per_page=25`)) as LegacyPage
    const pages = Math.ceil(page.total / 25)
    return {
      // A search without `cache_id` makes a fresh result set: the first page as a client first asks it.
      firstPage: get(`${people}?per_page=25`),
      deepPage: get(`${people}?per_page=25&page=${Math.max(1, pages - 1)}&cache_id=${page.cache_id}`),
      write: post(people, { name: "Late Comer", email: "late.[<id>]@example.com" })
    }
  },
  rawList: async (mockUrl, pageSize) => {
    let listed = 0
    let cacheId: number | undefined
    for (let page = 1;; page++) {
      const cache = cacheId === undefined ? "" : `&cache_id=${cacheId}`
      const body = (await getJson(`${mockUrl}${people}?page=${page}&per_page=${pageSize}${cache}`)) as LegacyPage
      cacheId = body.cache_id
      const count = Array.isArray(body.people) ? body.people.length : Object.keys(body.people).length
      listed += count
      if (count < pageSize || listed >= body.total) return listed
    }
  }
}
