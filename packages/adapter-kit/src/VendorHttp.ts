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
 *
 * The parts, each in its own module: one attempt and its outcome (`AttemptOutcome`), what the policy makes of it
 * (`AttemptDecision`), the vendor's requested wait (`VendorRetryAfter`); this module builds the request and loops.
 */
import type { RateLimited, VendorUnavailable } from "@contactkit/domain"
import { Duration, Effect, type Redacted } from "effect"
import { Headers, HttpClient, HttpClientRequest, type HttpClientResponse } from "effect/http"
import { makeDecide } from "./AttemptDecision.ts"
import { makeAttempt } from "./AttemptOutcome.ts"
import { callSpan } from "./CallSpan.ts"
import { makeRateLimiter, type RateLimit, unlimited } from "./RateLimiter.ts"
import { defaultRetryPolicy, type RetryPolicy } from "./RetryPolicy.ts"
import { makeScrub, type Scrub } from "./Scrub.ts"
import { safeUrl } from "./TransportFailure.ts"
import { makeRetryAfter } from "./VendorRetryAfter.ts"

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

/** The base URL, `Accept: application/json` and the credential, on every request. */
const prepareRequest = (options: VendorHttpOptions) => {
  const baseUrl = options.baseUrl.replace(/\/+$/u, "")
  return (request: HttpClientRequest.HttpClientRequest) =>
    options.auth(HttpClientRequest.acceptJson(HttpClientRequest.prependUrl(request, baseUrl)))
}

export const make = (options: VendorHttpOptions): Effect.Effect<VendorHttp, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry }
    const timeout = Duration.fromInputUnsafe(options.timeout ?? "30 seconds")
    const scrub = makeScrub(options.secrets ?? [])
    const attemptOnce = makeAttempt({
      client: yield* HttpClient.HttpClient,
      limited: options.rateLimit === undefined ? unlimited : yield* makeRateLimiter(options.rateLimit),
      timeout,
      redactedNames: [...(yield* Headers.CurrentRedactedNames), ...(options.redactedHeaders ?? [])]
    })
    const decide = makeDecide({ policy, timeout, scrub, retryAfter: makeRetryAfter(options, policy) })

    /** Attempts until the policy answers or fails, waiting out each retry's delay. */
    const run = (
      request: HttpClientRequest.HttpClientRequest,
      attempt: number
    ): Effect.Effect<HttpClientResponse.HttpClientResponse, VendorHttpError> =>
      Effect.gen(function*() {
        const where = scrub(`${request.method.toUpperCase()} ${safeUrl(request.url)}`)
        yield* Effect.annotateCurrentSpan("contactkit.attempts", attempt + 1)
        const decision = yield* decide(yield* attemptOnce(request), { request, where, attempt })
        if (decision._tag === "Answer") return decision.response
        yield* Effect.logDebug(
          `${options.vendor}: ${where} ${decision.why}; retry ${attempt + 1} in ${Duration.format(decision.delay)}`
        )
        yield* Effect.sleep(decision.delay)
        return yield* run(request, attempt + 1)
      })

    const prepare = prepareRequest(options)
    const client = HttpClient.makeWith(
      (request: Effect.Effect<HttpClientRequest.HttpClientRequest>) =>
        Effect.flatMap(request, (r) => run(r, 0).pipe(callSpan(options.vendor, r))),
      (request) => Effect.succeed(prepare(request))
    )
    return { vendor: options.vendor, client, scrub }
  })
