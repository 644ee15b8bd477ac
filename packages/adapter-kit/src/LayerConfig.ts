/**
 * `layerConfig` as Effect's own drivers have it (`PgClient.layerConfig(config: Config.Wrap<PgClientConfig>)`):
 * the caller says where each option comes from — one `Config` per key, or one `Config` of the whole — and the
 * adapter's documented variable names are only the default. Timeouts, retries and rate limits are then as
 * configurable as the URL and the key.
 */
import { Config, Effect, Layer } from "effect"

/**
 * @example
 * ```ts
 * export const defaultConfig: Config.Wrap<Options> = {
 *   apiUrl: Config.String("ACME_API_URL"),
 *   apiKey: Config.Redacted("ACME_API_KEY")
 * }
 * export const layerConfig = (config: Config.Wrap<Options> = defaultConfig) => layerFromConfig(layer, config)
 * // a caller: layerConfig({ ...defaultConfig, timeout: Config.Duration("ACME_TIMEOUT") })
 * ```
 */
export const layerFromConfig = <Options, A, E, R>(
  layer: (options: Options) => Layer.Layer<A, E, R>,
  config: Config.Wrap<Options>
): Layer.Layer<A, E | Config.ConfigError, R> => Layer.unwrap(Effect.map(Config.unwrap(config), layer))
