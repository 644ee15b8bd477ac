/**
 * A 2xx body read whole, once, and the response handed on answering it from memory. Why not Effect's own
 * `response.text`: for a fetch `Response` it reads `arrayBuffer()`, which joins the body's chunks and then copies
 * them into a fresh `ArrayBuffer`, and decodes that copy; reading the Web body's chunks here, joining them once and
 * decoding that gives the same text with one copy of the page fewer (listing pages are hundreds of kB, and the copy
 * was about a tenth of reading them). The text is decoded as Effect decodes it (`TextDecoder`: UTF-8, a BOM dropped,
 * bad bytes replaced), an interrupted read (a timeout) cancels the body, which aborts the request, and a body that
 * breaks off fails as it did. A response not backed by a Web `Response` (another client backend) is read through
 * `arrayBuffer` as before.
 */
import { Effect, Option } from "effect"
import { HttpClientError, HttpClientResponse } from "effect/http"

const decoder = new TextDecoder()

/** The chunks joined into one array (the one chunk itself when there is only one). */
const joined = (chunks: ReadonlyArray<Uint8Array>, length: number): Uint8Array => {
  if (chunks.length === 1) return chunks[0] ?? new Uint8Array(0)
  const bytes = new Uint8Array(length)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return bytes
}

/** Every chunk of a Web body, then the bytes joined; interrupting the read cancels the body. */
const readAll = (body: ReadableStream<Uint8Array>): Effect.Effect<Uint8Array, unknown> =>
  Effect.flatMap(Effect.try({ try: () => body.getReader(), catch: (cause) => cause }), (reader) => {
    const chunks: Array<Uint8Array> = []
    let length = 0
    const next: Effect.Effect<Uint8Array, unknown> = Effect.flatMap(
      Effect.tryPromise({ try: () => reader.read(), catch: (cause) => cause }),
      (chunk) => {
        if (chunk.done) return Effect.succeed(joined(chunks, length))
        chunks.push(chunk.value)
        length += chunk.value.length
        return next
      }
    )
    return Effect.onInterrupt(next, () => Effect.sync(() => void reader.cancel().then(undefined, () => undefined)))
  })

/** The response as read, answering `text`, `json` and `arrayBuffer` from what was read (everything else as it is). */
const answering = (
  response: HttpClientResponse.HttpClientResponse,
  bytes: Uint8Array,
  text: string
): HttpClientResponse.HttpClientResponse =>
  Object.create(response, {
    text: { get: () => Effect.succeed(text) },
    // As Effect's `json`: an empty body is null, anything else must parse.
    json: {
      get: () =>
        Effect.try({
          try: () => (text === "" ? null : JSON.parse(text)),
          catch: (cause) =>
            new HttpClientError.HttpClientError({
              reason: new HttpClientError.DecodeError({ request: response.request, response, cause })
            })
        })
    },
    arrayBuffer: { get: () => Effect.sync(() => bytes.slice().buffer) }
  }) as HttpClientResponse.HttpClientResponse

/**
 * Reads a response's body whole: the response to hand on (whose `text` is what was read), or a failure when the body
 * broke off before it was whole.
 */
export const readBodyOnce = (
  response: HttpClientResponse.HttpClientResponse
): Effect.Effect<HttpClientResponse.HttpClientResponse, unknown> =>
  Option.match(HttpClientResponse.toWeb(response), {
    onNone: () => Effect.as(response.arrayBuffer, response),
    onSome: (web) =>
      web.body === null
        ? Effect.succeed(answering(response, new Uint8Array(0), ""))
        : Effect.map(readAll(web.body), (bytes) => answering(response, bytes, decoder.decode(bytes)))
  })
