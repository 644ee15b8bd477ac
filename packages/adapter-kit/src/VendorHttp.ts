/**
 * The HTTP policy every adapter shares, as one vendor-shaped `HttpClient`: base URL (the
 * override is how mocks get in), `Accept: application/json`, the auth header from a `Redacted`
 * secret (redacted wherever headers are logged or traced), a per-request timeout, a client-side
 * rate limiter, and retries with jittered exponential backoff that honour `Retry-After` and the
 * vendor's own hints.
 *
 * Writes are never blindly retried. GET, PUT and DELETE are idempotent and may be retried after
 * a 429, a 5xx, a timeout or a transport failure. A POST is retried only when the vendor cannot
 * have processed it — a 429, or a refused connection; after a timeout, a 5xx or a broken
 * connection it fails at once with `VendorUnavailable{mayHaveSucceeded: true}`.
 *
 * A 2xx answer is read whole inside the same timeout, so a body that stalls is a timeout and a
 * body cut off mid-way is a broken connection, judged as above (the body is cached: reading it
 * again later costs nothing). A 2xx body that arrives but cannot be used is for `ErrorMapping`'s
 * decoders, which apply the same rule (`unusableAnswer`).
 *
 * The client answers every other status (2xx, 4xx) as a response; the adapter maps those with
 * `ErrorMapping`. It fails only with `RateLimited` (retries exhausted, or the vendor asked for a
 * longer wait than the policy allows) and `VendorUnavailable`, whose detail names the request (its URL
 * without credentials or query) and what happened: connection refused, reset, timed out.
 */
import { RateLimited, VendorUnavailable } from "@contactkit/domain"
import { Clock, Duration, Effect, Option, type Redacted, Result } from "effect"
import { Headers, HttpClient, type HttpClientError, HttpClientRequest, type HttpClientResponse } from "effect/http"
import { callSpan } from "./CallSpan.ts"
import { isWrite } from "./ErrorMapping.ts"
import { makeRateLimiter, type RateLimit, unlimited } from "./RateLimiter.ts"
import { backoff, defaultRetryPolicy, parseRetryAfter, type RetryPolicy } from "./RetryPolicy.ts"
import { excerpt, makeScrub, type Scrub } from "./Scrub.ts"
import { describeTransportFailure, isConnectionRefused, safeUrl } from "./TransportFailure.ts"

export interface VendorHttpOptions {
  /** The vendor's name, as in `ContactError.vendor`. */
  readonly vendor: string
  /** Prefixed to every request path, e.g. `https://api.example.com` or a mock's `http://127.0.0.1:4010`. */
  readonly baseUrl: string
  /** Sets the credential on a request, e.g. `bearerAuth(apiKey)`. */
  readonly auth: (request: HttpClientRequest.HttpClientRequest) => HttpClientRequest.HttpClientRequest
  /** Values scrubbed from every text put into an error or a log line (the API key). */
  readonly secrets?: ReadonlyArray<Redacted.Redacted<string>>
  /** Header names that carry a credential besides `authorization` / `x-api-key` (redacted in logs and traces). */
  readonly redactedHeaders?: ReadonlyArray<string>
  /** How long one attempt may take. Default 30 seconds. */
  readonly timeout?: Duration.Input
  readonly retry?: Partial<RetryPolicy>
  /** The vendor's documented limit; omitted means no client-side limiting. */
  readonly rateLimit?: RateLimit
  /** Reads a retry delay from a 429 body, for vendors that put it there rather than in `Retry-After`. */
  readonly retryAfterHint?: (body: unknown) => Duration.Duration | undefined
  /**
   * A header holding the Unix time (seconds) at which a 429's limit resets, read when there is no `Retry-After`
   * (an `X-RateLimit-Reset` style header): the wait is until then, by `Clock`.
   */
  readonly resetHeader?: string
}

export type VendorHttpError = RateLimited | VendorUnavailable

export interface VendorHttp {
  readonly vendor: string
  /** Paths are relative to `baseUrl`: `http.client.get("/v4/accounts/1/…")`. */
  readonly client: HttpClient.HttpClient.With<VendorHttpError>
  /** Removes the secrets from a text before it goes into an error. */
  readonly scrub: Scrub
}

