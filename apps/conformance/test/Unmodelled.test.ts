/**
 * The vendor hooks that attach data the domain does not model must fail when the mock refuses them: against an
 * upstream that answers every call with an error, no registered vendor's `attach` may succeed and no `isIntact`
 * may say the data is there. (Against the real mocks, the suite's `patch-preserves` checks the data is there
 * before the patch.)
 */
import { ContactId } from "@contactkit/domain"
import { vendors } from "@contactkit/registry"
import { mockRequest } from "@contactkit/vendor-kit"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { createServer } from "node:http"

/** An upstream answering `status` with a JSON body to every request. */
const answering = (status: number, body: unknown) =>
  Effect.acquireRelease(
    Effect.callback<{ readonly url: string; readonly close: () => void }>((resume) => {
      const server = createServer((_, response) => {
        response.writeHead(status, { "content-type": "application/json" })
        response.end(JSON.stringify(body))
      })
      server.listen(0, "127.0.0.1", () => {
        const address = server.address()
        const port = typeof address === "object" && address !== null ? address.port : 0
        resume(Effect.succeed({ url: `http://127.0.0.1:${port}`, close: () => server.close() }))
      })
    }),
    (upstream) => Effect.sync(upstream.close)
  )

describe("mockRequest", () => {
  it.live("gives the parsed body of a 2xx", () =>
    Effect.gen(function*() {
      const upstream = yield* answering(201, { id: 7 })
      assert.deepStrictEqual(yield* mockRequest(`${upstream.url}/things`, { method: "POST", body: {} }), { id: 7 })
    }))

  it.live("fails on any other status, naming the call and the status", () =>
    Effect.gen(function*() {
      const upstream = yield* answering(422, { error: "no" })
      const error = yield* Effect.flip(mockRequest(`${upstream.url}/things`, { method: "PUT", body: {} }))
      assert.include(error.message, `PUT ${upstream.url}/things answered 422`)
    }))
})

describe("every vendor's unmodelled-data hook fails when the mock refuses it", () => {
  const hooked = vendors.filter((vendor) => vendor.unmodelled !== undefined)
  for (const vendor of hooked) {
    it.live(`${vendor.name}: attach fails and isIntact never says the data is there`, () =>
      Effect.gen(function*() {
        const upstream = yield* answering(500, { error: "refused" })
        const hook = vendor.unmodelled!(upstream.url)
        const id = ContactId.make("1")
        assert.isTrue(Exit.isFailure(yield* Effect.exit(hook.attach(id))), "attach succeeded against a refusing mock")
        const intact = yield* Effect.exit(hook.isIntact(id))
        assert.isFalse(Exit.isSuccess(intact) && intact.value, "isIntact says data is there that never was")
      }))
  }
})
