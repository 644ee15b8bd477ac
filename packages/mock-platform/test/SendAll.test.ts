/**
 * `sendAll` (src/testing/SendAll.ts) sends as the generated bad-input test used to, with `Effect.forEach` and a
 * bounded concurrency: for any requests, answers arriving in any order and any bound, both give the same replies in
 * the requests' order and never have more in flight than the bound; a request the client refuses fails both.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as fc from "fast-check"
import type { RawClient, RawReply, RawRequest } from "../src/testing/index.ts"
import { sendAll } from "../src/testing/SendAll.ts"

/** A client answering each request after `delays[i]` turns of the event loop, counting what is in flight. */
const fakeClient = (delays: ReadonlyArray<number>) => {
  let inFlight = 0
  let peak = 0
  let calls = 0
  const client: RawClient = {
    send: (request: RawRequest) => {
      if (request.method === "REFUSED") return Promise.reject(new TypeError("Method must be a valid HTTP token"))
      const delay = delays[calls++ % delays.length] ?? 0
      inFlight++
      peak = Math.max(peak, inFlight)
      return new Promise<RawReply>((resolve) => {
        const later = (turns: number): void => {
          if (turns > 0) return void setImmediate(() => later(turns - 1))
          inFlight--
          resolve({ status: 200 + request.path.length, headers: { "x-path": request.path }, text: request.path })
        }
        later(delay)
      })
    },
    close: () => {}
  }
  return { client, peak: () => peak }
}

const requests = fc.array(
  fc.string({ maxLength: 6 }).map((path): RawRequest => ({ method: "GET", path: `/${path}`, headers: {} })),
  { maxLength: 40 }
)

const viaForEach = (client: RawClient, all: ReadonlyArray<RawRequest>, concurrency: number) =>
  Effect.forEach(all, (request) => Effect.promise(() => client.send(request)), { concurrency })

describe("sendAll", () => {
  it.effect("gives the replies Effect.forEach gives, in order, never more in flight than the bound", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(
          requests,
          fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 8 }),
          fc.integer({ min: 1, max: 20 }),
          async (all, delays, concurrency) => {
            const fast = fakeClient(delays)
            const slow = fakeClient(delays)
            const replies = await sendAll(fast.client, all, concurrency)
            const expected = await Effect.runPromise(viaForEach(slow.client, all, concurrency))
            assert.deepStrictEqual(replies, expected)
            assert.deepStrictEqual(replies.map((reply) => reply.text), all.map((request) => request.path))
            assert.isAtMost(fast.peak(), concurrency)
            assert.strictEqual(fast.peak(), slow.peak())
          }
        ),
        { numRuns: 100 }
      )
    ))

  it.effect("fails when the client refuses a request, as Effect.forEach dies", () =>
    Effect.gen(function*() {
      const all: Array<RawRequest> = [
        { method: "GET", path: "/a", headers: {} },
        { method: "REFUSED", path: "/b", headers: {} },
        { method: "GET", path: "/c", headers: {} }
      ]
      const error = yield* Effect.flip(Effect.tryPromise(() => sendAll(fakeClient([1]).client, all, 2)))
      assert.match(String(error.cause), /valid HTTP token/u)
      const exit = yield* Effect.exit(viaForEach(fakeClient([1]).client, all, 2))
      assert.isTrue(exit._tag === "Failure")
    }))
})
