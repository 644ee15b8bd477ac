/**
 * `layerConfig` as Effect's own drivers have it (`PgClient.layerConfig(config: Config.Wrap<PgClientConfig>)`):
 * the caller says where each option comes from — one `Config` per key, or one `Config` of the whole — and the
 * adapter's documented variable names are only the default. Timeouts, retries and rate limits are then as
 * configurable as the URL and the key.
 *
 * `Config.unwrap` stops at the first variable it cannot read, so a newcomer fixes one variable per run. Here
 * every option is read on its own first, and a failure names every variable that is missing or invalid, with
 * the vendor, in one `AdapterConfigError` (still a `Config.ConfigError`, so `catchTag("ConfigError")` holds).
 */
import { Config, ConfigProvider, Effect, Layer, Result, Schema } from "effect"

/** One variable that could not be read: `missing` when it is not set at all. */
export interface ConfigProblem {
  readonly variable: string
  readonly missing: boolean
  readonly detail: string
}

const listed = (names: ReadonlyArray<string>) =>
  names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`

/** The message a newcomer reads: the vendor, every variable, and how to set them. */
const describe = (vendor: string | undefined, problems: ReadonlyArray<ConfigProblem>) => {
  const missing = problems.filter((p) => p.missing).map((p) => p.variable)
  const invalid = problems.filter((p) => !p.missing).map((p) => `${p.variable} is not valid (${p.detail})`)
  const parts = [
    ...(missing.length === 0 ? [] : [`${listed(missing)} ${missing.length === 1 ? "is" : "are"} not set`]),
    ...invalid
  ]
  return `${vendor === undefined ? "the adapter" : `the ${vendor} adapter`} cannot start: ${parts.join("; ")}. ` +
    "Set the variables in the environment, or pass the values to layer(options) or layerConfig(config)."
}

/** A configuration that cannot be read: every problem at once, and the vendor's name. */
export class AdapterConfigError extends Config.ConfigError {
  readonly vendor: string | undefined
  readonly problems: ReadonlyArray<ConfigProblem>
  constructor(vendor: string | undefined, problems: ReadonlyArray<ConfigProblem>, cause: Config.ConfigError["cause"]) {
    super(cause)
    this.vendor = vendor
    this.problems = problems
  }
  override get message() {
    return describe(this.vendor, this.problems)
  }
}

/** The leaves of a `Config.Wrap`: each `Config` on its own, so each can fail on its own. */
const leaves = (wrapped: unknown): ReadonlyArray<Config.Config<unknown>> =>
  Config.isConfig(wrapped)
    ? [wrapped]
    : typeof wrapped === "object" && wrapped !== null
    ? Object.values(wrapped).flatMap(leaves)
    : []

/** The variable a failure is about, and whether it is set at all (asked of the provider, not guessed from text). */
const problemOf = (error: Config.ConfigError) =>
  Effect.gen(function*() {
    const cause = error.cause
    if (!Schema.isSchemaError(cause)) return { variable: "(source)", missing: false, detail: cause.message }
    const issue = cause.issue
    // The first line of Schema's text is the rule; the lines after it repeat the path.
    const detail = cause.message.split("\n")[0] ?? ""
    if (issue._tag !== "Pointer") return { variable: "(value)", missing: false, detail }
    const path = issue.path.filter((segment) => typeof segment !== "symbol")
    const provider = yield* ConfigProvider.ConfigProvider
    const node = yield* provider.load(path).pipe(Effect.orElseSucceed(() => undefined))
    return { variable: path.join("_"), missing: node === undefined, detail } satisfies ConfigProblem
  })

/**
 * @example
 * ```ts
 * export const defaultConfig: Config.Wrap<Options> = {
 *   apiUrl: Config.String("ACME_API_URL"),
 *   apiKey: Config.Redacted("ACME_API_KEY")
 * }
 * export const layerConfig = (config: Config.Wrap<Options> = defaultConfig) =>
 *   layerFromConfig(layer, config, { vendor: "acme" })
 * // a caller: layerConfig({ ...defaultConfig, timeout: Config.Duration("ACME_TIMEOUT") })
 * ```
 */
export const layerFromConfig = <Options, A, E, R>(
  layer: (options: Options) => Layer.Layer<A, E, R>,
  config: Config.Wrap<Options>,
  about: { readonly vendor?: string } = {}
): Layer.Layer<A, E | Config.ConfigError, R> =>
  Layer.unwrap(Effect.gen(function*() {
    const results = yield* Effect.forEach(leaves(config), (leaf) =>
      Effect.result(Effect.gen(function*() {
        return yield* leaf
      })))
    const failures = results.filter(Result.isFailure).map((result) => result.failure)
    const [first] = failures
    if (first !== undefined) {
      const problems = yield* Effect.forEach(failures, problemOf)
      return yield* Effect.fail(new AdapterConfigError(about.vendor, problems, first.cause))
    }
    return layer(yield* Config.unwrap(config))
  }))
