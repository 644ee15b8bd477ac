/**
 * The small pieces every adapter's directory uses the same way: the page size it asks for, wrapping a client's
 * reasons once per operation, `layerConfig` from `Config.Wrap`, and the tuning options.
 */
import { ContactNotFound, VendorUnavailable } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Config, ConfigProvider, Context, Duration, Effect, Layer, Redacted, Stream } from "effect"
import fc from "fast-check"
import { layerFromConfig, pageSize, tuningOptions, wrapReasons } from "../src/index.ts"

describe("pageSize", () => {
  const limits = { default: 100, max: 500 }

  it("the caller's size when it is within the vendor's limit", () => {
    assert.strictEqual(pageSize(20, limits), 20)
    assert.strictEqual(pageSize(500, limits), 500)
  })

  it("never above the vendor's largest page, never below 1, fractions rounded down", () => {
    assert.strictEqual(pageSize(10_000, limits), 500)
    assert.strictEqual(pageSize(0, limits), 1)
    assert.strictEqual(pageSize(-3, limits), 1)
    assert.strictEqual(pageSize(2.9, limits), 2)
  })

  it("the default when the caller says nothing or nothing usable", () => {
    assert.strictEqual(pageSize(undefined, limits), 100)
    assert.strictEqual(pageSize(Number.NaN, limits), 100)
    assert.strictEqual(pageSize(Number.POSITIVE_INFINITY, limits), 100)
    assert.strictEqual(pageSize(undefined, { default: 1000, max: 50 }), 50, "a default above the limit is cut too")
  })

  it("any request gives a whole number in 1…max", () =>
    fc.assert(fc.property(
      fc.option(fc.double(), { nil: undefined }),
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: 1, max: 1000 }),
      (requested, max, fallback) => {
        const size = pageSize(requested, { default: fallback, max })
        assert.isTrue(Number.isInteger(size) && size >= 1 && size <= max, `${requested} → ${size}`)
      }
    )))
})

describe("wrapReasons", () => {
  const wrap = wrapReasons("acme")

  it.effect("wraps an effect's reason with the vendor and the operation, keeping the reason", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Effect.fail(new ContactNotFound({ id: "7" })).pipe(wrap.effect("update")))
      assert.strictEqual(error._tag, "ContactError")
      assert.strictEqual(error.vendor, "acme")
      assert.strictEqual(error.operation, "update")
      assert.isTrue(error.reason._tag === "ContactNotFound" && error.reason.id === "7")
    }))

  it.effect("wraps a stream's reason the same way; values pass through", () =>
    Effect.gen(function*() {
      const failing = Stream.make(1, 2).pipe(
        Stream.concat(Stream.fail(new VendorUnavailable({ mayHaveSucceeded: false }))),
        wrap.stream("list")
      )
      const error = yield* Effect.flip(Stream.runCollect(failing))
      assert.strictEqual(error.operation, "list")
      assert.isTrue(error.isRetryable)
      assert.deepStrictEqual(yield* Stream.runCollect(Stream.make(1, 2).pipe(wrap.stream("list"))), [1, 2])
    }))
})

describe("layerFromConfig", () => {
  interface Options {
    readonly apiUrl: string
    readonly apiKey: Redacted.Redacted<string>
    readonly timeout?: Duration.Input
  }
  class Seen extends Context.Service<Seen, Options>()("test/Seen") {}
  const layer = (options: Options) => Layer.succeed(Seen, options)
  const defaultConfig: Config.Wrap<Options> = {
    apiUrl: Config.String("ACME_API_URL"),
    apiKey: Config.Redacted("ACME_API_KEY")
  }
  const env = (values: Record<string, string>) => ConfigProvider.layer(ConfigProvider.fromUnknown(values))
  const read = (config: Config.Wrap<Options>, values: Record<string, string>) =>
    Effect.provide(
      Effect.gen(function*() {
        return yield* Seen
      }),
      layerFromConfig(layer, config).pipe(Layer.provide(env(values)))
    )

  it.effect("reads the documented variables by default", () =>
    Effect.gen(function*() {
      const options = yield* read(defaultConfig, { ACME_API_URL: "http://acme.test", ACME_API_KEY: "k-1234" })
      assert.strictEqual(options.apiUrl, "http://acme.test")
      assert.strictEqual(Redacted.value(options.apiKey), "k-1234")
      assert.strictEqual(options.timeout, undefined)
    }))

  it.effect("a caller chooses where each option comes from, the tuning included", () =>
    Effect.gen(function*() {
      const options = yield* read(
        { ...defaultConfig, apiUrl: Config.String("OTHER_URL"), timeout: Config.Duration("ACME_TIMEOUT") },
        { OTHER_URL: "http://other.test", ACME_API_KEY: "k-1234", ACME_TIMEOUT: "5 seconds" }
      )
      assert.strictEqual(options.apiUrl, "http://other.test")
      assert.isTrue(Duration.equals(Duration.fromInputUnsafe(options.timeout!), Duration.seconds(5)))
    }))

  it.effect("a missing variable fails the layer with a ConfigError", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(read(defaultConfig, { ACME_API_URL: "http://acme.test" }))
      assert.strictEqual(error._tag, "ConfigError")
    }))
})

describe("tuningOptions", () => {
  const documented = { limit: 60, window: "1 minute" } as const

  it("the documented rate limit unless one is given; false means none", () => {
    assert.deepStrictEqual(tuningOptions({}, documented), { rateLimit: documented })
    assert.deepStrictEqual(tuningOptions({ rateLimit: false }, documented), {})
    assert.deepStrictEqual(tuningOptions({ rateLimit: { limit: 5, window: "1 second" } }, documented), {
      rateLimit: { limit: 5, window: "1 second" }
    })
  })

  it("passes timeout and retry on only when given", () => {
    assert.deepStrictEqual(tuningOptions({ timeout: "2 seconds", retry: { times: 0 } }), {
      timeout: "2 seconds",
      retry: { times: 0 }
    })
    assert.deepStrictEqual(tuningOptions({}), {})
  })
})
