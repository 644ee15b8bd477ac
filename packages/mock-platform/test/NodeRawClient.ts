/**
 * The raw client as it was written on Node's `http.request` and a keep-alive agent, kept as the reference the
 * socket-level client (src/testing/RawClient.ts) is held to in RawClient.test.ts: the same bytes sent, the same
 * replies read.
 */
import * as Http from "node:http"
import type { RawClient, RawReply, RawRequest } from "../src/testing/RawClient.ts"

export const makeNodeRawClient = (
  origin: string,
  options: { readonly sockets?: number; readonly timeoutMs?: number }
) => {
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
