import { assert, describe, it } from "@effect/vitest"
import { Effect, Stream } from "effect"
import { cursorPages, nextLinkPages, offsetPages, pageNumberPages } from "../src/index.ts"

const items = Array.from({ length: 23 }, (_, i) => i)

describe("Pagination", () => {
  it.effect("offsetPages streams every item once and stops at the end", () =>
    Effect.gen(function*() {
      const calls: Array<readonly [number, number]> = []
      const stream = offsetPages({
        pageSize: 5,
        fetch: (offset, limit) =>
          Effect.sync(() => {
            calls.push([offset, limit])
            return { items: items.slice(offset, offset + limit), total: items.length }
          })
      })
      assert.deepStrictEqual(yield* Stream.runCollect(stream), items)
      assert.deepStrictEqual(calls, [[0, 5], [5, 5], [10, 5], [15, 5], [20, 5]])
    }))

  it.effect("offsetPages fetches lazily: taking 7 items reads 2 pages", () =>
    Effect.gen(function*() {
      let calls = 0
      const stream = offsetPages({
        pageSize: 5,
        fetch: (offset, limit) =>
          Effect.sync(() => {
            calls += 1
            return { items: items.slice(offset, offset + limit) }
          })
      })
      assert.deepStrictEqual(yield* Stream.runCollect(Stream.take(stream, 7)), [0, 1, 2, 3, 4, 5, 6])
      assert.strictEqual(calls, 2)
    }))

  it.effect("offsetPages without a total stops on the empty page after a full one", () =>
    Effect.gen(function*() {
      let calls = 0
      const stream = offsetPages({
        pageSize: 5,
        fetch: (offset, limit) =>
          Effect.sync(() => {
            calls += 1
            return { items: items.slice(0, 20).slice(offset, offset + limit) }
          })
      })
      assert.strictEqual((yield* Stream.runCollect(stream)).length, 20)
      assert.strictEqual(calls, 5)
    }))

  it.effect("pageNumberPages stops at the last page", () =>
    Effect.gen(function*() {
      const pages: Array<number> = []
      const stream = pageNumberPages({
        pageSize: 10,
        fetch: (page, limit) =>
          Effect.sync(() => {
            pages.push(page)
            return { items: items.slice((page - 1) * limit, page * limit), lastPage: 3 }
          })
      })
      assert.deepStrictEqual(yield* Stream.runCollect(stream), items)
      assert.deepStrictEqual(pages, [1, 2, 3])
    }))

  it.effect("cursorPages follows cursors until there is none", () =>
    Effect.gen(function*() {
      const seen: Array<string | undefined> = []
      const stream = cursorPages<number, string, never, never>({
        fetch: (cursor) =>
          Effect.sync(() => {
            seen.push(cursor)
            const start = cursor === undefined ? 0 : Number(cursor)
            const next = start + 10 < items.length ? String(start + 10) : undefined
            return { items: items.slice(start, start + 10), next }
          })
      })
      assert.deepStrictEqual(yield* Stream.runCollect(stream), items)
      assert.deepStrictEqual(seen, [undefined, "10", "20"])
    }))

  it.effect("nextLinkPages follows next links lazily", () =>
    Effect.gen(function*() {
      const urls: Array<string> = []
      const stream = nextLinkPages({
        first: "/c?page=1",
        fetch: (url) =>
          Effect.sync(() => {
            urls.push(url)
            const page = Number(url.split("=")[1])
            return {
              items: items.slice((page - 1) * 10, page * 10),
              next: page < 3 ? `/c?page=${page + 1}` : undefined
            }
          })
      })
      assert.deepStrictEqual(yield* Stream.runCollect(Stream.take(stream, 11)), items.slice(0, 11))
      assert.deepStrictEqual(urls, ["/c?page=1", "/c?page=2"])
    }))
})
