/** The Deskpro Legacy mock's test credentials and request helpers (form-encoded and JSON bodies). */
import { call } from "@contactkit/mock-platform/testing"
import qs from "qs"

export const keyA = "1:legacy-key-a"
export const keyB = "2:legacy-key-b"

export const asA = { "x-deskpro-api-key": keyA }
export const asB = { "x-deskpro-api-key": keyB }

const formHeaders = { "content-type": "application/x-www-form-urlencoded" }

/** A request with helpdesk A's key (or `headers` instead). */
export const get = (path: string, headers: Record<string, string> = asA) => call("GET", path, { headers })

export const del = (path: string, headers: Record<string, string> = asA) => call("DELETE", path, { headers })

/** A POST whose body is form-encoded from `params` in bracket notation, or sent as a raw form string. */
export const postForm = (path: string, params: object | string, headers: Record<string, string> = asA) =>
  call("POST", path, {
    headers: { ...formHeaders, ...headers },
    body: typeof params === "string" ? params : qs.stringify(params, { encodeValuesOnly: true })
  })

export const postJson = (path: string, body: unknown, headers: Record<string, string> = asA) =>
  call("POST", path, { headers, body })

/** The records of a person's contact details, in id order (the API keys them by id). */
export const detailsOf = (json: any): ReadonlyArray<any> =>
  Array.isArray(json.details) ? json.details : Object.values(json.details)
