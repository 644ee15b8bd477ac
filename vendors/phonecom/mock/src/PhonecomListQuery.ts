/**
 * Phone.com list queries: `limit` (default 25, 1–500), `offset` (≥ 0), `fields` (all | full | brief, accepted and
 * ignored: items are always full), `filters[<field>]=<op>:<value>` (repeatable, all must hold; a bare value means
 * `eq`) and `sort[<field>]=asc|desc` (in the order given, then id ascending). Anything else it cannot honour is a
 * 400, never a silently ignored filter. Operators follow Phone.com's documented list.
 */

export interface FieldSpec<T> {
  readonly kind: "number" | "string"
  readonly get: (item: T) => number | string | null
}

export interface ListSpec<T> {
  readonly filters: Readonly<Record<string, FieldSpec<T>>>
  readonly sorts: Readonly<Record<string, FieldSpec<T>>>
  readonly id: (item: T) => number
}

/** Items in id order that can be paged without copying them all: a table's view, or an array (`orderedArray`). */
export interface Ordered<T> {
  readonly size: number
  readonly slice: (start: number, end: number) => ReadonlyArray<T>
  readonly all: () => ReadonlyArray<T>
}

export const orderedArray = <T>(items: ReadonlyArray<T>): Ordered<T> => ({
  size: items.length,
  slice: (start, end) => items.slice(start, end),
  all: () => items
})

export interface ListQuery<T> {
  readonly limit: number
  readonly offset: number
  readonly filters: Record<string, string | Array<string>>
  readonly sort: Record<string, string>
  /** Filters, sorts and pages `items`, which must come in id order (the order when no `sort[...]` is given). */
  readonly apply: (items: Ordered<T>) => { readonly total: number; readonly items: ReadonlyArray<T> }
}

export type Parsed<T> = { readonly ok: true; readonly query: ListQuery<T> } | {
  readonly ok: false
  readonly message: string
}

export const defaultLimit = 25
export const maxLimit = 500

const operators = [
  "eq",
  "ne",
  "lt",
  "gt",
  "lte",
  "gte",
  "starts-with",
  "ends-with",
  "contains",
  "not-starts-with",
  "not-ends-with",
  "not-contains",
  "between",
  "not-between"
] as const
type Operator = typeof operators[number]

const isOperator = (value: string): value is Operator => (operators as ReadonlyArray<string>).includes(value)

type Predicate<T> = (item: T) => boolean

const compileFilter = <T>(field: string, spec: FieldSpec<T>, raw: string): Predicate<T> | string => {
  const colon = raw.indexOf(":")
  const op = colon === -1 ? "eq" : raw.slice(0, colon)
  const operand = colon === -1 ? raw : raw.slice(colon + 1)
  if (!isOperator(op)) return `Unknown filter operator "${op}" for filters[${field}].`
  const parse = (text: string): number | string | undefined =>
    spec.kind === "string" ? text : /^-?\d{1,15}$/u.test(text.trim()) ? Number(text.trim()) : undefined
  const asText = (value: number | string | null) => (value === null ? "" : String(value))
  if (op === "between" || op === "not-between") {
    const parts = operand.split(",")
    const low = parts.length === 2 ? parse(parts[0] ?? "") : undefined
    const high = parts.length === 2 ? parse(parts[1] ?? "") : undefined
    if (low === undefined || high === undefined) return `filters[${field}] ${op} needs two values: ${op}:a,b.`
    const inside = (value: number | string | null) => value !== null && value >= low && value <= high
    return op === "between" ? (item) => inside(spec.get(item)) : (item) => !inside(spec.get(item))
  }
  if (op === "starts-with" || op === "ends-with" || op === "contains") {
    const test = (value: string) =>
      op === "starts-with"
        ? value.startsWith(operand)
        : op === "ends-with"
        ? value.endsWith(operand)
        : value.includes(operand)
    return (item) => spec.get(item) !== null && test(asText(spec.get(item)))
  }
  if (op === "not-starts-with" || op === "not-ends-with" || op === "not-contains") {
    const test = (value: string) =>
      op === "not-starts-with"
        ? value.startsWith(operand)
        : op === "not-ends-with"
        ? value.endsWith(operand)
        : value.includes(operand)
    return (item) => !test(asText(spec.get(item)))
  }
  const target = parse(operand)
  if (target === undefined) return `filters[${field}] expects an integer, got "${operand}".`
  const compare = (value: number | string | null): boolean => {
    if (value === null) return op === "ne"
    switch (op) {
      case "eq":
        return value === target
      case "ne":
        return value !== target
      case "lt":
        return value < target
      case "gt":
        return value > target
      case "lte":
        return value <= target
      case "gte":
        return value >= target
    }
  }
  return (item) => compare(spec.get(item))
}

