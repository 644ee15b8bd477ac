/**
 * The request log behind `GET /__admin/requests`: what clients sent and what they got, so tests can assert on the
 * traffic. Secrets stay out: the Authorization header, and any header or query / form parameter whose name says it
 * holds a key, token, secret or password (`X-Api-Key`, `API-KEY=`), is recorded only as present, never its value.
 */
import { Effect, Ref } from "effect"

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

const isSecret = (name: string) => secretHeaders.has(name.toLowerCase()) || secretName.test(name)

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
  for (const [name, value] of Object.entries(headers)) {
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

export const makeRequestLog: Effect.Effect<RequestLog> = Effect.gen(function*() {
  const entries = yield* Ref.make<ReadonlyArray<LoggedRequest>>([])
  const nextId = yield* Ref.make(1)
  return {
    append: (entry) =>
      Effect.gen(function*() {
        const id = yield* Ref.getAndUpdate(nextId, (n) => n + 1)
        const redacted = redactBody(entry.body)
        const body = redacted.length > maxLoggedBodyChars ? redacted.slice(0, maxLoggedBodyChars) + "…" : redacted
        const url = redactUrl(entry.url)
        yield* Ref.update(entries, (all) => [...all.slice(-(maxEntries - 1)), { ...entry, id, url, body }])
      }),
    list: Ref.get(entries),
    clear: Ref.set(entries, [])
  }
})
