/**
 * @contactkit/adapter-kit — what every vendor adapter shares: the HTTP policy (`VendorHttp`, with
 * `RetryPolicy`, `RateLimiter` and the options every adapter takes, `ClientTuning`), page-to-`Stream`
 * helpers (`Pagination`, `PageSize`), status-to-reason mapping and body decoding that reports a write's
 * unreadable answer as `mayHaveSucceeded` (`ErrorMapping`), the directory's one place that turns reasons
 * into `ContactError` (`WrapReasons`), `layerConfig` from `Config.Wrap<Options>` (`LayerConfig`), and
 * keeping the API key out of error text (`Scrub`).
 *
 * The shape an adapter takes on top of it: `<V>Client.ts` declares `interface <V>Client` and `make`, whose
 * methods fail with `ContactErrorReason`s and never know the port operation; `<V>ContactDirectory.ts` wraps
 * each operation once with `wrapReasons(vendor).effect(operation)`, and exports `make`, `layer(options)`,
 * `defaultConfig` and `layerConfig(config = defaultConfig)`.
 *
 * @example
 * ```ts
 * import {
 *   decodeJson, layerFromConfig, offsetPages, pageSize, reasonFromStatus, readJsonBody, tuningOptions, VendorHttp,
 *   wrapReasons
 * } from "@contactkit/adapter-kit"
 *
 * // AcmeClient.ts: reasons only, no operation.
 * export interface AcmeClient {
 *   readonly get: (id: ContactId) => Effect.Effect<AcmeContact, ContactErrorReason>
 * }
 * export const make = (options: Options): Effect.Effect<AcmeClient, never, HttpClient.HttpClient> =>
 *   Effect.gen(function*() {
 *     const http = yield* VendorHttp.make({
 *       vendor: "acme",
 *       baseUrl: options.apiUrl,                       // a mock's URL in tests
 *       auth: VendorHttp.bearerAuth(options.apiKey),   // Redacted<string>
 *       secrets: [options.apiKey],                     // scrubbed from every error text
 *       ...tuningOptions(options, { limit: 30, window: "30 seconds" }), // timeout, retry, documented rate limit
 *       retryAfterHint: (body) => undefined            // read a delay from a 429 body, if the vendor sends one
 *     })
 *     const decodeContact = decodeJson(AcmeContact, http.scrub) // built once, applied to every response
 *     return {
 *       get: (id) =>
 *         http.client.get(`/contacts/${id}`).pipe(    // fails only with RateLimited | VendorUnavailable
 *           Effect.flatMap((response) =>
 *             response.status === 200
 *               ? decodeContact(response)               // off-contract: UnexpectedResponse (a write: mayHaveSucceeded)
 *               : Effect.flatMap(readJsonBody(response), (body) =>
 *                 Effect.fail(reasonFromStatus({ status: response.status, id, detail: http.scrub(messageOf(body)) })))
 *           )
 *         )
 *     }
 *   })
 *
 * // AcmeContactDirectory.ts: reasons wrapped once per operation.
 * const wrap = wrapReasons("acme")
 * const get = (id: ContactId) => client.get(id).pipe(Effect.map(toContact), wrap.effect("get"))
 * const list = (options?: ListOptions) =>
 *   offsetPages({ pageSize: pageSize(options?.pageSize, { default: 100, max: 500 }), fetch }).pipe(wrap.stream("list"))
 * export const layerConfig = (config: Config.Wrap<Options> = defaultConfig) =>
 *   layerFromConfig(layer, config, { vendor: "acme" }) // a failure names every missing variable and the vendor
 * ```
 */
export * from "./ClientTuning.ts"
export * from "./ErrorMapping.ts"
export * from "./IsoTime.ts"
export * from "./JsonChecks.ts"
export * from "./LayerConfig.ts"
export * from "./PageSize.ts"
export * from "./Pagination.ts"
export * from "./RateLimiter.ts"
export * from "./RetryPolicy.ts"
export * from "./Scrub.ts"
export * from "./TransportFailure.ts"
export * as VendorHttp from "./VendorHttp.ts"
export type { VendorHttpError, VendorHttpOptions } from "./VendorHttp.ts"
export * from "./WrapReasons.ts"
