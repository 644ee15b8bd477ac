/**
 * A raw HTTP/1.1 client for hostile traffic: it sends the method, path and headers exactly as given (no URL
 * normalisation, which `fetch` would apply to `..` or `%2e`), reuses connections (keep-alive, a fixed number of
 * sockets) and never fails for the transport: a connection that fails or closes without an answer is an answer with
 * status 0 (a request Node's client could not write at all is still rejected, as it was).
 *
 * It writes the bytes Node's `http.request` writes (RequestBytes.ts) and reads answers as Node's client does
 * (ReplyParser.ts) straight on `node:net` sockets: Node's client, with its agent, streams and parser per request,
 * cost 95-150 µs of CPU a request in the generated bad-input test, as much as the mock answering it; this costs
 * 50-70. A test holds both to Node's client: the same bytes sent, the same replies read.
 */
import * as Net from "node:net"
import { parseReply } from "./ReplyParser.ts"
import { bodyChunks, lastChunk, requestBytes } from "./RequestBytes.ts"

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

// A kept-alive connection idle longer than this is not reused: the mock closes idle ones after 5 s (or sooner in a
// test of its timeouts), and a request written as it closes would get no answer.
const maxIdleMs = 500

interface Connection {
  readonly socket: Net.Socket
  idleSince: number
}

export const makeRawClient = (origin: string, options: { readonly sockets?: number; readonly timeoutMs?: number }) => {
  const url = new URL(origin)
  const host = url.host
  const port = Number(url.port)
  const maxSockets = options.sockets ?? 8
  const timeoutMs = options.timeoutMs ?? 10_000
  const open = new Set<Net.Socket>()
  const idle: Array<Connection> = []
  const waiting: Array<() => void> = []

  const connect = (): Net.Socket => {
    const socket = Net.connect(port, url.hostname)
    socket.setNoDelay(true)
    open.add(socket)
    socket.on("error", () => {}) // reported by the request using it, if any
    socket.once("close", () => {
      open.delete(socket)
      const at = idle.findIndex((connection) => connection.socket === socket)
      if (at >= 0) idle.splice(at, 1)
      waiting.shift()?.()
    })
    return socket
  }

  /** A connection for the next request at once: the most recently freed one still fresh, else a new one, if any. */
  const available = (): Net.Socket | undefined => {
    for (let connection = idle.pop(); connection !== undefined; connection = idle.pop()) {
      if (performance.now() - connection.idleSince <= maxIdleMs && !connection.socket.destroyed) {
        return connection.socket
      }
      connection.socket.destroy()
    }
    return open.size < maxSockets ? connect() : undefined
  }

  /** A connection for the next request once one is freed (all are busy now). */
  const freed = (): Promise<Net.Socket> =>
    new Promise((resolve) =>
      waiting.push(() => {
        const socket = available()
        resolve(socket !== undefined ? socket : freed())
      })
    )

  const release = (socket: Net.Socket, reusable: boolean) => {
    if (!reusable) return socket.destroy() // its close lets the next waiting request in
    idle.push({ socket, idleSince: performance.now() })
    waiting.shift()?.()
  }

  const exchange = (socket: Net.Socket, request: RawRequest, bytes: Buffer, framed: boolean) =>
    new Promise<RawReply>((resolve) => {
      let received: Buffer = Buffer.alloc(0)
      let written = false
      const settle = (reply: RawReply, reusable: boolean) => {
        socket.off("data", onData)
        socket.off("close", onClose)
        socket.off("error", onError)
        socket.off("timeout", onTimeout)
        socket.setTimeout(0)
        // A connection is reused only once the whole request is on it (an early answer leaves part unsent).
        release(socket, reusable && written)
        resolve(reply)
      }
      const failed = (error: string) => settle({ status: 0, headers: {}, text: "", error }, false)
      const read = (ended: boolean) => {
        const reply = parseReply(received, request.method.toUpperCase(), ended)
        if (reply === undefined) return failed("socket hang up")
        if (reply._tag === "Whole") {
          settle({ status: reply.status, headers: reply.headers, text: reply.text }, reply.reusable)
        }
      }
      const onData = (chunk: Buffer) => {
        received = received.length === 0 ? chunk : Buffer.concat([received, chunk])
        read(false)
      }
      const onClose = () => read(true)
      const onError = (error: Error) => failed(error.message)
      const onTimeout = () => failed("timed out")
      socket.on("data", onData)
      socket.once("close", onClose)
      socket.once("error", onError)
      socket.once("timeout", onTimeout)
      socket.setTimeout(timeoutMs)
      const sent = () => (written = true)
      if (request.chunkedBytes === undefined) {
        socket.write(bytes, sent)
        return
      }
      socket.write(bytes)
      const chunks = bodyChunks(request.chunkedBytes, framed)
      let next = 0
      const pump = (): void => {
        while (next < chunks.length) {
          if (socket.destroyed) return
          if (!socket.write(chunks[next++] as Buffer)) return void socket.once("drain", pump)
        }
        socket.write(lastChunk(framed), sent)
      }
      pump()
    })

  const send = (request: RawRequest): Promise<RawReply> => {
    let written: ReturnType<typeof requestBytes>
    try {
      written = requestBytes(request, host)
    } catch (error) {
      // Rejects, as Node's client did, a request it cannot write (before taking a connection).
      return Promise.reject(error)
    }
    const { bytes, framed } = written
    // A free connection is used at once (most requests), without waiting a turn for it.
    const socket = available()
    if (socket !== undefined) return exchange(socket, request, bytes, framed)
    return freed().then((later) => exchange(later, request, bytes, framed))
  }

  const close = () => {
    for (const socket of open) socket.destroy()
  }

  return { send, close } satisfies RawClient
}