const integerParam = (value: string | null, name: string, min: number, max: number, fallback: number) => {
  if (value === null) return fallback
  if (!/^\d{1,9}$/u.test(value)) return `The ${name} must be an integer.`
  const n = Number(value)
  if (n < min) return `The ${name} must be at least ${min}.`
  if (n > max) return `The ${name} may not be greater than ${max}.`
  return n
}

export const parseListQuery = <T>(spec: ListSpec<T>, params: URLSearchParams): Parsed<T> => {
  const limit = integerParam(params.get("limit"), "limit", 1, maxLimit, defaultLimit)
  if (typeof limit === "string") return { ok: false, message: limit }
  const offset = integerParam(params.get("offset"), "offset", 0, Number.MAX_SAFE_INTEGER, 0)
  if (typeof offset === "string") return { ok: false, message: offset }
  const fields = params.getAll("fields")
  if (fields.some((value) => !["all", "full", "brief"].includes(value))) {
    return { ok: false, message: "The fields must be one of: all, full, brief." }
  }
  const predicates: Array<Predicate<T>> = []
  const filters: Record<string, string | Array<string>> = {}
  const sorts: Array<{ readonly field: FieldSpec<T>; readonly direction: 1 | -1 }> = []
  const sort: Record<string, string> = {}
  for (const [key, value] of params) {
    const filter = /^filters\[(.*)\]$/u.exec(key)
    if (filter !== null) {
      const name = filter[1] ?? ""
      const fieldSpec = spec.filters[name]
      if (fieldSpec === undefined) return { ok: false, message: `Filtering by "${name}" is not supported.` }
      const predicate = compileFilter(name, fieldSpec, value)
      if (typeof predicate === "string") return { ok: false, message: predicate }
      predicates.push(predicate)
      const previous = filters[name]
      filters[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value]
      continue
    }
    const sortKey = /^sort\[(.*)\]$/u.exec(key)
    if (sortKey !== null) {
      const name = sortKey[1] ?? ""
      const fieldSpec = spec.sorts[name]
      if (fieldSpec === undefined) return { ok: false, message: `Sorting by "${name}" is not supported.` }
      if (value !== "asc" && value !== "desc") return { ok: false, message: `The sort[${name}] must be asc or desc.` }
      sorts.push({ field: fieldSpec, direction: value === "asc" ? 1 : -1 })
      sort[name] = value
    }
  }
  const compare = (a: T, b: T): number => {
    for (const { direction, field } of sorts) {
      const x = field.get(a)
      const y = field.get(b)
      if (x === y) continue
      if (x === null) return -direction
      if (y === null) return direction
      return x < y ? -direction : direction
    }
    return spec.id(a) - spec.id(b)
  }
  return {
    ok: true,
    query: {
      limit,
      offset,
      filters,
      sort,
      apply: (items) => {
        // Items come in id order, the default order: with no filter and no sort a page is only a slice, taken
        // without reading the items before it.
        if (predicates.length === 0 && sorts.length === 0) {
          return { total: items.size, items: items.slice(offset, offset + limit) }
        }
        const all = items.all()
        const matching = predicates.length === 0
          ? all
          : all.filter((item) => predicates.every((predicate) => predicate(item)))
        const selected = sorts.length === 0 ? matching : [...matching].sort(compare)
        return { total: selected.length, items: selected.slice(offset, offset + limit) }
      }
    }
  }
}
