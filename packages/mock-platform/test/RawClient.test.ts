/**
 * The raw client (src/testing/RawClient.ts) writes requests and reads answers itself on `node:net` sockets; these
 * tests hold it to the client it replaced, Node's `http.request` (NodeRawClient.ts): for generated bad requests of
 * every category and credential form, the same bytes reach the server; for generated answers (any status, repeated
 * and blank-padded headers, any UTF-8 body, framed by length, by chunks or by the connection's end, in any pieces,
 * after a 100 Continue) both read the same reply; against a mock under generated bad input both get the same answers;
 * and both refuse what Node cannot send.
 */
import { assert, describe, it } from "@effect/vitest"
import { Context, Effect, Layer } from "effect"
import * as fc from "fast-check"
import * as Net from "node:net"
import { layer as mockLayer, maxBodyBytes, MockServer } from "../src/index.ts"
import { type BadRequest, categories, generate, type GeneratorContext } from "../src/testing/BadRequests.ts"
import { makePrng, makeRawClient, type RawClient, type RawReply, type RawRequest } from "../src/testing/index.ts"
import { acme, tokenA, tokenB } from "./AcmeVendor.ts"
import { makeNodeRawClient } from "./NodeRawClient.ts"

/** Routes in the shape of a vendor's, with bodies to break. */
const anyRoutes = [
  { method: "GET", path: "/api/items?limit=5" },
  { method: "POST", path: "/api/items", body: { name: "Anvil", tags: ["a", "b"] }, openToOtherTenant: true },
  { method: "GET", path: "/api/items/1" },
  { method: "PUT", path: "/api/items/1", body: { name: "Heavier anvil", size: { kg: 20 } } },
  { method: "PATCH", path: "/api/items/1", body: { name: "Lighter" } },
  { method: "DELETE", path: "/api/items/2" }
]

/** The routes of the platform's test vendor (AcmeVendor.ts), which no bad request may change. */
const acmeRoutes = [
  { method: "GET", path: "/api/items" },
  { method: "POST", path: "/api/items", body: { name: "Anvil" }, openToOtherTenant: true },
  { method: "GET", path: "/api/items/1" },
  { method: "PUT", path: "/api/items/1", body: { name: "Heavier anvil" } },
  { method: "DELETE", path: "/api/items/2" }
]

/**
 * Generated bad requests of every category; with `everyWay` the tenants are presented every way a vendor may take
 * them (headers, query, form, Basic) and bodies are forms half the time.
 */
const badRequests = (
  routes: GeneratorContext["routes"],
  count: number,
  seed: number,
  bodyLimit: number,
  everyWay: boolean
): ReadonlyArray<BadRequest> => {
  const prng = makePrng(seed)
  const otherAuth = [
    (secret: string) => ({ query: { api_key: secret } }),
    (secret: string) => ({ form: { api_key: secret } }),
    (secret: string) => ({ headers: { authorization: `Basic ${Buffer.from(`${secret}:`).toString("base64")}` } })
  ]
  const tenant = (token: string) => ({
    headers: { authorization: `Bearer ${token}` },
    secret: token,
    ...(everyWay ? { otherAuth } : {})
  })
  const context: GeneratorContext = {
    routes,
    tenants: [tenant(tokenA), tenant(tokenB)],
    foreignContentTypes: ["text/plain", "application/xml", undefined],
    allowedMethods: (path) => routes.filter((route) => route.path === path).map((route) => route.method),
    caseInsensitivePaths: false,
    maxBodyBytes: bodyLimit,
    formBodies: everyWay
  }
  return Array.from({ length: count }, (_, i) => generate(categories[i % categories.length]!, context, prng))
}

/** Where one request ends in `bytes` (its head, then a Content-Length or chunked body), or -1 if not yet. */
const requestEnd = (bytes: Buffer): number => {
  const headEnd = bytes.indexOf("\r\n\r\n")
  if (headEnd < 0) return -1
  const head = bytes.toString("latin1", 0, headEnd)
  const length = /\r\ncontent-length: (\d+)/iu.exec(head)
  if (/\r\ntransfer-encoding: chunked/iu.test(head)) {
    const last = bytes.indexOf("\r\n0\r\n\r\n", headEnd)
    return last < 0 ? -1 : last + 7
  }
  const end = headEnd + 4 + Number(length?.[1] ?? "0")
  return bytes.length >= end ? end : -1
}

