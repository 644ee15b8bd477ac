/** Bytes straight onto a TCP connection, for requests no HTTP client would send, and what comes back. */
import { Effect } from "effect"
import { connect, type Socket } from "node:net"

const hostPort = (url: string) => {
  const parsed = new URL(url)
  return { host: parsed.hostname, port: Number(parsed.port) }
}

/** Opens a connection to the mock at `url`; closed when the scope ends. */
export const openSocket = (url: string) =>
  Effect.acquireRelease(
    Effect.callback<Socket>((resume) => {
      const socket = connect(hostPort(url))
      socket.on("error", () => {})
      socket.once("connect", () => resume(Effect.succeed(socket)))
    }),
    (socket) => Effect.sync(() => socket.destroy())
  )

/** Everything the server sends on `socket` until it closes the connection (or `limitMs` passes), and when. */
export const readUntilClosed = (socket: Socket, limitMs: number) =>
  Effect.callback<{ readonly text: string; readonly closed: boolean; readonly afterMs: number }>((resume) => {
    const started = performance.now()
    let text = ""
    socket.on("data", (chunk: Buffer) => (text += chunk.toString("latin1")))
    const timer = setTimeout(() => resume(Effect.succeed({ text, closed: false, afterMs: limitMs })), limitMs)
    socket.once("close", () => {
      clearTimeout(timer)
      resume(Effect.succeed({ text, closed: true, afterMs: performance.now() - started }))
    })
  })

/** Sends `bytes` on a fresh connection and answers what the server sent back before closing it. */
export const exchange = (url: string, bytes: string, limitMs = 2000) =>
  Effect.scoped(Effect.gen(function*() {
    const socket = yield* openSocket(url)
    const reply = readUntilClosed(socket, limitMs)
    socket.write(bytes)
    return yield* reply
  }))
