/**
 * The answers of the faults that corrupt the transport rather than the status: a body cut in half with the
 * connection closed (`truncated`), no answer at all (`drop`), and a complete answer whose JSON is broken
 * (`malformed`). They write to Node's response directly, because Effect's response writer only sends whole answers.
 */
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import { Effect } from "effect"
import type { HttpServerRequest } from "effect/http"
import { HttpServerResponse } from "effect/http"
import type * as Http from "node:http"

const bodyBytes = (response: HttpServerResponse.HttpServerResponse): Uint8Array =>
  response.body._tag === "Uint8Array" ? response.body.body : new Uint8Array()

export const rawResponse = (request: HttpServerRequest.HttpServerRequest) =>
  NodeHttpServerRequest.toServerResponse(request) as Http.ServerResponse

/** Sends the status line and half of the body, announcing all of it, then cuts the connection. */
export const truncate = (
  request: HttpServerRequest.HttpServerRequest,
  response: HttpServerResponse.HttpServerResponse
) =>
  Effect.callback<void>((resume) => {
    const raw = rawResponse(request)
    const bytes = bodyBytes(response)
    raw.writeHead(response.status, { "content-type": "application/json", "content-length": String(bytes.length) })
    raw.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
      raw.destroy()
      resume(Effect.void)
    })
  })

export const drop = (request: HttpServerRequest.HttpServerRequest) => Effect.sync(() => rawResponse(request).destroy())

/** A complete answer whose body is not JSON although it says so: half the real body followed by garbage. */
export const malform = (response: HttpServerResponse.HttpServerResponse) => {
  const text = new TextDecoder().decode(bodyBytes(response))
  return HttpServerResponse.text(`${text.slice(0, Math.floor(text.length / 2))}<<malformed>>`, {
    status: response.status,
    contentType: "application/json"
  })
}
