/**
 * NGP VAN's standard error body (docs.ngpvan.com/reference/errors): a status of 400 or more and one property,
 * `errors`, an array of `{code, text, properties?, hint?, referenceCode?, resourceUrl?}`; `properties` name the
 * offending request properties in dot notation with zero-based `[n]` indices (`emails[1].type`).
 */
import { isWrongMethod, type PlatformFailure, type VendorErrorResponse } from "@contactkit/mock-platform"

export interface NgpvanError {
  readonly code: string
  readonly text: string
  readonly properties?: ReadonlyArray<string>
  readonly hint?: string
  readonly referenceCode?: string
}

export const errorResponse = (
  status: number,
  errors: ReadonlyArray<NgpvanError>,
  headers?: Readonly<Record<string, string>>
): VendorErrorResponse => ({ status, body: { errors }, ...(headers === undefined ? {} : { headers }) })

/** One `INVALID_PARAMETER` error about the given properties. */
export const invalid = (text: string, ...properties: ReadonlyArray<string>): NgpvanError =>
  properties.length === 0 ? { code: "INVALID_PARAMETER", text } : { code: "INVALID_PARAMETER", text, properties }

export const notFound = errorResponse(404, [{ code: "NOT_FOUND", text: "The specified resource cannot be found." }])

export const unauthorized = errorResponse(401, [
  { code: "UNAUTHORIZED", text: "Authorization has been denied for this request." }
])

/**
 * Platform failures in NGP's body; a 5xx carries a reference code, as NGP's errors may. A known path asked with
 * another method (`DELETE /v2/contacts/{id}`: NGP has no delete) is 405 with `Allow`, in ASP.NET Web API's words.
 */
export const renderNgpvanError = (failure: PlatformFailure, nowMillis: number): VendorErrorResponse => {
  switch (failure._tag) {
    case "RouteNotFound":
      return isWrongMethod(failure)
        ? errorResponse(405, [{
          code: "METHOD_NOT_ALLOWED",
          text: `The requested resource does not support http method '${failure.method}'.`
        }], { allow: failure.allowedMethods.join(", ") })
        : notFound
    case "MalformedBody":
      return errorResponse(400, [{ code: "MALFORMED_JSON", text: "The request body is not valid JSON." }])
    case "BodyTooLarge":
      return errorResponse(413, [
        { code: "REQUEST_TOO_LARGE", text: `The request body is larger than ${failure.limitBytes} bytes.` }
      ])
    case "UnsupportedMediaType":
      return errorResponse(415, [
        { code: "UNSUPPORTED_MEDIA_TYPE", text: "The request body must be sent as application/json." }
      ])
    case "RateLimited":
      return errorResponse(
        429,
        [{ code: "RATE_LIMIT_EXCEEDED", text: "Too many requests; try again later." }],
        { "retry-after": String(failure.retryAfterSeconds) }
      )
    case "ServerError":
      return errorResponse(failure.status, [{
        code: failure.status === 503 ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR",
        text: failure.status === 503 ? "The service is unavailable." : "An unexpected error occurred.",
        referenceCode: `REF-${nowMillis.toString(36).toUpperCase()}`
      }])
  }
}