/** `Authorization: Bearer <token>`. */
export const bearerAuth = (token: Redacted.Redacted<string>) => (request: HttpClientRequest.HttpClientRequest) =>
  HttpClientRequest.bearerToken(request, token)

type Outcome =
  | { readonly _tag: "Response"; readonly response: HttpClientResponse.HttpClientResponse }
  /** A 2xx whose body broke off before it was whole: the vendor got the request, its answer is lost. */
  | { readonly _tag: "Cut"; readonly response: HttpClientResponse.HttpClientResponse }
  | { readonly _tag: "Timeout" }
  | { readonly _tag: "Failure"; readonly error: HttpClientError.HttpClientError; readonly refused: boolean }

const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"])

/** Reads a 2xx body whole (the response caches it); other answers are read by whoever maps them. */
const readWhole = (response: HttpClientResponse.HttpClientResponse): Effect.Effect<Outcome> =>
  response.status >= 200 && response.status < 300
    ? Effect.match(response.arrayBuffer, {
      onFailure: (): Outcome => ({ _tag: "Cut", response }),
      onSuccess: (): Outcome => ({ _tag: "Response", response })
    })
    : Effect.succeed({ _tag: "Response", response })

export const make = (options: VendorHttpOptions): Effect.Effect<VendorHttp, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const base = yield* HttpClient.HttpClient
    const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry }
    const timeout = Duration.fromInputUnsafe(options.timeout ?? "30 seconds")
    const limited = options.rateLimit === undefined ? unlimited : yield* makeRateLimiter(options.rateLimit)
    const scrub = makeScrub(options.secrets ?? [])
    const baseUrl = options.baseUrl.replace(/\/+$/u, "")
    const redactedNames = [...(yield* Headers.CurrentRedactedNames), ...(options.redactedHeaders ?? [])]

    const prepare = (request: HttpClientRequest.HttpClientRequest) =>
      options.auth(HttpClientRequest.acceptJson(HttpClientRequest.prependUrl(request, baseUrl)))

    const attemptOnce = (request: HttpClientRequest.HttpClientRequest): Effect.Effect<Outcome> =>
      limited(base.execute(request)).pipe(
        Effect.flatMap(readWhole),
        Effect.timeoutOption(timeout),
        Effect.result,
        Effect.map((result): Outcome =>
          Result.isSuccess(result)
            ? Option.getOrElse(result.success, (): Outcome => ({ _tag: "Timeout" }))
            : {
              _tag: "Failure",
              error: result.failure,
              refused: result.failure.reason._tag === "TransportError" &&
                isConnectionRefused(result.failure.reason.cause)
            }
        ),
        Effect.provideService(Headers.CurrentRedactedNames, redactedNames),
        // The call's own span (CallSpan) stands for every attempt; the client's per-attempt span would record the
        // full URL, query included, where a search can carry an e-mail address.
        Effect.provideService(HttpClient.TracerDisabledWhen, () => true)
      )

    const bodyExcerpt = (response: HttpClientResponse.HttpClientResponse) =>
      response.text.pipe(
        Effect.map((text) => excerpt(text, scrub)),
        Effect.orElseSucceed(() => "")
      )

    const headerRetryAfter = (response: HttpClientResponse.HttpClientResponse) =>
      parseRetryAfter(Option.getOrUndefined(Headers.get(response.headers, "retry-after")))

    /** A wait the policy is willing to honour. */
    const waitable = (delay: Duration.Duration) => Duration.toMillis(delay) <= Duration.toMillis(policy.maxRetryAfter)

    /** Until the time a reset header names, when the vendor sends one (never negative). */
    const resetRetryAfter = (response: HttpClientResponse.HttpClientResponse) =>
      Effect.gen(function*() {
        const text = options.resetHeader === undefined
          ? undefined
          : Option.getOrUndefined(Headers.get(response.headers, options.resetHeader))
        const reset = text === undefined || !/^\s*\d+\s*$/u.test(text) ? undefined : Number(text) * 1000
        if (reset === undefined) return undefined
        return Duration.millis(Math.max(0, reset - (yield* Clock.currentTimeMillis)))
      })

    /** The header's delay, else the reset header's, else (for a 429) the vendor's hint in the body. */
    const vendorRetryAfter = (response: HttpClientResponse.HttpClientResponse) =>
      Effect.gen(function*() {
        const header = (yield* headerRetryAfter(response)) ?? (yield* resetRetryAfter(response))
        if (header !== undefined || options.retryAfterHint === undefined) return header
        const hint = options.retryAfterHint
        return yield* response.json.pipe(
          Effect.map((body) => hint(body)),
          Effect.orElseSucceed(() => undefined)
        )
      })

    const run = (
      request: HttpClientRequest.HttpClientRequest,
      attempt: number
    ): Effect.Effect<HttpClientResponse.HttpClientResponse, VendorHttpError> =>
      Effect.gen(function*() {
        const method = request.method.toUpperCase()
        const idempotent = idempotentMethods.has(method)
        const mayHaveSucceeded = isWrite(request)
        const canRetry = attempt < policy.times
        const where = scrub(`${method} ${safeUrl(request.url)}`)
        const retry = (delay: Duration.Duration, why: string) =>
          Effect.logDebug(`${options.vendor}: ${where} ${why}; retry ${attempt + 1} in ${Duration.format(delay)}`).pipe(
            Effect.andThen(Effect.sleep(delay)),
            Effect.andThen(run(request, attempt + 1))
          )
        yield* Effect.annotateCurrentSpan("contactkit.attempts", attempt + 1)
        const outcome = yield* attemptOnce(request)
        switch (outcome._tag) {
          case "Response": {
            const { response } = outcome
            if (response.status === 429) {
              const retryAfter = yield* vendorRetryAfter(response)
              if (canRetry && (retryAfter === undefined || waitable(retryAfter))) {
                return yield* retry(retryAfter ?? (yield* backoff(policy, attempt)), "got 429")
              }
              return yield* new RateLimited(retryAfter === undefined ? {} : { retryAfter })
            }
            if (response.status >= 500) {
              if (canRetry && idempotent) {
                const retryAfter = yield* headerRetryAfter(response)
                const delay = yield* backoff(policy, attempt)
                return yield* retry(
                  retryAfter !== undefined && waitable(retryAfter) ? Duration.max(retryAfter, delay) : delay,
                  `got ${response.status}`
                )
              }
              const text = yield* bodyExcerpt(response)
              return yield* new VendorUnavailable({
                status: response.status,
                detail: text === "" ? `HTTP ${response.status}` : `HTTP ${response.status}: ${text}`,
                mayHaveSucceeded
              })
            }
            return response
          }
          case "Cut": {
            const status = outcome.response.status
            if (canRetry && idempotent) {
              return yield* retry(yield* backoff(policy, attempt), `got ${status}, then the body broke off`)
            }
            return yield* new VendorUnavailable({
              status,
              detail: `HTTP ${status}, then the connection broke before the whole body arrived`,
              mayHaveSucceeded
            })
          }
          case "Timeout": {
            if (canRetry && idempotent) {
              return yield* retry(yield* backoff(policy, attempt), "timed out")
            }
            return yield* new VendorUnavailable({
              detail: `${where}: no answer within ${Duration.format(timeout)} (timed out)`,
              mayHaveSucceeded
            })
          }
          case "Failure": {
            const transport = outcome.error.reason._tag === "TransportError"
            if (canRetry && transport && (idempotent || outcome.refused)) {
              return yield* retry(yield* backoff(policy, attempt), "transport failure")
            }
            return yield* new VendorUnavailable({
              detail: scrub(describeTransportFailure(method, request.url, outcome.error, outcome.error.message)),
              // A request that never left (refused, unencodable, bad URL) cannot have been processed.
              mayHaveSucceeded: mayHaveSucceeded && transport && !outcome.refused
            })
          }
        }
      })

    const client = HttpClient.makeWith(
      (request: Effect.Effect<HttpClientRequest.HttpClientRequest>) =>
        Effect.flatMap(request, (r) => run(r, 0).pipe(callSpan(options.vendor, r))),
      (request) => Effect.succeed(prepare(request))
    )
    return { vendor: options.vendor, client, scrub }
  })
