/**
 * Every vendor HTTP call is one span — retries included — so a trace shows what each port operation cost at the
 * vendor. Its attributes say which vendor, which route, how it ended and after how many attempts; they never
 * hold a secret or personal data: the path's ids are replaced by `:id`, and no query, header or body is recorded.
 */
import { Effect } from "effect"
import type { HttpClientRequest, HttpClientResponse } from "effect/http"
import type { VendorHttpError } from "./VendorHttp.ts"

/** A path segment that names a record rather than a route: a number, a UUID, a long token, an address. */
const isRecordId = (segment: string) =>
  /^\d+$/u.test(segment) || /^[0-9a-f-]{16,}$/iu.test(segment) || /@|%40/u.test(segment) || segment.length > 32

/** `/v4/accounts/1001/extensions/1/contacts` → `/v4/accounts/:id/extensions/:id/contacts`. */
export const routeTemplate = (url: string): string => {
  const path = URL.canParse(url) ? new URL(url).pathname : url.replace(/[?#].*$/su, "")
  return path.split("/").map((segment) => (isRecordId(segment) ? ":id" : segment)).join("/")
}

/** Wraps one call (all its attempts) in a client span named `METHOD /route/:id`. */
export const callSpan = (vendor: string, request: HttpClientRequest.HttpClientRequest) =>
<R>(
  call: Effect.Effect<HttpClientResponse.HttpClientResponse, VendorHttpError, R>
): Effect.Effect<HttpClientResponse.HttpClientResponse, VendorHttpError, R> => {
  const template = routeTemplate(request.url)
  return call.pipe(
    Effect.tap((response) =>
      Effect.annotateCurrentSpan({
        "http.response.status_code": response.status,
        "contactkit.outcome": response.status < 400 ? "ok" : `HTTP ${response.status}`
      })
    ),
    Effect.tapError((error) =>
      Effect.annotateCurrentSpan({
        "contactkit.outcome": error._tag,
        ...(error._tag === "VendorUnavailable" && error.status !== undefined
          ? { "http.response.status_code": error.status }
          : {})
      })
    ),
    Effect.withSpan(`${request.method} ${template}`, {
      kind: "client",
      attributes: {
        "contactkit.vendor": vendor,
        "http.request.method": request.method,
        "url.template": template
      }
    })
  )
}
