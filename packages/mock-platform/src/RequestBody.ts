/**
 * Reading a request body, with the platform's limits: at most `maxBodyBytes` (a declared `Content-Length` over it is
 * refused before reading; a chunked body is cut while it streams, never buffered in full), and JSON nested at most
 * `maxJsonDepth` deep (checked by a scan before parsing, so no parser or handler ever recurses over hostile input).
 * The platform reads the text once before dispatch (so the limit holds for every route and the request log can
 * show it); handlers then get it, or parse it, from here.
 */
import { ByteSize, Effect, Result } from "effect"
import { HttpIncomingMessage, HttpServerRequest } from "effect/http"
import { isNodeRequest, readDeclaredBody } from "./DeclaredBody.ts"
import { PlatformError } from "./PlatformFailure.ts"

/** Request bodies above this many bytes are rejected with the vendor's own 4xx. */
export const maxBodyBytes = 1024 * 1024

/** Deeper JSON is refused as malformed: PHP's `json_decode` default depth, which most vendors' servers inherit. */
export const maxJsonDepth = 512

const fail = (failure: PlatformError["failure"]) => Effect.fail(new PlatformError({ failure }))

const unreadable = () =>
  new PlatformError({ failure: { _tag: "MalformedBody", detail: "the request body could not be read" } })

/**
 * HTTP/1.1 (RFC 9112 §6.3): without `Content-Length` or `Transfer-Encoding` a request has no body; neither has one
 * whose `Content-Length` is 0.
 */
export const hasNoBody = (headers: HttpServerRequest.HttpServerRequest["headers"]): boolean => {
  const length = headers["content-length"]
  return (length === undefined || length === "0") && headers["transfer-encoding"] === undefined
}

/** `request`'s raw body text, enforcing the size limit; read once and cached by the request. */
export const bodyTextOf = (request: HttpServerRequest.HttpServerRequest): Effect.Effect<string, PlatformError> => {
  // Most requests (every GET) have no body, and skipping Node's stream for them is a large part of their cost.
  if (hasNoBody(request.headers)) return Effect.succeed("")
  const declared = Number(request.headers["content-length"] ?? "0")
  if (Number.isFinite(declared) && declared > maxBodyBytes) {
    return fail({ _tag: "BodyTooLarge", limitBytes: maxBodyBytes })
  }
  // A body of declared length is read from Node's request directly (DeclaredBody.ts); others through Effect's reader,
  // which cuts a chunked body at the limit while it streams and answers `Expect: 100-continue` before reading.
  const { expect, "transfer-encoding": encoding } = request.headers
  if (encoding === undefined && expect === undefined && isNodeRequest(request)) {
    return Effect.mapError(readDeclaredBody(request), unreadable)
  }
  return request.text.pipe(
    Effect.provideService(HttpIncomingMessage.MaxBodySize, ByteSize.bytes(maxBodyBytes)),
    Effect.mapError((error) =>
      new PlatformError({
        failure: error.reason._tag === "RequestParseError" && error.reason.reason === "BodyTooLarge"
          ? { _tag: "BodyTooLarge", limitBytes: maxBodyBytes }
          : unreadable().failure
      })
    )
  )
}

/** The raw body text of the request in context: `bodyTextOf` it. */
export const readBodyText: Effect.Effect<string, PlatformError, HttpServerRequest.HttpServerRequest> = Effect.flatMap(
  HttpServerRequest.HttpServerRequest,
  bodyTextOf
)

/** How deeply arrays and objects nest in `text` (a scan that tolerates invalid JSON; strings are skipped). */
export const jsonDepth = (text: string): number => {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 92) i++ // backslash: skip the escaped character
      else if (char === 34) inString = false
    } else if (char === 34) inString = true
    else if (char === 91 || char === 123) deepest = Math.max(deepest, ++depth)
    else if (char === 93 || char === 125) depth--
  }
  return deepest
}

/**
 * `text` parsed as JSON, or why not: not JSON (`JSON.parse`'s message), or nested deeper than `maxJsonDepth`. Only
 * the message of `JSON.parse`'s error is kept, so it is thrown without a stack trace, which cost more than the parse.
 */
export const parseJson = (text: string): Result.Result<unknown, string> => {
  if (jsonDepth(text) > maxJsonDepth) return Result.fail(`nested deeper than ${maxJsonDepth} levels`)
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return Result.succeed(JSON.parse(text) as unknown)
  } catch (error) {
    return Result.fail(error instanceof Error ? error.message : String(error))
  } finally {
    Error.stackTraceLimit = limit
  }
}

/** Whether a `Content-Type` header names JSON (`application/json` or a `+json` type, any parameters). */
export const isJsonContentType = (contentType: string | undefined): boolean => {
  const mediaType = (contentType ?? "").toLowerCase().split(";")[0]?.trim() ?? ""
  return mediaType === "application/json" || mediaType.endsWith("+json")
}

/**
 * The body parsed as JSON. An empty body counts as `{}` (some vendors declare their bodies optional); a non-empty body
 * must be sent as `application/json` (or a `+json` type).
 */
export const readJsonBody: Effect.Effect<unknown, PlatformError, HttpServerRequest.HttpServerRequest> = Effect.gen(
  function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const text = yield* readBodyText
    if (text.trim() === "") return {}
    const contentType = request.headers["content-type"]
    if (!isJsonContentType(contentType)) {
      return yield* fail({ _tag: "UnsupportedMediaType", contentType: (contentType ?? "").toLowerCase() })
    }
    const parsed = parseJson(text)
    return Result.isSuccess(parsed) ? parsed.success : yield* fail({ _tag: "MalformedBody", detail: parsed.failure })
  }
)
