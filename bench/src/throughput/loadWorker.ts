/**
 * Child-process entry: the load generator. Runs autocannon against one URL for a fixed time and prints one JSON
 * line with what it measured. It runs in its own process (pinned to its own core where possible) so that its work
 * is never counted against the server it loads.
 *
 * Usage: `node loadWorker.ts '<json LoadSpec>'`
 */
import autocannon from "autocannon"

interface LoadSpec {
  readonly url: string
  readonly method: string
  readonly headers: Record<string, string>
  readonly body?: string
  readonly connections: number
  readonly seconds: number
}

const spec = JSON.parse(process.argv[2] ?? "{}") as LoadSpec

autocannon({
  url: spec.url,
  method: spec.method as "GET",
  headers: spec.headers,
  ...(spec.body === undefined ? {} : { body: spec.body }),
  connections: spec.connections,
  duration: spec.seconds,
  pipelining: 1,
  // `[<id>]` in a body becomes a fresh id per request (see BenchRequest.body).
  idReplacement: spec.body?.includes("[<id>]") ?? false
}, (error, result) => {
  if (error !== null && error !== undefined) {
    console.log(JSON.stringify({ error: String(error) }))
    return
  }
  console.log(JSON.stringify({
    requestsPerSecond: result.requests.average,
    bytesPerSecond: result.throughput.average,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts
  }))
})
