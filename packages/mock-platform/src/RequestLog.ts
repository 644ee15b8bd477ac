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

/**
 * A request as it arrived and was answered, before it is formatted: what the request path records, cheaply (no
 * copy of the headers, no date string, no redaction). The log turns it into a `LoggedRequest` — the same one
 * `append` of the formatted entry would have stored — when it is read, which only tests and developers do.
 */
export interface RequestRecord {
  /** Epoch milliseconds the request arrived (its `time`). */
  readonly startedMillis: number
  readonly method: string
  /** Path and query as the client sent them, not yet redacted. */
  readonly url: string
  /** The request's headers as received, not yet redacted; kept by reference, so never to be changed. */
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  /** The body text as received. */
  readonly body: string
  readonly status: number
  readonly durationMs: number
  readonly route?: string | undefined
  readonly fault?: string | undefined
  readonly unsentStatus?: number | undefined
}

/** The entry `record` stands for, without its id: as the pipeline formatted it before the log formatted lazily. */
export const formatRecord = (record: RequestRecord): Omit<LoggedRequest, "id"> => ({
  time: new Date(record.startedMillis).toISOString(),
  method: record.method,
  url: record.url,
  headers: redactHeaders(record.headers),
  body: record.body,
  status: record.status,
  durationMs: record.durationMs,
  ...(record.route === undefined ? {} : { route: record.route }),
  ...(record.fault === undefined ? {} : { fault: record.fault }),
  ...(record.unsentStatus === undefined ? {} : { unsentStatus: record.unsentStatus })
})

export interface RequestLog {
  readonly append: (entry: Omit<LoggedRequest, "id">) => Effect.Effect<void>
  /**
   * Appends a request in its raw form, formatted when the log is read (see `RequestRecord`); synchronous, for the
   * request path. The log then lists exactly what `append(formatRecord(record))` would have.
   */
  readonly record: (record: RequestRecord) => void
  readonly list: Effect.Effect<ReadonlyArray<LoggedRequest>>
  readonly clear: Effect.Effect<void>
}

/** The entry as stored: secrets redacted, the body cut at `maxLoggedBodyChars`. */
const stored = (entry: Omit<LoggedRequest, "id">, id: number): LoggedRequest => {
  const redacted = redactBody(entry.body)
  const body = redacted.length > maxLoggedBodyChars ? redacted.slice(0, maxLoggedBodyChars) + "…" : redacted
  return { ...entry, id, url: redactUrl(entry.url), body }
}

/** A slot of the ring: an entry already stored, or a raw record with its id, formatted when first listed. */
type Slot = LoggedRequest | { readonly pending: RequestRecord; readonly id: number }

/**
 * The last `maxEntries` requests in a ring: appending overwrites the oldest entry in place, so a request costs one
 * slot, not a copy of the whole log (which, at 1,000 entries, had been a visible share of every request's time).
 * A raw record is formatted when the log is listed, and then kept formatted.
 */
export const makeRequestLog: Effect.Effect<RequestLog> = Effect.sync(() => {
  let entries: Array<Slot> = []
  // Where the oldest entry is once the ring is full.
  let oldest = 0
  let nextId = 1
  const put = (slot: Slot) => {
    if (entries.length < maxEntries) {
      entries.push(slot)
    } else {
      entries[oldest] = slot
      oldest = (oldest + 1) % maxEntries
    }
  }
  const formatted = (index: number): LoggedRequest => {
    const slot = entries[index]!
    if (!("pending" in slot)) return slot
    const entry = stored(formatRecord(slot.pending), slot.id)
    entries[index] = entry
    return entry
  }
  return {
    append: (entry) => Effect.sync(() => put(stored(entry, nextId++))),
    record: (record) => {
      const id = nextId++
      // A large body is cut now rather than held whole until the log is read.
      put(record.body.length > maxLoggedBodyChars ? stored(formatRecord(record), id) : { pending: record, id })
    },
    list: Effect.sync(() => {
      const order = [...entries.keys()]
      return [...order.slice(oldest), ...order.slice(0, oldest)].map(formatted)
    }),
    clear: Effect.sync(() => {
      entries = []
      oldest = 0
    })
  }
})
