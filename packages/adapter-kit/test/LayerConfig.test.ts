/**
 * A configuration that cannot be read says everything at once: every variable that is missing or invalid, and
 * the vendor, so a newcomer fixes it in one go. It is still a `Config.ConfigError` for code that catches one.
 */
import { assert, describe, it } from "@effect/vitest"
import { Config, ConfigProvider, Context, Effect, Layer, type Redacted } from "effect"
import { AdapterConfigError, layerFromConfig } from "../src/index.ts"

interface Options {
  readonly apiUrl: URL
  readonly apiKey: Redacted.Redacted<string>
  readonly accountId: number
  readonly timeout: string
}
class Seen extends Context.Service<Seen, Options>()("test/LayerConfig/Seen") {}
const config: Config.Wrap<Options> = {
  apiUrl: Config.URL("ACME_API_URL"),
  apiKey: Config.Redacted("ACME_API_KEY"),
  accountId: Config.Int("ACME_ACCOUNT_ID"),
  timeout: Config.String("ACME_TIMEOUT").pipe(Config.withDefault("30 seconds"))
}
const failure = (values: Record<string, string>) =>
  Effect.flip(Effect.provide(
    Effect.gen(function*() {
      return yield* Seen
    }),
    layerFromConfig((options: Options) => Layer.succeed(Seen, options), config, { vendor: "acme" }).pipe(
      Layer.provide(ConfigProvider.layer(ConfigProvider.fromUnknown(values)))
    )
  ))

describe("layerFromConfig failures", () => {
  it.effect("names every missing variable and the vendor, not only the first", () =>
    Effect.gen(function*() {
      const error = yield* failure({ ACME_API_URL: "http://acme.test" })
      assert.strictEqual(error._tag, "ConfigError")
      assert.instanceOf(error, Config.ConfigError)
      assert.strictEqual(
        error.message,
        "the acme adapter cannot start: ACME_API_KEY and ACME_ACCOUNT_ID are not set. " +
          "Set the variables in the environment, or pass the values to layer(options) or layerConfig(config)."
      )
    }))

  it.effect("tells a variable that is set but invalid from one that is missing", () =>
    Effect.gen(function*() {
      const error = yield* failure({ ACME_API_URL: "not a url", ACME_ACCOUNT_ID: "12" })
      assert.instanceOf(error, AdapterConfigError)
      const problems = (error as AdapterConfigError).problems
      assert.deepStrictEqual(problems.map((p) => [p.variable, p.missing]), [
        ["ACME_API_URL", false],
        ["ACME_API_KEY", true]
      ])
      assert.include(error.message, "ACME_API_KEY is not set")
      assert.include(error.message, "ACME_API_URL is not valid (Expected a valid URL string)")
    }))

  it.effect("an option with a default is never reported", () =>
    Effect.gen(function*() {
      const error = yield* failure({})
      assert.notInclude(error.message, "ACME_TIMEOUT")
      assert.include(error.message, "ACME_API_URL, ACME_API_KEY and ACME_ACCOUNT_ID are not set")
    }))
})
