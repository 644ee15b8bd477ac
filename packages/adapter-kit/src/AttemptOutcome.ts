/**
 * One attempt of a vendor call and what came of it, before any policy is applied: an answer (its 2xx body read
 * whole, so a body that stalls is a timeout and one cut off mid-way is a `Cut`), no answer in time, or a failure of
 * the transport (with whether the connection was refused, the one failure a write may be retried after).
 */
import { type Duration, Effect, Option, Result } from "effect"
import { Headers, HttpClient, type HttpClientError, type HttpClientRequest, type HttpClientResponse } from "effect/http"
import { readBodyOnce } from "./BodyText.ts"
import { isConnectionRefused } from "./TransportFailure.ts"

export type Outcome =
  | { readonly _tag: "Response"; readonly response: HttpClientResponse.HttpClientResponse }
  /** A 2xx whose body broke off before it was whole: the vendor got the request, its answer is lost. */
  | { readonly _tag: "Cut"; readonly response: HttpClientResponse.HttpClientResponse }
  | { readonly _tag: "Timeout" }
  | { readonly _tag: "Failure"; readonly error: HttpClientError.HttpClientError; readonly refused: boolean }

/**
 * Reads a 2xx body whole, once (`BodyText`: the response handed on answers its text from memory); other answers are
 * read by whoever maps them.
 */
const readWhole = (response: HttpClientResponse.HttpClientResponse): Effect.Effect<Outcome> =>
  response.status >= 200 && response.status < 300
    ? Effect.match(readBodyOnce(response), {
      onFailure: (): Outcome => ({ _tag: "Cut", response }),
      onSuccess: (read): Outcome => ({ _tag: "Response", response: read })
    })
    : Effect.succeed({ _tag: "Response", response })

export interface AttemptOptions {
  readonly client: HttpClient.HttpClient
  /** The client-side rate limiter (or none), around each attempt. */
  readonly limited: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  /** How long one attempt may take, its body included. */
  readonly timeout: Duration.Duration
  /** Header names redacted wherever the client logs or traces headers. */
  readonly redactedNames: ReadonlyArray<string | RegExp>
}

/** Makes one attempt of a prepared request; never fails: every way it can end is an `Outcome`. */
export const makeAttempt = (options: AttemptOptions) => (request: HttpClientRequest.HttpClientRequest) =>
  options.limited(options.client.execute(request)).pipe(
    Effect.flatMap(readWhole),
    Effect.timeoutOption(options.timeout),
    Effect.result,
    Effect.map((result): Outcome =>
      Result.isSuccess(result)
        ? Option.getOrElse(result.success, (): Outcome => ({ _tag: "Timeout" }))
        : {
          _tag: "Failure",
          error: result.failure,
          refused: result.failure.reason._tag === "TransportError" && isConnectionRefused(result.failure.reason.cause)
        }
    ),
    Effect.provideService(Headers.CurrentRedactedNames, options.redactedNames),
    // The call's own span (CallSpan) stands for every attempt; the client's per-attempt span would record the
    // full URL, query included, where a search can carry an e-mail address.
    Effect.provideService(HttpClient.TracerDisabledWhen, () => true)
  )
