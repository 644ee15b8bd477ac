/**
 * A Deskpro 400 `invalid_input` error tree → domain issues. The tree names inputs as sent — `first_name`,
 * `emails.emails_1`, `contact_data.instant_message.instant_message_0.service` — and the `Layout` of the write
 * says which draft field each sent value came from, so `…instant_message_0.service` becomes
 * `["fields", 3, "service"]`. A name the layout does not know maps to the nearest part it does (`["fields"]`,
 * or the whole contact).
 */
import type { Issue } from "@contactkit/domain"
import type { Layout } from "./DeskproInput.ts"

type Path = ReadonlyArray<string | number>

const columns: Readonly<Record<string, Path>> = {
  title_prefix: ["name", "prefix"],
  first_name: ["name", "given"],
  last_name: ["name", "family"],
  organization: ["organization", "name"],
  organization_position: ["organization", "title"]
}

/** A record value → the domain key it came from (a record's one value: from `user` or `uri`). */
const recordKeys: Readonly<Record<string, string>> = {
  address: "street",
  city: "locality",
  state: "region",
  zip: "postcode",
  service: "service",
  comment: "label"
}

/** `emails_3` → 3. */
const entry = (name: string | undefined, collection: string) => {
  const match = name === undefined ? null : new RegExp(`^${collection}_(\\d+)$`, "u").exec(name)
  return match === null ? undefined : Number(match[1])
}

const at = (index: number | undefined, key?: string): Path =>
  index === undefined ? ["fields"] : key === undefined ? ["fields", index] : ["fields", index, key]

export const domainPath = (path: ReadonlyArray<string>, layout: Layout): Path => {
  const [head, second, third, fourth] = path
  if (head === undefined) return []
  const column = columns[head]
  if (column !== undefined) return column
  switch (head) {
    case "primary_email":
      return at(layout.primary, "address")
    case "emails": {
      const i = entry(second, "emails")
      return i === undefined ? ["fields"] : at(layout.emails[i], "address")
    }
    case "phone_numbers": {
      const i = entry(second, "phone_numbers")
      const index = i === undefined ? undefined : layout.phones[i]
      return at(index, third === "label" ? "label" : third === "number" ? "number" : undefined)
    }
    case "contact_data": {
      const i = second === undefined ? undefined : entry(third, second)
      const origin = i === undefined || second === undefined ? undefined : layout.records[second]?.[i]
      if (origin === undefined) return ["fields"]
      const key = fourth === "url" || fourth === "username" ? origin.valueKey : fourth && recordKeys[fourth]
      return at(origin.index, key)
    }
    default:
      return []
  }
}

interface Node {
  readonly errors?: ReadonlyArray<{ readonly code?: unknown; readonly message?: unknown }>
  readonly fields?: Readonly<Record<string, Node>>
}

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value)

/** Every message in the tree with the input path it sits at. */
export const flatten = (tree: unknown, path: ReadonlyArray<string> = []): ReadonlyArray<{
  readonly path: ReadonlyArray<string>
  readonly message: string
}> => {
  if (!isNode(tree)) return []
  const own = Array.isArray(tree.errors)
    ? tree.errors.map((e) => ({ path, message: typeof e?.message === "string" ? e.message : String(e?.code) }))
    : []
  const nested = isNode(tree.fields)
    ? Object.entries(tree.fields).flatMap(([name, node]) => flatten(node, [...path, name]))
    : []
  return [...own, ...nested]
}

/** The tree's messages as issues at domain paths; `scrub` keeps the key out of them. */
export const issuesOf = (tree: unknown, layout: Layout | undefined, scrub: (text: string) => string): Array<Issue> =>
  flatten(tree).map(({ message, path }) => ({
    path: layout === undefined ? [] : domainPath(path, layout),
    message: scrub(path.length === 0 ? message : `${path.join(".")}: ${message}`)
  }))