/** A server that keeps the bytes of every request it receives and answers each with an empty 204. */
const captureServer = Effect.acquireRelease(
  Effect.callback<{ readonly port: number; readonly seen: Array<Buffer>; readonly server: Net.Server }>((resume) => {
    const seen: Array<Buffer> = []
    const server = Net.createServer((socket) => {
      let pending = Buffer.alloc(0)
      socket.on("error", () => {})
      socket.on("data", (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk])
        for (let end = requestEnd(pending); end >= 0; end = requestEnd(pending)) {
          seen.push(pending.subarray(0, end))
          pending = pending.subarray(end)
          socket.write("HTTP/1.1 204 No Content\r\n\r\n")
        }
      })
    })
    server.listen(
      0,
      "127.0.0.1",
      () => resume(Effect.succeed({ port: (server.address() as Net.AddressInfo).port, seen, server }))
    )
  }),
  ({ server }) => Effect.sync(() => server.close())
)

const both = (url: string): readonly [RawClient, RawClient] => [
  makeNodeRawClient(url, { sockets: 1 }),
  makeRawClient(url, { sockets: 1 })
]

const send = (client: RawClient, request: RawRequest) => Effect.promise(() => client.send(request))

/** One generated answer: its bytes, in the pieces the server writes them, and whether the server then closes. */
interface Script {
  readonly pieces: ReadonlyArray<Buffer>
  readonly close: boolean
}

const headerLine = fc.tuple(
  fc.constantFrom("Set-Cookie", "set-cookie", "Cookie", "X-Trace", "x-trace", "Content-Type", "Vary", "Allow", "ETag"),
  fc.constantFrom("", " ", "  ", "\t"),
  fc.stringMatching(/^[!-~]([ !-~]{0,20}[!-~])?$/u),
  fc.constantFrom("", " ", "\t")
).map(([name, before, value, after]) => `${name}:${before}${value}${after}\r\n`)

const splitAt = (bytes: Buffer, cuts: ReadonlyArray<number>): ReadonlyArray<Buffer> => {
  const offsets = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b)
  return [...offsets, bytes.length].map((end, i) => bytes.subarray(i === 0 ? 0 : offsets[i - 1], end))
    .filter((piece) => piece.length > 0)
}

const answers: fc.Arbitrary<Script> = fc.record({
  status: fc.constantFrom(200, 201, 204, 304, 400, 404, 405, 422, 500, 503),
  informational: fc.boolean(),
  headers: fc.array(headerLine, { maxLength: 8 }),
  body: fc.string({ unit: "binary", maxLength: 80 }),
  framing: fc.constantFrom("length", "chunked", "close"),
  chunkSizes: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 6 }),
  cuts: fc.array(fc.nat(), { maxLength: 5 })
}).map(({ body, chunkSizes, cuts, framing, headers, informational, status }) => {
  const bodiless = status === 204 || status === 304
  const bytes = Buffer.from(bodiless ? "" : body, "utf8")
  let framed = bytes
  let framingHeader = framing === "length" ? `Content-Length: ${bytes.length}\r\n` : ""
  if (framing === "chunked" && !bodiless) {
    framingHeader = "Transfer-Encoding: chunked\r\n"
    const chunks: Array<Buffer> = []
    for (let at = 0, i = 0; at < bytes.length; i++) {
      const size = chunkSizes[i % chunkSizes.length]!
      const chunk = bytes.subarray(at, at + size)
      chunks.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n"))
      at += size
    }
    framed = Buffer.concat([...chunks, Buffer.from("0\r\n\r\n")])
  }
  const head = `${informational ? "HTTP/1.1 100 Continue\r\n\r\n" : ""}HTTP/1.1 ${status} Whatever\r\n` +
    `${headers.join("")}${framingHeader}${framing === "close" ? "Connection: close\r\n" : ""}\r\n`
  return { pieces: splitAt(Buffer.concat([Buffer.from(head, "latin1"), framed]), cuts), close: framing === "close" }
})

/** A server answering every request with `script`, a piece per turn of the event loop. */
const scriptedServer = (script: Script) =>
  Effect.acquireRelease(
    Effect.callback<{ readonly port: number; readonly server: Net.Server }>((resume) => {
      const server = Net.createServer((socket) => {
        let pending = Buffer.alloc(0)
        socket.setNoDelay(true) // each piece its own segment, without waiting for the last one's acknowledgement
        socket.on("error", () => {})
        socket.on("data", (chunk: Buffer) => {
          pending = Buffer.concat([pending, chunk])
          const end = requestEnd(pending)
          if (end < 0) return
          pending = pending.subarray(end)
          const write = (i: number): void => {
            if (i === script.pieces.length) return void (script.close ? socket.end() : undefined)
            socket.write(script.pieces[i]!, () => setImmediate(() => write(i + 1)))
          }
          write(0)
        })
      })
      server.listen(0, "127.0.0.1", () =>
        resume(Effect.succeed({ port: (server.address() as Net.AddressInfo).port, server })))
    }),
    ({ server }) =>
      Effect.sync(() =>
        server.close()
      )
  )

