/**
 * `layerConfig` as Effect's drivers have it: the documented variables by default, and any `Config.Wrap<Options>`
 * otherwise — so timeouts, retries and rate limits are configurable too. Also what the directory, not the client,
 * decides: the page size, and the operation a failure is reported under.
 */
import { ContactId } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Config, ConfigProvider, Effect, Layer, Stream } from "effect"
import { FetchHttpClient } from "effect/http"
import nock from "nock"
import { MonicaContactDirectory } from "../src/index.ts"
import { apiKey, base, contactBody, monica, run, useNock, withDir } from "./support.ts"

useNock()

describe("MonicaContactDirectory: configuration, page size, the operation named", () => {
  it.effect("layerConfig reads MONICA_API_URL and MONICA_API_KEY", () =>
    Effect.gen(function*() {
      monica().get("/api/contacts/8").query(true).reply(200, { data: contactBody(8) })
      const contact = yield* withDir((d) => d.get(ContactId.make("8"))).pipe(
        Effect.provide(
          MonicaContactDirectory.layerConfig().pipe(
            Layer.provide(FetchHttpClient.layer),
            Layer.provide(ConfigProvider.layer(ConfigProvider.fromUnknown({
              MONICA_API_URL: `${base}/api`,
              MONICA_API_KEY: apiKey
            })))
          )
        )
      )
      assert.strictEqual(contact.id, "8")
    }))

  it.effect("layerConfig takes any Config.Wrap<Options>: the retry policy and rate limit from configuration", () =>
    Effect.gen(function*() {
      // Two 503s recorded: the default policy would retry; `times: 0` from the configuration stops at one.
      monica().get("/api/contacts/8").query(true).times(2).reply(503, { error: { message: "down" } })
      const layer = MonicaContactDirectory.layerConfig({
        ...MonicaContactDirectory.defaultConfig,
        retry: Config.succeed({ times: 0 }),
        rateLimit: Config.succeed(false as const)
      })
      const error = yield* Effect.flip(
        withDir((d) => d.get(ContactId.make("8"))).pipe(
          Effect.provide(layer.pipe(
            Layer.provide(FetchHttpClient.layer),
            Layer.provide(ConfigProvider.layer(ConfigProvider.fromUnknown({
              MONICA_API_URL: `${base}/api`,
              MONICA_API_KEY: apiKey
            })))
          ))
        )
      )
      assert.isTrue(error._tag === "ContactError" && error.reason._tag === "VendorUnavailable")
      assert.strictEqual(nock.pendingMocks().length, 1, "exactly one request: no retry")
      nock.cleanAll()
    }))

  it.effect("list asks for Monica's largest page, 100, unless told otherwise, and never more", () =>
    Effect.gen(function*() {
      const page = { data: [contactBody(1)], meta: { current_page: 1, last_page: 1 } }
      monica().get("/api/contacts").query({ with: "contactfields", page: "1", limit: "100" }).twice().reply(200, page)
      const listed = yield* run(
        withDir((d) => Effect.all([Stream.runCollect(d.list()), Stream.runCollect(d.list({ pageSize: 5000 }))]))
      )
      assert.deepStrictEqual(listed.map((contacts) => contacts.map((c) => c.id)), [["1"], ["1"]])
    }))

  it.effect("a failure of the read inside update is reported as update's", () =>
    Effect.gen(function*() {
      monica().get("/api/contacts/99").query(true).reply(404, {
        error: { message: "The resource has not been found", error_code: 31 }
      })
      const error = yield* run(Effect.flip(withDir((d) => d.update(ContactId.make("99"), { name: { given: "X" } }))))
      assert.strictEqual(error.operation, "update")
      assert.isTrue(error.reason._tag === "ContactNotFound" && error.reason.id === "99")
    }))
})
