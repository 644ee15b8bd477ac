/**
 * The runners' HTTP client (undici's `request`, not `fetch`) keeps what a write's safety rests on: a create that
 * never reached the vendor (nothing listening) fails as certainly not stored, and one the vendor took and then cut
 * off without an answer fails as possibly stored (`mayHaveSucceeded`), so the sync settles it at the target
 * instead of sending it again.
 */
import type { ContactDraft } from "@contactkit/domain"
import { vendors } from "@contactkit/registry"
import { assert, describe, it } from "@effect/vitest"
import { Context, Effect, Layer } from "effect"
import { createServer, type Socket } from "node:net"
import { Credentials, SharedRateLimiter } from "../src/index.ts"
import { SyncDirectories } from "../src/SyncDirectories.ts"
import { freePort } from "../src/testing/RunnerProcess.ts"
import { isPlainTarget } from "./support/MockVendors.ts"

const vendor = vendors.find(isPlainTarget)!
const draft: ContactDraft = {
  kind: "individual",
  name: { given: "Ada", family: "Lovelace" },
  organization: {},
  fields: []
}

/** A server that reads a request and closes the connection without answering. */
const hangingUp = Effect.acquireRelease(
  Effect.callback<{ readonly port: number; readonly close: () => void }>((resume) => {
    const sockets = new Set<Socket>()
    const server = createServer((socket) => {
      sockets.add(socket)
      socket.once("data", () => socket.destroy())
    })
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      resume(Effect.succeed({
        port,
        close: () => {
          for (const socket of sockets) socket.destroy()
          server.close()
        }
      }))
    })
  }),
  (server) => Effect.sync(server.close)
)

const createAt = (origin: string) =>
  Effect.gen(function*() {
    const directories = Context.get(
      yield* Layer.build(
        Credentials.layerFromVariables({ T_MOCK: origin }).pipe(
          Layer.provide(Layer.succeed(SharedRateLimiter.SharedRateLimiter, { take: () => Effect.void }))
        )
      ),
      SyncDirectories
    )
    const target = yield* directories.open({ vendor: vendor.name, credential: "t" })
    return yield* Effect.flip(target.create(draft))
  })

describe(`the runners' HTTP client (${vendor.name})`, () => {
  it.live("a create nothing listened for fails as certainly not stored", () =>
    Effect.gen(function*() {
      const error = yield* createAt(`http://127.0.0.1:${yield* freePort}`)
      assert.strictEqual(error.reason._tag, "VendorUnavailable")
      assert.deepInclude(error.reason, { mayHaveSucceeded: false })
    }).pipe(Effect.scoped), { timeout: 20_000 })

  it.live("a create cut off after it was sent fails as possibly stored", () =>
    Effect.gen(function*() {
      const server = yield* hangingUp
      const error = yield* createAt(`http://127.0.0.1:${server.port}`)
      assert.strictEqual(error.reason._tag, "VendorUnavailable")
      assert.deepInclude(error.reason, { mayHaveSucceeded: true })
    }).pipe(Effect.scoped), { timeout: 20_000 })
})
