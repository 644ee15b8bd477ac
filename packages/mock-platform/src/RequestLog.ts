/**
 * The request log behind `GET /__admin/requests`: what clients sent and what they got, so tests can assert on the
 * traffic. Secrets stay out: the Authorization header, and any header or query / form parameter whose name says it
 * holds a key, token, secret or password (`X-Api-Key`, `API-KEY=`), is recorded only as present, never its value.
 */
import { Effect } from "effect"

export interface LoggedRequest {
  readonly id: number
  /** ISO time the request arrived. */
  readonly time: string
  readonly method: string
  /** Path and query string. */
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  /** The body as text, cut at `maxLoggedBodyChars`. */
  readonly body: string
  /**
   * The status answered; 0 when the mock dropped or cut the connection (a fault), 499 when the client disconnected
   * before the answer (nginx's "client closed request").
   */
  readonly status: number
  readonly durationMs: number
  /** The route pattern the request matched, when it matched one. */
  readonly route?: string
  readonly fault?: string
  /** With 499: the status the mock had ready when the client had gone (the request was processed). */
  readonly unsentStatus?: number
}

const maxEntries = 1000
const maxLoggedBodyChars = 10_000
const secretHeaders = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"])
// A name ending in one of these words (after a start, `-` or `_`) names a secret: x-…-api-key, API-TOKEN, apikey.
const secretName = /(^|[-_])(api[-_]?key|api[-_]?token|access[-_]?token|token|secret|password)$/iu

const testSecret = (name: string) => secretHeaders.has(name.toLowerCase()) || secretName.test(name)

// Header names repeat from request to request: the answer is remembered for the first few hundred names seen (a
// bound, since names are the client's choice).
const knownNames = new Map<string, boolean>()
const isSecret = (name: string) => {
  const known = knownNames.get(name)
  if (known !== undefined) return known
  const secret = testSecret(name)
  if (knownNames.size < 512) knownNames.set(name, secret)
  return secret
}

/** `name=value` pairs of a query string or form body with the values of secret names replaced. */
const redactPairs = (text: string): string =>
  text.split("&").map((pair) => {
    const cut = pair.indexOf("=")
    if (cut < 0) return pair
    const name = pair.slice(0, cut)
    let decoded = name
    try {
      decoded = decodeURIComponent(name.replace(/\+/gu, " "))
    } catch {
      // A malformed escape is kept as sent.
    }
    return isSecret(decoded) ? `${name}=[REDACTED]` : pair
  }).join("&")

const redactUrl = (url: string): string => {
  const cut = url.indexOf("?")
  return cut < 0 ? url : `${url.slice(0, cut + 1)}${redactPairs(url.slice(cut + 1))}`
}

// A JSON body is kept as sent; a body of name=value pairs (a form) has its secret values replaced.
const redactBody = (body: string): string => (/^\s*[[{"]/u.test(body) || !body.includes("=") ? body : redactPairs(body))

export const redactHeaders = (
  headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
): Record<string, string> => {
  const result: Record<string, string> = {}
  for (const name of Object.keys(headers)) {
    const value = headers[name]
    if (value === undefined) continue
    result[name] = isSecret(name)
      ? "[REDACTED]"
      : Array.isArray(value)
      ? value.join(", ")
      : String(value)
  }
  return result
}

export interface RequestLog {
  readonly append: (entry: Omit<LoggedRequest, "id">) => Effect.Effect<void>
  readonly list: Effect.Effect<ReadonlyArray<LoggedRequest>>
  readonly clear: Effect.Effect<void>
}

/**
 * The last `maxEntries` requests in a ring: appending overwrites the oldest entry in place, so a request costs one
 * slot, not a copy of the whole log (which, at 1,000 entries, had been a visible share of every request's time).
 */
export const makeRequestLog: Effect.Effect<RequestLog> = Effect.sync(() => {
  let entries: Array<LoggedRequest> = []
  // Where the oldest entry is once the ring is full.
  let oldest = 0
  let nextId = 1
  return {
    append: (entry) =>
      Effect.sync(() => {
        const id = nextId++
        const redacted = redactBody(entry.body)
        const body = redacted.length > maxLoggedBodyChars ? redacted.slice(0, maxLoggedBodyChars) + "…" : redacted
        const url = redactUrl(entry.url)
        const logged = { ...entry, id, url, body }
        if (entries.length < maxEntries) {
          entries.push(logged)
        } else {
          entries[oldest] = logged
          oldest = (oldest + 1) % maxEntries
        }
      }),
    list: Effect.sync(() => [...entries.slice(oldest), ...entries.slice(0, oldest)]),
    clear: Effect.sync(() => {
      entries = []
      oldest = 0
    })
  }
})
