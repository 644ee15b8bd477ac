/**
 * The baseline the adapters are compared with: the same pages over plain `fetch`, each body `JSON.parse`d and
 * nothing else — no decoding, no mapping, no Effect. It is deliberately ordinary promise code rather than an
 * Effect program, because "what does the adapter cost over the bare HTTP calls" is the question it answers.
 */
import { monicaTarget, phonecomTarget } from "./Populate.ts"

interface PhonecomPage {
  readonly total?: number
  readonly items: ReadonlyArray<unknown>
}

interface MonicaPage {
  readonly data: ReadonlyArray<unknown>
  readonly meta?: { readonly last_page?: number }
}

const getJson = async (url: string, token: string): Promise<unknown> => {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } })
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`)
  return JSON.parse(await response.text())
}

/** Phone.com by `limit`/`offset`, as the adapter pages; resolves with the number of contacts read. */
export const listPhonecomRaw = async (baseUrl: string, pageSize: number): Promise<number> => {
  const { accountId, extensionId, token } = phonecomTarget
  const url = `${baseUrl}/v4/accounts/${accountId}/extensions/${extensionId}/contacts`
  let offset = 0
  for (;;) {
    const page = (await getJson(`${url}?limit=${pageSize}&offset=${offset}`, token)) as PhonecomPage
    offset += page.items.length
    if (page.items.length < pageSize || (page.total !== undefined && offset >= page.total)) return offset
  }
}

/** Monica by `page`/`limit` with `with=contactfields`, as the adapter pages; resolves with the number read. */
export const listMonicaRaw = async (baseUrl: string, pageSize: number): Promise<number> => {
  let count = 0
  for (let page = 1;; page++) {
    const body = (await getJson(
      `${baseUrl}/api/contacts?with=contactfields&page=${page}&limit=${pageSize}`,
      monicaTarget.token
    )) as MonicaPage
    count += body.data.length
    const lastPage = body.meta?.last_page
    if (body.data.length < pageSize || (lastPage !== undefined && page >= lastPage)) return count
  }
}
