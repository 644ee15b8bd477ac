/**
 * Small response helpers shared by the admin API and vendor handlers, so every JSON answer is built one way.
 */
import { HttpServerResponse } from "effect/http"
import type { VendorErrorResponse } from "./VendorModule.ts"

export const jsonResponse = (
  status: number,
  body: unknown,
  headers?: Readonly<Record<string, string>>
): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.jsonUnsafe(body, headers === undefined ? { status } : { status, headers })

export const fromVendorError = (error: VendorErrorResponse): HttpServerResponse.HttpServerResponse =>
  jsonResponse(error.status, error.body, error.headers)
