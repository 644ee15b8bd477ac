/**
 * A call to a mock's own API from a vendor's conformance or bench hook, outside the adapter: JSON in, JSON out,
 * and a failure — never a body read as if it were the answer — when the mock says anything but 2xx. A hook that
 * ignored the status would let a write that never happened pass as one that did.
 */
import { Effect } from "effect"

export interface MockRequest {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  /** The vendor's auth header(s) for the mock's test credential. */
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: unknown
}

/** `request` at `url`; succeeds with the parsed JSON body (`{}` when empty), fails on a non-2xx or unparseable answer. */
export const mockRequest = (url: string, request: MockRequest): Effect.Effect<Record<string, any>, Error> =>
  Effect.tryPromise({
    try: () =>
      fetch(url, {
        method: request.method,
        headers: { "content-type": "application/json", accept: "application/json", ...request.headers },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) })
      }).then((response) =>
        response.text().then((text) => {
          if (!response.ok) {
            throw new Error(`${request.method} ${url} answered ${response.status}: ${text.slice(0, 300)}`)
          }
          return (text === "" ? {} : JSON.parse(text)) as Record<string, any>
        })
      ),
    catch: (cause) => cause instanceof Error ? cause : new Error(String(cause))
  })