/** What a reply says, without the transport error's wording (each client words its own). */
const said = (reply: RawReply) => ({ status: reply.status, headers: reply.headers, text: reply.text })

describe("RawClient", () => {
  it.effect("reads every generated answer as Node's client reads it", () =>
    Effect.promise(() =>
      fc.assert(fc.asyncProperty(answers, (script) =>
        Effect.runPromise(Effect.scoped(Effect.gen(function*() {
          const { port } = yield* scriptedServer(script)
          const [node, raw] = both(`http://127.0.0.1:${port}`)
          const request = { method: "GET", path: "/", headers: {} }
          // Twice each: a kept-alive connection must read its second answer as its first.
          const viaNode = [yield* send(node, request), yield* send(node, request)]
          const viaRaw = [yield* send(raw, request), yield* send(raw, request)]
          node.close()
          raw.close()
          assert.deepStrictEqual(viaRaw.map(said), viaNode.map(said))
        })))))
    ))

  it.effect("sends the bytes Node's client sends, for every category of generated bad request", () =>
    Effect.scoped(Effect.gen(function*() {
      const { port, seen } = yield* captureServer
      const [node, raw] = both(`http://127.0.0.1:${port}`)
      // A small body limit keeps the oversized requests (Content-Length and chunked) small.
      const requests = [
        ...badRequests(anyRoutes, 330, 20261202, 2_000, true),
        { method: "POST", path: "/api/items", headers: {}, body: "" },
        { method: "post", path: "/api/items", headers: { host: "example.org", connection: "close" }, body: "é" },
        { method: "PUT", path: "/api/items/1", headers: {}, chunkedBytes: 3 * 64 * 1024 + 1 }
      ]
      for (const request of requests) {
        const before = seen.length
        const viaNode = yield* send(node, request)
        const viaRaw = yield* send(raw, request)
        assert.strictEqual(seen.length, before + 2, `${request.method} ${request.path}`)
        assert.strictEqual(seen[before + 1]!.toString("latin1"), seen[before]!.toString("latin1"))
        assert.deepStrictEqual([viaRaw.status, viaNode.status], [204, 204])
      }
      node.close()
      raw.close()
    })))

  it.effect("gets the answers Node's client gets from a mock under generated bad input", () =>
    Effect.gen(function*() {
      const context = yield* Layer.build(mockLayer(acme, { port: 0 }))
      const [node, raw] = both(Context.get(context, MockServer).url)
      for (const request of badRequests(acmeRoutes, 220, 20261203, maxBodyBytes, false)) {
        const viaNode = yield* send(node, request)
        const viaRaw = yield* send(raw, request)
        const { date: _nodeDate, ...nodeHeaders } = viaNode.headers
        const { date: _rawDate, ...rawHeaders } = viaRaw.headers
        const where = `${request.category}: ${request.method} ${request.path.slice(0, 80)}`
        // An oversized body may be cut off by the mock's refusal before either client reads it (status 0).
        if (request.category === "oversized" && (viaNode.status === 0 || viaRaw.status === 0)) continue
        assert.deepStrictEqual(
          [viaRaw.status, rawHeaders, viaRaw.text],
          [viaNode.status, nodeHeaders, viaNode.text],
          where
        )
      }
      node.close()
      raw.close()
    }).pipe(Effect.scoped))

  it.effect("refuses, as Node's client does, a request it cannot send", () =>
    Effect.scoped(Effect.gen(function*() {
      const { port } = yield* captureServer
      const [node, raw] = both(`http://127.0.0.1:${port}`)
      const unsendable: ReadonlyArray<RawRequest> = [
        { method: "GET", path: "/a b", headers: {} },
        { method: "GET", path: "/a", headers: { "x-bad": "a\nb" } },
        { method: "GET", path: "/a", headers: { "bad name": "x" } },
        { method: "G(T", path: "/a", headers: {} }
      ]
      for (const request of unsendable) {
        const outcomes = yield* Effect.forEach([node, raw], (client) =>
          Effect.promise(() => client.send(request).then(() => "sent", () => "refused")))
        assert.deepStrictEqual(outcomes, ["refused", "refused"], JSON.stringify(request))
      }
      node.close()
      raw.close()
    })))
})
