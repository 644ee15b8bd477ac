/**
 * Sending many requests through one raw client, a fixed number in flight, the replies in the requests' order: what
 * `Effect.forEach(requests, (r) => Effect.promise(() => client.send(r)), { concurrency })` does, as plain promises.
 * The generated bad-input test sends 10,000 requests per mock this way, and a fiber per request cost about 8 µs of
 * CPU each (a tenth of the cheapest exchange, client and mock together), for no behaviour the test uses: a request
 * the client refuses to write still fails the whole run (here as a rejection, there as a defect), and the client's
 * `close` ends whatever is still in flight.
 */
import type { RawClient, RawReply, RawRequest } from "./RawClient.ts"

export const sendAll = (
  client: RawClient,
  requests: ReadonlyArray<RawRequest>,
  concurrency: number
): Promise<Array<RawReply>> =>
  new Promise((resolve, reject) => {
    const replies = new Array<RawReply>(requests.length)
    let next = 0
    let done = 0
    let failed = false
    const start = (): void => {
      const at = next++
      if (at >= requests.length || failed) return
      client.send(requests[at] as RawRequest).then((reply) => {
        replies[at] = reply
        if (++done === requests.length) resolve(replies)
        else start()
      }, (error: unknown) => {
        failed = true
        reject(error)
      })
    }
    if (requests.length === 0) return resolve(replies)
    for (let i = 0; i < Math.max(1, concurrency); i++) start()
  })
