/**
 * The mock's answer to each benchmarked request, recorded once byte for byte. It is what makes the throughput sides
 * compare like with like: the bare and Effect servers replay it, Prism's mock is handed it as its example, and
 * Prism's own answer is recorded the same way and checked against it.
 */
import type { BenchRequest } from "@contactkit/vendor-kit"
import { Effect } from "effect"

/** One request and the answer it got (also the file format `serveBytes.ts` and `serveEffectBytes.ts` read). */
export interface RecordedAnswer {
  readonly method: BenchRequest["method"]
  /** As sent to the mock: under its origin, with the query. */
  readonly path: string
  readonly status: number
  readonly contentType: string
  readonly body: string
}

/**
 * Sends each request once to `baseUrl` and records what came back. `pathOf` maps the mock's path to the server's
 * (Prism serves the document's paths, without the part of `apiPath` its server URL holds); the record keeps the
 * mock's path, so records from two servers line up.
 */
export const recordAnswers = (
  baseUrl: string,
  requests: ReadonlyArray<BenchRequest>,
  pathOf: (path: string) => string = (path) => path
): Effect.Effect<ReadonlyArray<RecordedAnswer>> =>
  Effect.promise(() =>
    Promise.all(requests.map(async (request) => {
      const response = await fetch(`${baseUrl}${pathOf(request.path)}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body.replaceAll("[<id>]", "recorded") })
      })
      return {
        method: request.method,
        path: request.path,
        status: response.status,
        contentType: response.headers.get("content-type") ?? "application/json",
        body: await response.text()
      }
    }))
  )

/** How another server's answer compares with the mock's: the same bytes, the same JSON written otherwise, or not. */
export type Likeness = "same bytes" | "same JSON" | "differs"

const parsed = (body: string): unknown => {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

/** Key order counts: `JSON.stringify` of both parsed bodies, so only whitespace and number spelling are forgiven. */
export const likeness = (mock: RecordedAnswer, other: RecordedAnswer): Likeness => {
  if (mock.status !== other.status) return "differs"
  if (mock.body === other.body) return "same bytes"
  const a = parsed(mock.body)
  return a !== undefined && JSON.stringify(a) === JSON.stringify(parsed(other.body)) ? "same JSON" : "differs"
}
