/**
 * The request log behind `GET /__admin/requests`: what clients sent and what they got, so tests can assert on the
 * traffic. Secrets stay out: the Authorization header is recorded only as present, never its value.
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
  /** The status answered, or 0 when the connection was dropped or cut. */
  readonly status: number
  readonly durationMs: number
  readonly fault?: string
}

const maxEntries = 1000
const maxLoggedBodyChars = 10_000
const secretHeaders = new Set(["authorization", "proxy-authorization", "cookie", "x-api-key"])

export const redactHeaders = (
  headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
): Record<string, string> => {
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    result[name] = secretHeaders.has(name.toLowerCase())
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
        const body = entry.body.length > maxLoggedBodyChars ? entry.body.slice(0, maxLoggedBodyChars) + "…" : entry.body
        yield* Ref.update(entries, (all) => [...all.slice(-(maxEntries - 1)), { ...entry, id, body }])
      }),
    list: Ref.get(entries),
    clear: Ref.set(entries, [])
  }
})
