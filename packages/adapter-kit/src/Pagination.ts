/**
 * Page-to-`Stream` helpers for the ways vendors paginate: offset/limit, page number, cursor
 * and next-link. Each fetches one page only when the stream needs more items, so a listing
 * of any size runs in the memory of one page, and stops at the vendor's end.
 */
import { Effect, Option, Stream } from "effect"

export interface OffsetPage<A> {
  readonly items: ReadonlyArray<A>
  /** The vendor's total, when it says: the stream stops once it is reached. */
  readonly total?: number | undefined
}

/** `?offset=…&limit=…`. Ends on a short or empty page, or at `total`. */
export const offsetPages = <A, E, R>(options: {
  readonly pageSize: number
  readonly fetch: (offset: number, limit: number) => Effect.Effect<OffsetPage<A>, E, R>
}): Stream.Stream<A, E, R> =>
  Stream.paginate(0, (offset: number) =>
    Effect.map(options.fetch(offset, options.pageSize), (page) => {
      const next = offset + page.items.length
      const done = page.items.length === 0 || page.items.length < options.pageSize ||
        (page.total !== undefined && next >= page.total)
      return [page.items, done ? Option.none<number>() : Option.some(next)] as const
    }))

export interface NumberedPage<A> {
  readonly items: ReadonlyArray<A>
  /** The number of the last page, when the vendor says (Laravel's `meta.last_page`). */
  readonly lastPage?: number | undefined
}

/** `?page=…&limit=…`. Ends on the last page, or on a short or empty page. */
export const pageNumberPages = <A, E, R>(options: {
  readonly pageSize: number
  /** The number of the first page; default 1. */
  readonly firstPage?: number
  readonly fetch: (page: number, limit: number) => Effect.Effect<NumberedPage<A>, E, R>
}): Stream.Stream<A, E, R> =>
  Stream.paginate(
    options.firstPage ?? 1,
    (page: number) =>
      Effect.map(options.fetch(page, options.pageSize), (result) => {
        const done = result.items.length === 0 || result.items.length < options.pageSize ||
          (result.lastPage !== undefined && page >= result.lastPage)
        return [result.items, done ? Option.none<number>() : Option.some(page + 1)] as const
      })
  )

export interface CursorPage<A, C> {
  readonly items: ReadonlyArray<A>
  /** Where the next page starts; absent on the last page. */
  readonly next?: C | undefined
}

/** An opaque cursor handed back by each page (`undefined` asks for the first page). */
export const cursorPages = <A, C, E, R>(options: {
  readonly fetch: (cursor: C | undefined) => Effect.Effect<CursorPage<A, C>, E, R>
}): Stream.Stream<A, E, R> =>
  Stream.paginate<C | undefined, A, E, R>(undefined, (cursor) =>
    Effect.map(options.fetch(cursor), (page) =>
      [
        page.items,
        page.next === undefined || page.items.length === 0 ? Option.none<C | undefined>() : Option.some(page.next)
      ] as const))

/** Each page names the URL of the next (`links.next`, `@controls.next.href`); starts at `first`. */
export const nextLinkPages = <A, E, R>(options: {
  readonly first: string
  readonly fetch: (url: string) => Effect.Effect<CursorPage<A, string>, E, R>
}): Stream.Stream<A, E, R> =>
  Stream.paginate(options.first, (url: string) =>
    Effect.map(options.fetch(url), (page) =>
      [
        page.items,
        page.next === undefined || page.next === "" || page.next === url
          ? Option.none<string>()
          : Option.some(page.next)
      ] as const))
