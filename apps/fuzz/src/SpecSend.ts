/**
 * Sends one generated request as `fetch` sends it — the same header lines in the same order (a request's own
 * headers as given, then `fetch`'s defaults it did not set, then the length), a body with GET or HEAD refused,
 * redirects not followed, the answer's status and text — over `node:http` on one kept-alive connection. The fuzzing
 * sends a few thousand requests one after another, and `fetch` (undici) was 2.5 s of the worker's 17 s of CPU in a
 * profile of the whole run; this costs about half. A request that gets no answer is status 0 with the error's text
 * (Node's wording, not `fetch`'s).
 */
import { Effect } from "effect"
import { Agent, request as httpRequest } from "node:http"
import type { SpecRequest } from "./SpecRequests.ts"

export interface SpecReply {
  /** 0 when no answer came (the request could not be sent, or the connection broke). */
  readonly status: number
  readonly text: string
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 })

/** What `fetch` adds after a request's own headers, each unless the request set it (names compared in lower case). */
const fetchDefaults = (body: string | undefined): ReadonlyArray<readonly [string, string]> => [
  ...(body === undefined ? [] : [["content-type", "text/plain;charset=UTF-8"] as const]),
  ["accept", "*/*"],
  ["accept-language", "*"],
  ["sec-fetch-mode", "cors"],
  ["user-agent", "node"],
  ["accept-encoding", "gzip, deflate"]
]

/** `fetch` sends a length for a body that has one, and 0 for a POST, PUT or PATCH without one. */
const contentLength = (method: string, body: string | undefined): string | undefined => {
  const length = body === undefined ? 0 : Buffer.byteLength(body)
  return length > 0 ? String(length) : ["POST", "PUT", "PATCH"].includes(method) ? "0" : undefined
}

/** The request's header lines, as `fetch` writes them. */
const headerLines = (url: URL, request: SpecRequest): Array<string> => {
  const lines = ["host", url.host, "connection", "keep-alive"]
  const given = new Set<string>()
  for (const [name, value] of Object.entries(request.headers)) {
    lines.push(name, value)
    given.add(name.toLowerCase())
  }
  for (const [name, value] of fetchDefaults(request.body)) if (!given.has(name)) lines.push(name, value)
  const length = contentLength(request.method, request.body)
  if (length !== undefined) lines.push("content-length", length)
  return lines
}

export const send = (origin: string, request: SpecRequest): Effect.Effect<SpecReply> =>
  Effect.callback<SpecReply>((resume) => {
    const answer = (reply: SpecReply) => resume(Effect.succeed(reply))
    if (request.body !== undefined && (request.method === "GET" || request.method === "HEAD")) {
      return answer({ status: 0, text: "TypeError: Request with GET/HEAD method cannot have body." })
    }
    const url = new URL(`${origin}${request.path}`)
    const headers = headerLines(url, request)
    const outgoing = httpRequest(url, { method: request.method, headers, agent }, (incoming) => {
      let text = ""
      incoming.setEncoding("utf8")
      incoming.on("data", (chunk: string) => (text += chunk))
      incoming.on("end", () => answer({ status: incoming.statusCode ?? 0, text }))
      incoming.on("error", (error) => answer({ status: 0, text: String(error) }))
    })
    outgoing.on("error", (error) => answer({ status: 0, text: String(error) }))
    outgoing.end(request.body)
  })
