/**
 * A raw HTTP/1.1 client for hostile traffic: it sends the method, path and headers exactly as given (no URL
 * normalisation, which `fetch` would apply to `..` or `%2e`), reuses connections (keep-alive, a fixed number of
 * sockets) and never throws: a transport failure is an answer with status 0.
 */
import * as Http from "node:http"

export interface RawRequest {
  readonly method: string
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  /** Sent with a Content-Length. */
  readonly body?: string | undefined
  /** Sent as a chunked body of this many bytes (no Content-Length), in 64 kB chunks. */
  readonly chunkedBytes?: number
}

export interface RawReply {
  /** 0 when the connection failed or was closed without an answer. */
  readonly status: number
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  readonly text: string
  readonly error?: string
}

export interface RawClient {
  readonly send: (request: RawRequest) => Promise<RawReply>
  readonly close: () => void
}

export const makeRawClient = (origin: string, options: { readonly sockets?: number; readonly timeoutMs?: number }) => {
  const url = new URL(origin)
  const agent = new Http.Agent({ keepAlive: true, maxSockets: options.sockets ?? 8 })
  const send = (request: RawRequest) =>
    new Promise<RawReply>((resolve) => {
      let settled = false
      const done = (reply: RawReply) => {
        if (!settled) resolve(reply)
        settled = true
      }
      const headers: Record<string, string> = { ...request.headers }
      if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body))
      const outgoing = Http.request({
        agent,
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers,
        timeout: options.timeoutMs ?? 10_000
      }, (response) => {
        const chunks: Array<Buffer> = []
        response.on("data", (chunk: Buffer) => chunks.push(chunk))
        response.on("end", () =>
          done({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString("utf8")
          }))
        response.on("error", (error) => done({ status: 0, headers: {}, text: "", error: error.message }))
      })
      outgoing.on("timeout", () => outgoing.destroy(new Error("timed out")))
      outgoing.on("error", (error) => done({ status: 0, headers: {}, text: "", error: error.message }))
      if (request.chunkedBytes !== undefined) {
        const chunk = Buffer.alloc(64 * 1024, 0x5b) // "["
        let sent = 0
        const pump = () => {
          while (sent < (request.chunkedBytes ?? 0)) {
            sent += chunk.length
            if (!outgoing.write(chunk)) return outgoing.once("drain", pump)
          }
          outgoing.end()
        }
        pump()
      } else {
        outgoing.end(request.body)
      }
    })
  return { send, close: () => agent.destroy() } satisfies RawClient
}
