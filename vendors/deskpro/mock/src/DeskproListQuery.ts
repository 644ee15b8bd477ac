/**
 * Deskpro's collection parameters: `page` (default 1) and `count` (page size, default 10, at most 200 — more is
 * served as 200), `limit` (the most results in all), `ids`, and for people the documented filters
 * `primary_email`, `organization`, `is_agent`, `is_deleted`, `label[]` and the order `order_by` / `order_dir`.
 * A malformed parameter is a 400 `invalid_input` naming it; an unknown one is ignored.
 */
import { type InputProblem, messages, problem } from "./DeskproErrors.ts"
import type { PeopleView, StoredPerson } from "./DeskproState.ts"
import { displayName } from "./DeskproState.ts"

export const defaultCount = 10
export const maxCount = 200

export interface Paging {
  readonly page: number
  readonly count: number
  readonly ids: ReadonlySet<number> | undefined
}

export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly meta: {
    readonly pagination: {
      readonly total: number
      readonly count: number
      readonly per_page: number
      readonly current_page: number
      readonly total_pages: number
    }
  }
}

type Parsed<A> = { readonly ok: true; readonly value: A } | {
  readonly ok: false
  readonly problems: ReadonlyArray<InputProblem>
}

const positive = (text: string | null) => (text !== null && /^[1-9]\d{0,8}$/u.test(text) ? Number(text) : undefined)
const idList = (text: string) => /^\d+(,\d+)*$/u.test(text) ? new Set(text.split(",").map(Number)) : undefined

export const parsePaging = (params: URLSearchParams, problems: Array<InputProblem>): Paging => {
  const number = (name: string, fallback: number) => {
    const text = params.get(name)
    if (text === null) return fallback
    const value = positive(text)
    if (value === undefined) problems.push(problem([name], "invalid_type", "This value should be a positive integer."))
    return value ?? fallback
  }
  const idsText = params.get("ids")
  const ids = idsText === null ? undefined : idList(idsText)
  if (idsText !== null && ids === undefined) {
    problems.push(problem(["ids"], "invalid_type", "This value should be a comma-separated list of ids."))
  }
  return { page: number("page", 1), count: Math.min(maxCount, number("count", defaultCount)), ids }
}

/** Items in order that a page can be cut from without copying them all. */
export interface Ordered<A> {
  readonly size: number
  readonly slice: (start: number, end: number) => ReadonlyArray<A>
}

const orderedArray = <A>(items: ReadonlyArray<A>): Ordered<A> => ({
  size: items.length,
  slice: (start, end) => items.slice(start, end)
})

/** One page of `items` with Deskpro's `meta.pagination`. */
export const pageOf = <A>(items: ReadonlyArray<A> | Ordered<A>, paging: Paging): Page<A> => {
  const ordered = "size" in items ? items : orderedArray(items)
  const slice = ordered.slice((paging.page - 1) * paging.count, paging.page * paging.count)
  return {
    items: slice,
    meta: {
      pagination: {
        total: ordered.size,
        count: slice.length,
        per_page: paging.count,
        current_page: paging.page,
        total_pages: Math.ceil(ordered.size / paging.count)
      }
    }
  }
}

const orders: Readonly<Record<string, (a: StoredPerson, b: StoredPerson) => number>> = {
  id: (a, b) => a.id - b.id,
  name: (a, b) => displayName(a).localeCompare(displayName(b)) || a.id - b.id,
  date_created: (a, b) => a.date_created - b.date_created || a.id - b.id
}

const flag = (text: string | null) =>
  text === null ? undefined : ["1", "true"].includes(text) ? true : ["0", "false"].includes(text) ? false : null

/** The people a `GET /people` selects, in its order and cut at `limit`, plus its paging. */
export const selectPeople = (
  people: PeopleView,
  params: URLSearchParams
): Parsed<{ readonly selected: Ordered<StoredPerson>; readonly paging: Paging }> => {
  const problems: Array<InputProblem> = []
  const paging = parsePaging(params, problems)
  const limitText = params.get("limit")
  const limit = limitText === null ? undefined : positive(limitText)
  if (limitText !== null && limit === undefined) {
    problems.push(problem(["limit"], "invalid_type", "This value should be a positive integer."))
  }
  const orderBy = params.get("order_by") ?? "id"
  const orderDir = params.get("order_dir") ?? "asc"
  if (orders[orderBy] === undefined) problems.push(problem(["order_by"], "invalid_choice", messages.invalidChoice))
  if (orderDir !== "asc" && orderDir !== "desc") {
    problems.push(problem(["order_dir"], "invalid_choice", messages.invalidChoice))
  }
  const organizationText = params.get("organization")
  const organizations = organizationText === null ? undefined : idList(organizationText)
  if (organizationText !== null && organizations === undefined) {
    problems.push(problem(["organization"], "invalid_type", "This value should be a comma-separated list of ids."))
  }
  const isAgent = flag(params.get("is_agent"))
  const isDeleted = flag(params.get("is_deleted"))
  if (isAgent === null) problems.push(problem(["is_agent"], "invalid_type", messages.invalidType("boolean")))
  if (isDeleted === null) problems.push(problem(["is_deleted"], "invalid_type", messages.invalidType("boolean")))
  if (problems.length > 0) return { ok: false, problems }

  const email = params.get("primary_email")?.toLowerCase()
  const labels = params.getAll("label[]")
  const unfiltered = paging.ids === undefined && email === undefined && organizations === undefined &&
    isAgent === undefined && isDeleted !== true && labels.length === 0
  if (unfiltered && orderBy === "id") {
    // Everyone, by id: the page is cut straight from the table (reversed positions for desc), never copied whole.
    const size = limit === undefined ? people.size : Math.min(people.size, limit)
    const selected: Ordered<StoredPerson> = {
      size,
      slice: (start, end) =>
        orderDir === "asc"
          ? people.slice(start, Math.min(end, size))
          : [...people.slice(people.size - Math.min(end, size), people.size - start)].reverse()
    }
    return { ok: true, value: { selected, paging } }
  }
  const selected = people.all().filter((p) =>
    (paging.ids === undefined || paging.ids.has(p.id)) &&
    (email === undefined || p.primary_email?.toLowerCase() === email) &&
    (organizations === undefined || (p.organization !== null && organizations.has(p.organization))) &&
    (isAgent === undefined || p.is_agent === isAgent) &&
    // Deleting a person removes it: no one here is merely flagged deleted.
    isDeleted !== true &&
    labels.every((label) => p.labels.includes(label))
  )
  const compare = orders[orderBy]!
  const ordered = orderBy === "id" && orderDir === "asc"
    ? selected
    : [...selected].sort((a, b) => (orderDir === "asc" ? compare(a, b) : compare(b, a)))
  return {
    ok: true,
    value: { selected: orderedArray(limit === undefined ? ordered : ordered.slice(0, limit)), paging }
  }
}
