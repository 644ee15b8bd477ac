/**
 * `readBodyOnce` (a 2xx body read once, the response answering from memory) answers exactly what Effect's own
 * reading of the same response answers: the same `text` (UTF-8 with a BOM dropped and bad bytes replaced), the
 * same `json` or a failure where Effect's fails, the same bytes, whatever the bytes and however they arrive in
 * chunks; a body that breaks off fails; an interrupted read cancels the body (which is what aborts the request).
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Fiber } from "effect"
import { HttpClientRequest, HttpClientResponse } from "effect/http"
import fc from "fast-check"
import { readBodyOnce } from "../src/BodyText.ts"

const request = HttpClientRequest.get("http://vendor.test/x")

/** A Web response whose body arrives as the given chunks. */
const chunked = (chunks: ReadonlyArray<Uint8Array>) => {
  let i = 0
  const body = new ReadableStream<Uint8Array>({
    pull: (controller) => {
      const chunk = chunks[i++]
      if (chunk === undefined) controller.close()
      else controller.enqueue(chunk.slice())
    }
  })
  return HttpClientResponse.fromWeb(request, new Response(body, { status: 200 }))
}

const utf8 = (text: string) => new TextEncoder().encode(text)

/**
 * Text of any code points, lone surrogates included (the encoder writes those as U+FFFD): UTF-8 of one to four bytes
 * a character. Made from integers, not `fc.string({ unit: "binary" })`, whose construction indexes all 1.1 million
 * code points to split its preset strings into characters (about a second of this package's CPU on every run).
 */
const anyCodePoints = fc.array(fc.integer({ min: 0, max: 0x10ffff })).map((points) => String.fromCodePoint(...points))

/** Bytes that are JSON, text with a BOM or odd characters, or anything at all (invalid UTF-8 included). */
const bytes = fc.oneof(
  fc.jsonValue().map((value) => utf8(JSON.stringify(value))),
  fc.string({ unit: "grapheme" }).map((text) => utf8(`\uFEFF${text}`)),
  anyCodePoints.map(utf8),
  fc.uint8Array({ maxLength: 64 })
)

/** Cut points splitting `length` bytes into chunks (some of them empty). */
const cuts = (length: number) => fc.array(fc.integer({ min: 0, max: length }), { maxLength: 5 })

const split = (all: Uint8Array, at: ReadonlyArray<number>) => {
  const points = [...at].sort((a, b) => a - b)
  return [...points, all.length].map((end, i) => all.slice(i === 0 ? 0 : points[i - 1], end))
}

const exitOf = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromiseExit(effect)

describe("readBodyOnce", () => {
  it("answers the text, json and bytes Effect's reading answers, however the body is chunked", async () => {
    await fc.assert(
      fc.asyncProperty(bytes.chain((all) => fc.tuple(fc.constant(all), cuts(all.length))), async ([all, at]) => {
        const read = await Effect.runPromise(readBodyOnce(chunked(split(all, at))))
        const text = await Effect.runPromise(read.text)
        assert.strictEqual(text, await Effect.runPromise(chunked([all]).text))
        const json = await exitOf(read.json)
        const expected = await exitOf(chunked([all]).json)
        assert.strictEqual(Exit.isSuccess(json), Exit.isSuccess(expected))
        if (Exit.isSuccess(json) && Exit.isSuccess(expected)) assert.deepStrictEqual(json.value, expected.value)
        const buffer = await Effect.runPromise(read.arrayBuffer)
        assert.deepStrictEqual(new Uint8Array(buffer), all)
        // Read again, the same answers: the body is held, not read a second time.
        assert.strictEqual(await Effect.runPromise(read.text), text)
      }),
      { numRuns: 300 }
    )
  })

  it.effect("keeps the response's status, headers and request", () =>
    Effect.gen(function*() {
      const web = new Response("{}", { status: 201, headers: { "x-request-id": "r-1" } })
      const read = yield* readBodyOnce(HttpClientResponse.fromWeb(request, web))
      assert.strictEqual(read.status, 201)
      assert.strictEqual(read.headers["x-request-id"], "r-1")
      assert.strictEqual(read.request, request)
      assert.isTrue(HttpClientResponse.TypeId in read)
    }))

  it.effect("an empty body reads as empty text and null json, as Effect's does", () =>
    Effect.gen(function*() {
      const read = yield* readBodyOnce(HttpClientResponse.fromWeb(request, new Response(null, { status: 204 })))
      assert.strictEqual(yield* read.text, "")
      assert.strictEqual(yield* read.json, null)
    }))

  it.effect("a body that breaks off fails", () =>
    Effect.gen(function*() {
      let sent = false
      const body = new ReadableStream<Uint8Array>({
        pull: (controller) => {
          if (sent) controller.error(new Error("socket hang up"))
          else controller.enqueue(utf8(`{"id": 4, "na`))
          sent = true
        }
      })
      const exit = yield* Effect.exit(readBodyOnce(HttpClientResponse.fromWeb(request, new Response(body))))
      assert.isTrue(Exit.isFailure(exit))
    }))

  it.effect("an interrupted read cancels the body", () =>
    Effect.gen(function*() {
      let cancelled = false
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(utf8(`{"id": 4`)),
        cancel: () => {
          cancelled = true
        }
      })
      const fiber = yield* Effect.forkChild(readBodyOnce(HttpClientResponse.fromWeb(request, new Response(body))))
      yield* Effect.yieldNow
      yield* Fiber.interrupt(fiber)
      assert.isTrue(cancelled)
    }))
})
