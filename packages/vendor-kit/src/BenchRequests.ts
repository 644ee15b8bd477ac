/**
 * The two requests every vendor's bench hooks make: fill a mock with generated people through the vendor's own
 * create endpoint, many in flight, and read a page as plain `fetch` + `JSON.parse` (the raw side the adapters are
 * measured against).
 */
import { Effect } from "effect"
import { FetchHttpClient, HttpClient, HttpClientRequest } from "effect/http"

/** Requests in flight while populating: enough to keep a local mock busy without queueing thousands. */
const concurrency = 16

/** POSTs `body(i)` as JSON to `url` for each person `from … from + count - 1`; any non-2xx answer fails. */
export const postGenerated = (
  url: string,
  headers: Readonly<Record<string, string>>,
  count: number,
  from: number,
  body: (i: number) => unknown
): Effect.Effect<void, unknown> =>
  Effect.gen(function*() {
    const client = HttpClient.filterStatusOk(yield* HttpClient.HttpClient)
    yield* Effect.forEach(
      Array.from({ length: count }, (_, i) => from + i),
      (i) =>
        HttpClientRequest.post(url).pipe(
          HttpClientRequest.setHeaders(headers),
          HttpClientRequest.bodyJsonUnsafe(body(i)),
          client.execute
        ),
      { concurrency, discard: true }
    )
  }).pipe(Effect.provide(FetchHttpClient.layer))

/** GET with plain `fetch`, the body through `JSON.parse`; a non-2xx answer throws. */
export const getJson = async (url: string, headers: Readonly<Record<string, string>>): Promise<unknown> => {
  const response = await fetch(url, { headers })
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`)
  return JSON.parse(await response.text())
}
