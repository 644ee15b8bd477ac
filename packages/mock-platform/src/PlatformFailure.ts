/**
 * Failures the platform itself detects before or around a vendor handler (unknown route, oversized or malformed
 * body, injected rate limit or 5xx, a defect in a handler). Each vendor renders them in its own error body, so a
 * client never sees a shape its vendor would not send.
 */
import { Data } from "effect"

export type PlatformFailure =
  | {
    readonly _tag: "RouteNotFound"
    readonly method: string
    readonly path: string
    /** Set (non-empty) when the path exists but not for this method: the vendor's 405, listing these. */
    readonly allowedMethods?: ReadonlyArray<string>
  }
  | { readonly _tag: "BodyTooLarge"; readonly limitBytes: number }
  | { readonly _tag: "MalformedBody"; readonly detail: string }
  | { readonly _tag: "UnsupportedMediaType"; readonly contentType: string }
  | {
    readonly _tag: "RateLimited"
    readonly limit: number
    readonly retryAfterSeconds: number
    /** Unix seconds at which requests are accepted again. */
    readonly resetAt: number
  }
  | { readonly _tag: "ServerError"; readonly status: 500 | 503; readonly message: string }

/**
 * A handler (or the platform) fails with this to have the failure rendered in the vendor's own error body.
 *
 * It is made without a stack trace: it is an answer to the client, never read as a trace (a defect is), and every
 * refused body makes one — capturing the ten frames of the request's path under it was most of its cost.
 */
export class PlatformError extends Data.TaggedError("PlatformError")<{ readonly failure: PlatformFailure }> {
  constructor(props: { readonly failure: PlatformFailure }) {
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    super(props)
    Error.stackTraceLimit = limit
  }
}

/** Whether a `RouteNotFound` is a known path asked with a method it does not allow (405 rather than 404). */
export const isWrongMethod = (
  failure: PlatformFailure
): failure is Extract<PlatformFailure, { _tag: "RouteNotFound" }> & {
  readonly allowedMethods: ReadonlyArray<string>
} => failure._tag === "RouteNotFound" && failure.allowedMethods !== undefined && failure.allowedMethods.length > 0

/** The HTTP status most vendors use for each failure; a module may choose differently in `renderError`. */
export const defaultStatus = (failure: PlatformFailure): number => {
  switch (failure._tag) {
    case "RouteNotFound":
      return isWrongMethod(failure) ? 405 : 404
    case "BodyTooLarge":
      return 413
    case "MalformedBody":
      return 400
    case "UnsupportedMediaType":
      return 415
    case "RateLimited":
      return 429
    case "ServerError":
      return failure.status
  }
}

/** A short English message for each failure, for vendors whose error body carries one. */
export const defaultMessage = (failure: PlatformFailure): string => {
  switch (failure._tag) {
    case "RouteNotFound":
      return isWrongMethod(failure)
        ? `The ${failure.method} method is not allowed for ${failure.path}; allowed: ${
          failure.allowedMethods.join(", ")
        }.`
        : `No route for ${failure.method} ${failure.path}.`
    case "BodyTooLarge":
      return `The request body is larger than ${failure.limitBytes} bytes.`
    case "MalformedBody":
      return `The request body is not valid JSON: ${failure.detail}`
    case "UnsupportedMediaType":
      return `Unsupported Content-Type "${failure.contentType}"; send application/json.`
    case "RateLimited":
      return "Too many requests."
    case "ServerError":
      return failure.message
  }
}
