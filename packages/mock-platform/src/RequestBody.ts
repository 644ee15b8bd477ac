/**
 * Reading a request body as JSON, with the platform's limits. The platform reads the text once before dispatch
 * (so the 1 MB limit holds for every route and the request log can show it); handlers then parse it here.
 */
import { Effect } from "effect"
import { HttpServerRequest } from "effect/http"
import { PlatformError } from "./PlatformFailure.ts"

/** Request bodies above this many bytes are rejected with the vendor's own 4xx. */
export const maxBodyBytes = 1024 * 1024

const fail = (failure: PlatformError["failure"]) => Effect.fail(new PlatformError({ failure }))

/** The raw body text, enforcing the size limit; read once and cached by the request. */
export const readBodyText: Effect.Effect<string, PlatformError, HttpServerRequest.HttpServerRequest> = Effect.gen(
  function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const declared = Number(request.headers["content-length"] ?? "0")
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      return yield* fail({ _tag: "BodyTooLarge", limitBytes: maxBodyBytes })
    }
    const text = yield* request.text.pipe(
      Effect.mapError(() => new PlatformError({ failure: { _tag: "BodyTooLarge", limitBytes: maxBodyBytes } }))
    )
    if (Buffer.byteLength(text, "utf8") > maxBodyBytes) {
      return yield* fail({ _tag: "BodyTooLarge", limitBytes: maxBodyBytes })
    }
    return text
  }
)

/**
 * The body parsed as JSON. An empty body counts as `{}` (some vendors declare their bodies optional); a non-empty body
 * must be sent as `application/json` (or a `+json` type).
 */
export const readJsonBody: Effect.Effect<unknown, PlatformError, HttpServerRequest.HttpServerRequest> = Effect.gen(
  function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const text = yield* readBodyText
    if (text.trim() === "") return {}
    const contentType = (request.headers["content-type"] ?? "").toLowerCase()
    const mediaType = contentType.split(";")[0]?.trim() ?? ""
    if (mediaType !== "application/json" && !mediaType.endsWith("+json")) {
      return yield* fail({ _tag: "UnsupportedMediaType", contentType })
    }
    return yield* Effect.try({
      try: () => JSON.parse(text) as unknown,
      catch: (error) =>
        new PlatformError({
          failure: { _tag: "MalformedBody", detail: error instanceof Error ? error.message : String(error) }
        })
    })
  }
)
