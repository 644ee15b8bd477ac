import { assert, describe, it } from "@effect/vitest"
import { boundedMemo } from "../src/BoundedMemo.ts"

describe("boundedMemo", () => {
  it("computes each distinct key once, null and false answers included", () => {
    const calls: Array<string> = []
    const memo = boundedMemo((key: string) => {
      calls.push(key)
      return key === "a" ? null : key.length > 1
    }, 10)
    assert.deepStrictEqual(["a", "b", "a", "bb", "b", "bb"].map(memo), [null, false, null, true, false, true])
    assert.deepStrictEqual(calls, ["a", "b", "bb"])
  })

  it("forgets every answer when it holds the limit, then computes again", () => {
    const calls: Array<string> = []
    const memo = boundedMemo((key: string) => {
      calls.push(key)
      return key
    }, 2)
    for (const key of ["a", "b", "c", "a"]) memo(key)
    assert.deepStrictEqual(calls, ["a", "b", "c", "a"])
  })
})
