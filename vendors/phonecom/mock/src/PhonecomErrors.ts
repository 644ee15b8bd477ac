/**
 * Phone.com's error body (Mason's `@error` component: `@httpStatusCode`, `@message`, `@time`), with the optional
 * `@details` on 422 keyed by dotted wire path, and `@rateLimit` plus a `Retry-After` header on 429.
 */
import {
  defaultMessage,
  isWrongMethod,
  type PlatformFailure,
  type VendorErrorResponse
} from "@contactkit/mock-platform"

export const phonecomError = (
  status: number,
  message: string,
  nowMillis: number,
  extra: Readonly<Record<string, unknown>> = {},
  headers?: Readonly<Record<string, string>>
): VendorErrorResponse => ({
  status,
  body: {
    "@error": { "@httpStatusCode": status, "@message": message, "@time": new Date(nowMillis).toISOString(), ...extra }
  },
  ...(headers === undefined ? {} : { headers })
})

export const validationError = (details: Readonly<Record<string, ReadonlyArray<string>>>, nowMillis: number) =>
  phonecomError(422, "The given data was invalid.", nowMillis, { "@details": details })

/**
 * Every client-side platform failure is a 400 at Phone.com, except unknown routes (404) and a known path asked with
 * another method (405, Laravel's `MethodNotAllowedHttpException` under Phone.com's Mason error body).
 */
export const renderPhonecomError = (failure: PlatformFailure, nowMillis: number): VendorErrorResponse => {
  switch (failure._tag) {
    case "RouteNotFound":
      return isWrongMethod(failure)
        ? phonecomError(405, "Method Not Allowed", nowMillis, {}, { allow: failure.allowedMethods.join(", ") })
        : phonecomError(404, "Not Found", nowMillis)
    case "BodyTooLarge":
    case "MalformedBody":
    case "UnsupportedMediaType":
      return phonecomError(400, defaultMessage(failure), nowMillis)
    case "RateLimited":
      return phonecomError(
        429,
        "Too much requests",
        nowMillis,
        {
          "@rateLimit": {
            "RateLimit-Limit": failure.limit,
            "RateLimit-Remaining": 0,
            "RateLimit-Reset": failure.resetAt,
            "Retry-After": failure.retryAfterSeconds
          }
        },
        { "retry-after": String(failure.retryAfterSeconds) }
      )
    case "ServerError":
      return phonecomError(failure.status, failure.message, nowMillis)
  }
}
