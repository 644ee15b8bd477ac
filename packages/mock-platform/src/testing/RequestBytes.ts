/**
 * A raw request as bytes on the wire, exactly as Node's `http.request` (with a keep-alive agent) writes the same
 * request: the request line, the request's headers in their order, then `Host`, `Connection: keep-alive` and the
 * framing Node adds when the request names none (`Content-Length: 0` for a bodiless request of a method that may
 * carry one, `Transfer-Encoding: chunked` for a chunked body). Node refuses what it cannot send (an invalid method,
 * header or unescaped path) by throwing, and so does this. RawClient.ts writes these bytes itself, because Node's
 * client cost as much CPU per request as the mock answering it (a test checks the bytes are Node's).
 */
import { validateHeaderName, validateHeaderValue } from "node:http"
import type { RawRequest } from "./RawClient.ts"

/** A chunked body is sent in chunks of this many bytes. */
export const chunkBytes = 64 * 1024

// Methods for which Node does not frame a body of its own (`useChunkedEncodingByDefault` false).
const unframedMethods = new Set(["GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT"])

const token = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/u
const unescapedPath = /[^\u0021-\u00ff]/u

/** The request's headers as Node's client sends them: its own, with the body's `content-length` set. */
const headersOf = (request: RawRequest): Record<string, string> => {
  const headers: Record<string, string> = { ...request.headers }
  if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body))
  return headers
}

export interface RequestHead {
  /** The request line and headers, up to and including the empty line (Latin-1 text, as Node writes it). */
  readonly head: string
  /** Whether a chunked body is framed as chunks (else Node writes its bytes as they are). */
  readonly framed: boolean
}

/** The head of `request` to `host` (`127.0.0.1:4010`); throws what Node's client throws for it. */
export const requestHead = (request: RawRequest, host: string): RequestHead => {
  if (!token.test(request.method)) throw new TypeError(`Method must be a valid HTTP token ["${request.method}"]`)
  if (unescapedPath.test(request.path)) throw new TypeError("Request path contains unescaped characters")
  const method = request.method.toUpperCase()
  const headers = headersOf(request)
  const named = new Set<string>()
  let head = `${method} ${request.path} HTTP/1.1\r\n`
  for (const [name, value] of Object.entries(headers)) {
    validateHeaderName(name)
    validateHeaderValue(name, value)
    named.add(name.toLowerCase())
    head += `${name}: ${value}\r\n`
  }
  if (!named.has("host")) head += `Host: ${host}\r\n`
  if (!named.has("connection")) head += "Connection: keep-alive\r\n"
  const unframed = unframedMethods.has(method)
  if (!named.has("content-length") && !named.has("transfer-encoding") && !unframed) {
    head += request.chunkedBytes === undefined ? "Content-Length: 0\r\n" : "Transfer-Encoding: chunked\r\n"
  }
  const framed = !unframed && !named.has("content-length") && !named.has("transfer-encoding")
  return { head: `${head}\r\n`, framed }
}

const chunk = Buffer.alloc(chunkBytes, 0x5b) // "["
const framedChunk = Buffer.concat([Buffer.from(`${chunkBytes.toString(16)}\r\n`), chunk, Buffer.from("\r\n")])

/** The bytes of a chunked body of `bytes` bytes (whole chunks, as RawClient.ts has always sent it), one chunk each. */
export const bodyChunks = (bytes: number, framed: boolean): ReadonlyArray<Buffer> => {
  const chunks: Array<Buffer> = []
  for (let sent = 0; sent < bytes; sent += chunkBytes) chunks.push(framed ? framedChunk : chunk)
  return chunks
}

/** The end of a chunked body. */
export const lastChunk = (framed: boolean): Buffer => Buffer.from(framed ? "0\r\n\r\n" : "")

/** The head and a `Content-Length` body (or none) as one buffer: the head in Latin-1, the body in UTF-8. */
export const requestBytes = (
  request: RawRequest,
  host: string
): { readonly bytes: Buffer; readonly framed: boolean } => {
  const { framed, head } = requestHead(request, host)
  const bytes = request.body === undefined || request.body === ""
    ? Buffer.from(head, "latin1")
    : Buffer.concat([Buffer.from(head, "latin1"), Buffer.from(request.body, "utf8")])
  return { bytes, framed }
}
