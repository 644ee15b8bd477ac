/**
 * Small response helpers shared by the admin API and vendor handlers, so every JSON answer is built one way.
 */
import { HttpServerResponse } from "effect/http"
import type { PlatformFailure } from "./PlatformFailure.ts"
import { isWrongMethod } from "./PlatformFailure.ts"
import type { VendorErrorResponse } from "./VendorModule.ts"

export const jsonResponse = (
  status: number,
  body: unknown,
  headers?: Readonly<Record<string, string>>
): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.jsonUnsafe(body, headers === undefined ? { status } : { status, headers })

export const fromVendorError = (error: VendorErrorResponse): HttpServerResponse.HttpServerResponse =>
  jsonResponse(error.status, error.body, error.headers)

/** A rendered platform failure; a 405 always carries `Allow` (RFC 9110), whatever the vendor's renderer set. */
export const withAllow = (failure: PlatformFailure, error: VendorErrorResponse): VendorErrorResponse => {
  const hasAllow = Object.keys(error.headers ?? {}).some((name) => name.toLowerCase() === "allow")
  return error.status === 405 && isWrongMethod(failure) && !hasAllow
    ? { ...error, headers: { ...error.headers, allow: failure.allowedMethods.join(", ") } }
    : error
}

export const vendorAnswer = (
  failure: PlatformFailure,
  error: VendorErrorResponse
): HttpServerResponse.HttpServerResponse => fromVendorError(withAllow(failure, error))
