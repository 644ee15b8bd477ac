/**
 * The referee, checked against a real Prism: `prism proxy --errors` in front of a tiny node:http upstream that
 * answers one route as the contract says and one as it forbids. The violation matcher must report the forbidden
 * answer and an invalid request, and nothing for the valid exchange; the line splitter must read a log line
 * whole however the chunks cut it.
 */
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect } from "effect"
import fc from "fast-check"
import { createServer } from "node:http"
import { fileURLToPath } from "node:url"
import { lineSplitter } from "../src/LineSplitter.ts"
import { prismProxy } from "../src/Prism.ts"

const spec = fileURLToPath(new URL("fixtures/things.openapi.yaml", import.meta.url))

/** The upstream: `/things/good` as the contract says, `/things/bad` with a numeric id and no name. */
const upstream = Effect.acquireRelease(
  Effect.callback<{ readonly url: string; readonly requests: Array<string>; readonly close: () => void }>((resume) => {
    const requests: Array<string> = []
    const server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`)
      const body = request.url === "/things/good" ? { id: "1", name: "good" } : { id: 7 }
      response.writeHead(request.method === "POST" ? 201 : 200, { "content-type": "application/json" })
      response.end(JSON.stringify(body))
    })
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      resume(Effect.succeed({ url: `http://127.0.0.1:${port}`, requests, close: () => server.close() }))
    })
  }),
  (upstream) => Effect.sync(upstream.close)
)

/** How long Prism may take to log what it has already answered (a missed violation fails here, not at 60 s). */
const logged = Duration.seconds(10)

const send = (url: string, init?: RequestInit) => Effect.promise(() => fetch(url, init).then((r) => r.status))

describe("prismProxy against a real Prism", () => {
  it.effect(
    "reports a response the contract forbids and a request it refuses, and nothing for a valid exchange",
    () =>
      Effect.gen(function*() {
        const server = yield* upstream
        const prism = yield* prismProxy({ spec, upstream: server.url })

        assert.strictEqual(yield* send(`${prism.url}/things/good`), 200)
        assert.deepStrictEqual(yield* prism.violations, [])

        // The upstream answers 200 with `{"id": 7}`: a number where the contract says string, and no name.
        assert.strictEqual(yield* send(`${prism.url}/things/bad`), 500)
        const afterResponse = yield* prism.atLeast(1).pipe(Effect.timeout(logged))
        assert.strictEqual(
          afterResponse.length,
          1,
          `only the bad answer is a violation: ${JSON.stringify(afterResponse)}`
        )
        assert.include(afterResponse[0], "get /things/bad")
        assert.include(afterResponse[0], "VIOLATIONS")

        // A body without the required name: Prism answers 422 itself and never forwards it.
        const status = yield* send(`${prism.url}/things`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ title: "no name" })
        })
        assert.strictEqual(status, 422)
        const afterRequest = yield* prism.atLeast(2).pipe(Effect.timeout(logged))
        assert.strictEqual(afterRequest.length, 2, JSON.stringify(afterRequest))
        assert.include(afterRequest[1], "post /things")
        assert.include(afterRequest[1], "UNPROCESSABLE_ENTITY")
        assert.notInclude(server.requests, "POST /things")
      }),
    60_000
  )
})

describe("lineSplitter", () => {
  const line = fc.string({ unit: fc.constantFrom("a", "é", "✖", " ", ":", "#"), maxLength: 40 })

  it("yields exactly the lines written, however the text is cut into chunks", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 10 }), (lines, cuts) => {
        const text = lines.map((l) => `${l}\n`).join("")
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
        const seen: Array<string> = []
        const splitter = lineSplitter((l) => seen.push(l))
        let from = 0
        for (const cut of [...at, text.length]) {
          splitter.push(text.slice(from, cut))
          from = cut
        }
        splitter.end()
        assert.deepStrictEqual(seen, lines)
      })
    )
  })

  it("holds a line cut across two chunks until its end arrives", () => {
    const seen: Array<string> = []
    const splitter = lineSplitter((l) => seen.push(l))
    splitter.push("[HTTP SERVER] get /contacts ✖  error     Request termi")
    assert.deepStrictEqual(seen, [])
    splitter.push("nated with error: https://stoplight.io/prism/errors#VIOLATIONS\r\nnext")
    assert.deepStrictEqual(seen, [
      "[HTTP SERVER] get /contacts ✖  error     Request terminated with error: https://stoplight.io/prism/errors#VIOLATIONS"
    ])
    splitter.end()
    assert.deepStrictEqual(seen.at(-1), "next")
  })
})
