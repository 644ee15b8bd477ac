/**
 * The referee, checked against a real Prism: `prism proxy --errors` in front of a tiny node:http upstream that
 * answers one route as the contract says, one as it forbids and one with a status it never declares. The violation
 * matcher must report the forbidden answer, the undeclared status and every request Prism refuses, and nothing for
 * the valid exchange. The in-process referee (what the harnesses use) must answer and report exactly what the
 * command line does, exchange by exchange. The line splitter must read a log line whole however the chunks cut it.
 */
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, type Scope } from "effect"
import fc from "fast-check"
import { createServer } from "node:http"
import { fileURLToPath } from "node:url"
import { lineSplitter } from "../src/LineSplitter.ts"
import { type PrismProxy, prismProxy } from "../src/Prism.ts"
import { prismInProcess } from "../src/PrismInProcess.ts"

const spec = fileURLToPath(new URL("fixtures/things.openapi.yaml", import.meta.url))

/** The upstream: `/things/good` as the contract says, `/things/teapot` 418, anything else `{"id": 7}` (no name). */
const upstream = Effect.acquireRelease(
  Effect.callback<{ readonly url: string; readonly requests: Array<string>; readonly close: () => void }>((resume) => {
    const requests: Array<string> = []
    const server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`)
      const body = request.url === "/things/good" ? { id: "1", name: "good" } : { id: 7 }
      const status = request.url === "/things/teapot" ? 418 : request.method === "POST" ? 201 : 200
      response.writeHead(status, { "content-type": "application/json" })
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

/** Each exchange, with the status Prism must answer and a part of the one violation line it must add, if any. */
const exchanges: ReadonlyArray<{
  readonly path: string
  readonly init?: RequestInit
  readonly status: number
  readonly reports?: ReadonlyArray<string>
}> = [
  { path: "/things/good", status: 200 },
  // `{"id": 7}` with 200: a number where the contract says string, and no name.
  { path: "/things/bad", status: 500, reports: ["get /things/bad", "VIOLATIONS"] },
  // A body without the required name: Prism answers 422 itself and never forwards it.
  {
    path: "/things",
    init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "x" }) },
    status: 422,
    reports: ["post /things", "UNPROCESSABLE_ENTITY"]
  },
  // A status the document does not declare is passed on, with a warning.
  { path: "/things/teapot", status: 418, reports: ["warning", "Violation: response"] },
  { path: "/nope", status: 404, reports: ["get /nope", "NO_PATH_MATCHED_ERROR"] },
  { path: "/things/good", init: { method: "DELETE" }, status: 405, reports: ["NO_METHOD_MATCHED_ERROR"] }
]

interface Transcript {
  readonly statuses: ReadonlyArray<number>
  readonly bodies: ReadonlyArray<string>
  /** The violations the referee had reported once each answer had come (and its line been logged). */
  readonly reported: ReadonlyArray<ReadonlyArray<string>>
  readonly forwarded: ReadonlyArray<string>
}

type Referee = (options: { readonly spec: string; readonly upstream: string }) => Effect.Effect<
  PrismProxy,
  Error,
  Scope.Scope
>

const transcript = (referee: Referee) =>
  Effect.scoped(Effect.gen(function*() {
    const server = yield* upstream
    const prism = yield* referee({ spec, upstream: server.url })
    const statuses: Array<number> = []
    const bodies: Array<string> = []
    const reported: Array<ReadonlyArray<string>> = []
    let expected = 0
    for (const exchange of exchanges) {
      const reply = yield* Effect.promise(() =>
        fetch(`${prism.url}${exchange.path}`, exchange.init).then(async (r) => ({
          status: r.status,
          text: await r.text()
        }))
      )
      statuses.push(reply.status)
      bodies.push(reply.text)
      if (exchange.reports !== undefined) expected++
      reported.push(yield* (expected === 0 ? prism.violations : prism.atLeast(expected).pipe(Effect.timeout(logged))))
    }
    return { statuses, bodies, reported, forwarded: [...server.requests] } satisfies Transcript
  }))

/** What every referee must have answered and reported: written out above, exchange by exchange. */
const assertJudged = (name: string, run: Transcript) => {
  assert.deepStrictEqual(run.statuses, exchanges.map((e) => e.status), `${name}: statuses`)
  let count = 0
  exchanges.forEach((exchange, i) => {
    const seen = run.reported[i] ?? []
    if (exchange.reports !== undefined) count++
    assert.strictEqual(seen.length, count, `${name}, ${exchange.path}: ${JSON.stringify(seen)}`)
    for (const part of exchange.reports ?? []) assert.include(seen[count - 1], part, `${name}, ${exchange.path}`)
  })
  assert.notInclude(run.forwarded, "POST /things", `${name}: forwarded a request it refused`)
}

/** A command-line log line without its time stamp, indent and badge: how the in-process referee writes it. */
const undecorated = (line: string) =>
  line.replace(/^\[[^\]]*\] › /u, "").replace(/ +[^\x20-\x7e] +/u, " ").replace(/\s+/gu, " ").trim()

describe("the referee against a real Prism", () => {
  it.live(
    "prism proxy --errors and the in-process referee report a forbidden response, an undeclared status and every refused request, nothing for a valid exchange, and answer and report alike",
    () =>
      Effect.gen(function*() {
        const cli = yield* transcript(prismProxy)
        const inProcess = yield* transcript(prismInProcess)
        assertJudged("prism proxy", cli)
        assertJudged("in process", inProcess)
        assert.deepStrictEqual(inProcess.statuses, cli.statuses)
        assert.deepStrictEqual(inProcess.bodies, cli.bodies)
        assert.deepStrictEqual(inProcess.forwarded, cli.forwarded)
        assert.deepStrictEqual(inProcess.reported, cli.reported.map((lines) => lines.map(undecorated)))
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
