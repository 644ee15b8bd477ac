/**
 * A vendor's bench hooks under its mock credential: the requests the throughput and scaling benchmarks repeat, and
 * the plain `fetch` + `JSON.parse` GET the hooks read the mock with. Every vendor writes the same GET and JSON POST
 * shapes; only its paths, bodies and auth headers are its own.
 */
import { getJson } from "./BenchRequests.ts"
import type { BenchRequest } from "./Vendor.ts"

export interface BenchCalls {
  /** A GET of `path` (under the mock's origin) with the credential's headers. */
  readonly get: (path: string) => BenchRequest
  /** A POST of `body` as JSON (`content-type` added to the credential's headers); `[<id>]` in it stays for the bench. */
  readonly post: (path: string, body: unknown) => BenchRequest
  /** GETs `url` now with the credential's headers and parses the body; a non-2xx answer throws. */
  readonly getJson: (url: string) => Promise<unknown>
}

export const benchCalls = (headers: Readonly<Record<string, string>>): BenchCalls => ({
  get: (path) => ({ method: "GET", path, headers }),
  post: (path, body) => ({
    method: "POST",
    path,
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body)
  }),
  getJson: (url) => getJson(url, headers)
})
