/**
 * The limits every mock's HTTP server holds against hostile or broken clients, so an idle flood or slow bodies are
 * cut while ordinary traffic (keep-alive clients, 100 concurrent connections, 1 MB bodies) is served:
 *
 * | limit                 | default | what it cuts                                                                |
 * | --------------------- | ------- | --------------------------------------------------------------------------- |
 * | `headersTimeoutMs`    | 10 s    | a connection that has not sent complete headers (idle sockets, slowloris)   |
 * | `requestTimeoutMs`    | 30 s    | a request whose body has not fully arrived (slow bodies); 1 MB at 35 kB/s   |
 * | `keepAliveTimeoutMs`  | 5 s     | a kept-alive connection with no new request (above undici's 4 s client idle) |
 * | `maxConnections`      | 1,000   | connections beyond this are closed at once, so file descriptors stay bounded |
 * | `checkIntervalMs`     | 1 s     | how often Node checks the two timeouts above (its default is 30 s)          |
 *
 * The answer itself has no time limit (a `latency` fault may take 60 s): only receiving the request is timed. On
 * expiry Node answers 408 and closes the connection.
 */
import type * as Http from "node:http"
import { createServer } from "node:http"

export interface ConnectionLimits {
  readonly headersTimeoutMs: number
  readonly requestTimeoutMs: number
  readonly keepAliveTimeoutMs: number
  readonly maxConnections: number
  readonly checkIntervalMs: number
}

export const defaultConnectionLimits: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
  checkIntervalMs: 1_000
}

/** A Node HTTP server holding `limits` (a partial set overrides the defaults, e.g. short ones in tests). */
export const limitedServer = (limits: Partial<ConnectionLimits> = {}): Http.Server => {
  const chosen = { ...defaultConnectionLimits, ...limits }
  const server = createServer({
    // Node requires headersTimeout <= requestTimeout when both are set.
    headersTimeout: Math.min(chosen.headersTimeoutMs, chosen.requestTimeoutMs),
    requestTimeout: chosen.requestTimeoutMs,
    keepAliveTimeout: chosen.keepAliveTimeoutMs,
    connectionsCheckingInterval: chosen.checkIntervalMs
  })
  server.maxConnections = chosen.maxConnections
  return server
}
