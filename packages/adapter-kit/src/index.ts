/**
 * @contactkit/adapter-kit — what every vendor adapter shares: the HTTP policy (`VendorHttp`, with
 * `RetryPolicy` and `RateLimiter`), page-to-`Stream` helpers (`Pagination`), status-to-reason
 * mapping and body decoding (`ErrorMapping`), and keeping the API key out of error text (`Scrub`).
 *
 * @example
 * ```ts
 * import { decodeJson, contactError, offsetPages, reasonFromStatus, readJsonBody, VendorHttp } from "@contactkit/adapter-kit"
 *
 * const make = Effect.gen(function*() {
 *   const http = yield* VendorHttp.make({
 *     vendor: "acme",
 *     baseUrl: options.apiUrl,                       // a mock's URL in tests
 *     auth: VendorHttp.bearerAuth(options.apiKey),   // Redacted<string>
 *     secrets: [options.apiKey],                     // scrubbed from every error text
 *     timeout: "10 seconds",
 *     retry: { times: 3 },
 *     rateLimit: { limit: 30, window: "30 seconds" },
 *     retryAfterHint: (body) => undefined            // read a delay from a 429 body, if the vendor sends one
 *   })
 *   const fail = contactError("acme", "get")
 *   const decodeContact = decodeJson(AcmeContact, http.scrub) // built once, applied to every response
 *   const get = (id: ContactId) =>
 *     http.client.get(`/contacts/${id}`).pipe(      // fails only with RateLimited | VendorUnavailable
 *       Effect.flatMap((response) =>
 *         response.status === 200
 *           ? decodeContact(response)                 // UnexpectedResponse on a body off-contract
 *           : Effect.flatMap(readJsonBody(response), (body) =>
 *             Effect.fail(reasonFromStatus({ status: response.status, id, detail: http.scrub(messageOf(body)) })))
 *       ),
 *       Effect.map(toContact),
 *       Effect.mapError(fail)
 *     )
 *   const list = offsetPages({ pageSize: 100, fetch: (offset, limit) => fetchPage(offset, limit) })
 * })
 * ```
 */
export * from "./ErrorMapping.ts"
export * from "./Pagination.ts"
export * from "./RateLimiter.ts"
export * from "./RetryPolicy.ts"
export * from "./Scrub.ts"
export * as VendorHttp from "./VendorHttp.ts"
export type { VendorHttpError, VendorHttpOptions } from "./VendorHttp.ts"
