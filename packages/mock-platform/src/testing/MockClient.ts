/**
 * Test helpers for mock tests: plain `fetch` against the embedded mock (the `MockServer` in context), so tests see
 * exactly what a client on the wire sees. `token` is sent as `Authorization: Bearer …`; vendors with another
 * scheme pass their own `headers`.
 */
import { assert } from "@effect/vitest"
import { Effect } from "effect"
import { MockServer } from "../MockServer.ts"
import { makeRawClient, type RawRequest } from "./RawClient.ts"

export interface Reply {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  readonly json: any
}

export interface CallOptions {
  readonly token?: string
  /** A value is sent as JSON; a string is sent as is. */
  readonly body?: unknown
  readonly headers?: Record<string, string>
}

const parse = (text: string): unknown => {
  try {
    return text === "" ? undefined : JSON.parse(text)
  } catch {
    return undefined
  }
}

export const call = (method: string, path: string, options: CallOptions = {}) =>
  Effect.gen(function*() {
    const server = yield* MockServer
    const headers: Record<string, string> = { ...options.headers }
    if (options.token !== undefined) headers["authorization"] = `Bearer ${options.token}`
    let body: string | undefined
    if (options.body !== undefined) {
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body)
      headers["content-type"] ??= "application/json"
    }
    const response = yield* Effect.promise(() =>
      fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) })
    )
    const text = yield* Effect.promise(() => response.text())
    return { status: response.status, headers: response.headers, text, json: parse(text) } as Reply
  })

/**
 * A request sent exactly as given, through `RawClient` (for what `fetch` refuses or rewrites: unknown methods such as
 * `FOO`, `//__admin`, `..`, `%2e`), and its answer; status 0 when the connection failed.
 */
export const rawCall = (request: RawRequest) =>
  Effect.gen(function*() {
    const server = yield* MockServer
    const client = makeRawClient(server.url, { sockets: 1 })
    const reply = yield* Effect.promise(() => client.send(request)).pipe(Effect.ensuring(Effect.sync(client.close)))
    return { ...reply, json: parse(reply.text) as any }
  })

export const admin = (method: string, path: string, body?: unknown) =>
  call(method, `/__admin${path}`, body === undefined ? {} : { body })

/** Whether a fetch fails at the transport level (dropped or cut connection). */
export const transportFails = (method: string, path: string, headers: Record<string, string>) =>
  Effect.gen(function*() {
    const server = yield* MockServer
    return yield* Effect.promise(() =>
      fetch(`${server.url}${path}`, { method, headers })
        .then((response) => response.text())
        .then(() => false, () => true)
    )
  })

/** Asserts that none of `secrets` shows in any reply (body or headers) or in the mock's request log. */
export const assertNothingEchoes = (replies: ReadonlyArray<Reply>, secrets: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const log = yield* admin("GET", "/requests")
    for (const secret of secrets) {
      for (const reply of replies) {
        assert.isAtLeast(reply.status, 400)
        assert.notInclude(reply.text, secret)
        assert.notInclude(JSON.stringify([...reply.headers]), secret)
      }
      assert.notInclude(log.text, secret)
    }
  })
