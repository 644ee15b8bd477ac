/**
 * The two failures of a refused request are made without a stack trace (PlatformFailure.ts, RequestBody.ts): a
 * `PlatformError` still carries its failure and is the same kind of error, `parseJson` still reports exactly what
 * `JSON.parse` says of any text, and both leave `Error.stackTraceLimit` as they found it, for every other error.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import * as fc from "fast-check"
import { parseJson, PlatformError } from "../src/index.ts"

/** What `JSON.parse` itself makes of `text`: the value, or its error's message. */
const parsedByNode = (text: string): { readonly ok: boolean; readonly value: unknown } => {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    return { ok: false, value: (error as Error).message }
  }
}

/** Valid JSON texts, cut and spliced at random places, so that most of them are not JSON any more. */
const texts = fc.oneof(
  fc.string(),
  fc.tuple(fc.json(), fc.nat(), fc.string({ maxLength: 3 })).map(([json, at, junk]) =>
    json.slice(0, at % (json.length + 1)) + junk
  ),
  fc.json()
)

describe("failures made without a stack trace", () => {
  it.effect("a PlatformError keeps its failure, tag and kind, and the stack limit is put back", () =>
    Effect.gen(function*() {
      const before = Error.stackTraceLimit
      const error = new PlatformError({ failure: { _tag: "MalformedBody", detail: "no" } })
      assert.strictEqual(Error.stackTraceLimit, before)
      assert.instanceOf(error, Error)
      assert.strictEqual(error._tag, "PlatformError")
      assert.deepStrictEqual(error.failure, { _tag: "MalformedBody", detail: "no" })
      assert.notMatch(error.stack ?? "", /\n\s+at /u)
      // Failing with it still fails with it.
      const failed = yield* Effect.flip(Effect.fail(error))
      assert.strictEqual(failed, error)
      // Other errors still have their stacks.
      assert.match(new Error("other").stack ?? "", /\n\s+at /u)
    }))

  it("parseJson says what JSON.parse says of any text, and puts the stack limit back", () => {
    const before = Error.stackTraceLimit
    fc.assert(
      fc.property(texts, (text) => {
        const parsed = parseJson(text)
        const node = parsedByNode(text)
        assert.strictEqual(Error.stackTraceLimit, before)
        if (node.ok) assert.deepStrictEqual(parsed, Result.succeed(node.value))
        else assert.deepStrictEqual(parsed, Result.fail(node.value as string))
      }),
      { numRuns: 500 }
    )
  })
})
