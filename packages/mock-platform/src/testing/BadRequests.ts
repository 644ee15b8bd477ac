/**
 * The generator behind `badInputSuite`: from a vendor's routes (each with a body the vendor accepts) and its two
 * tenants, requests that no vendor may act on — malformed and truncated JSON, wrong types and shapes, foreign
 * content types, oversized and deeply nested bodies, hostile ids and paths, methods the path does not route, bad
 * credentials and the other tenant's — each tagged with its category. Every one must be refused (or, for reads,
 * answered) without a 5xx and without changing any tenant's state.
 */
import type { Prng } from "./Prng.ts"
import type { RawRequest } from "./RawClient.ts"

export interface BadInputTenant {
  /** The headers that authenticate as this tenant, exactly as a client sends them. */
  readonly headers: Readonly<Record<string, string>>
  /** The secret inside those headers; it must never come back in an answer. */
  readonly secret: string
}

export interface BadInputRoute {
  readonly method: string
  /** A concrete path in the first tenant's data (`/api/contacts/1`); its segments are what the generator mutates. */
  readonly path: string
  /** A JSON body the vendor accepts on this route, which the generator breaks. */
  readonly body?: unknown
  /** Top-level body fields the vendor accepts in any JSON type (never retyped). */
  readonly anyType?: ReadonlyArray<string>
  /** The second tenant may send this request unchanged (a collection POST naming none of the first tenant's ids). */
  readonly openToOtherTenant?: boolean
}

export const categories = [
  "malformed-json",
  "truncated-json",
  "wrong-type",
  "wrong-shape",
  "content-type",
  "oversized",
  "deep-nesting",
  "hostile-path",
  "method",
  "bad-credentials",
  "other-tenant"
] as const
export type Category = typeof categories[number]

export interface BadRequest extends RawRequest {
  readonly category: Category
  /** A credential this request made up: it must not come back either. */
  readonly junkSecret?: string
}

export interface GeneratorContext {
  readonly routes: ReadonlyArray<BadInputRoute>
  readonly tenants: readonly [BadInputTenant, BadInputTenant]
  readonly foreignContentTypes: ReadonlyArray<string | undefined>
  /** The methods some route accepts for a path (the generator sends others). */
  readonly allowedMethods: (path: string) => ReadonlyArray<string>
  readonly caseInsensitivePaths: boolean
  readonly maxBodyBytes: number
}

const json = { "content-type": "application/json" }
const hasBody = (route: BadInputRoute) => route.body !== undefined

/** Values no validator takes where the example has a scalar (a string, number or boolean), and vice versa. */
const wrongFor = (value: unknown, prng: Prng): unknown =>
  value !== null && typeof value === "object"
    ? prng.pick(["not-a-container", 42, true, -1.5])
    : prng.pick([{ nested: { value } }, [{ value }], [[value]], { "": [] }])

const retype = (body: unknown, route: BadInputRoute, prng: Prng): unknown => {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body
  const record = body as Record<string, unknown>
  const keys = Object.keys(record).filter((key) => !(route.anyType ?? []).includes(key))
  if (keys.length === 0) return prng.pick([42, "text", true])
  const key = prng.pick(keys)
  const value = record[key]
  // Inside an array of objects (emails, phone numbers), sometimes retype a field of its first element instead.
  if (Array.isArray(value) && value[0] !== null && typeof value[0] === "object" && prng.chance(0.5)) {
    const first = value[0] as Record<string, unknown>
    const inner = prng.pick(Object.keys(first).length > 0 ? Object.keys(first) : ["value"])
    return { ...record, [key]: [{ ...first, [inner]: wrongFor(first[inner] ?? "", prng) }, ...value.slice(1)] }
  }
  return { ...record, [key]: wrongFor(value, prng) }
}

const parses = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** `text` broken so that it is no JSON at all (a mutation that happens to leave valid JSON is not used). */
const malformed = (text: string, prng: Prng): string => {
  const broken = mutate(text, prng)
  return parses(broken) ? `${text},` : broken
}

const mutate = (text: string, prng: Prng): string =>
  prng.pick([
    () => text.replace(/[}\]]$/u, "") + prng.pick([",", ":", "\"", ",}"]),
    () => text.replace(/:/u, ""),
    () => text.replace(/"/u, "'"),
    () => `${text}${text}`,
    () => text.replace(/,/u, ",,"),
    () => prng.pick(["{", "}", "[", "{\"a\":}", "{a:1}", "NaN", "undefined", "{\"a\":1,}", "\u0000", "<xml/>"])
  ])()

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth)

/** The first tenant's path with one segment made hostile; it must never reach another resource. */
const hostilePath = (path: string, prng: Prng, caseInsensitive: boolean): string => {
  const segments = path.split("/")
  const last = segments.length - 1
  const index = /\d/u.test(segments[last] ?? "") || prng.chance(0.7) ? last : prng.int(1, last)
  const segment = segments[index] ?? ""
  const mutations = [
    `${segment};${prng.pick(["2", "x=1", "", "jsessionid=1"])}`,
    `${segment}${prng.pick(["%00", "%01", "%0A", "%0D", "%1F", "%7F"])}`,
    `${segment}%2F${prng.pick(["1", "..", "2"])}`,
    `${segment}%5C1`,
    `${segment}/../${prng.int(1, 3)}`,
    `${segment}/./`,
    `${segment}%2e%2e`,
    `..`,
    `%2E`,
    `${segment}${prng.pick(["%D9%A1", "%EF%BC%91", "%E2%80%8B", "%F0%9F%98%80", "%C3%A9"])}`,
    `${prng.pick(["%D9%A1", "%EF%BC%91"])}`,
    `${segment}${prng.pick(["%zz", "%", "%C0%AE", "%ED%A0%80", "%FF"])}`,
    `${segment}${"9".repeat(prng.int(20, 130))}`,
    `-${segment}`,
    `${segment}x`,
    `${segment}.json`,
    `/${segment}`, // an empty segment before it
    ...(caseInsensitive || segment.toUpperCase() === segment ? [] : [segment.toUpperCase()])
  ]
  return [...segments.slice(0, index), prng.pick(mutations), ...segments.slice(index + 1)].join("/")
}

const unknownMethods = [
  "FOO",
  "PROPFIND",
  "PURGE",
  "MKCOL",
  "TRACE",
  "LINK",
  "OPTIONS",
  "PATCH",
  "PUT",
  "POST",
  "DELETE"
]

/** The first tenant's headers with its secret replaced (or the headers gone): always a credential no one has. */
const badCredentials = (tenant: BadInputTenant, prng: Prng): { headers: Record<string, string>; junk?: string } => {
  const junk = `junk-${prng.int(0, 1e9).toString(36)}-${prng.int(0, 1e9).toString(36)}`
  const withSecret = (replacement: string) =>
    Object.fromEntries(
      Object.entries(tenant.headers).map(([name, value]) => [name, value.split(tenant.secret).join(replacement)])
    )
  const options = [
    () => ({ headers: {} }),
    () => ({ headers: withSecret(junk), junk }),
    () => ({ headers: withSecret(`${tenant.secret}x`) }),
    () => ({ headers: withSecret(tenant.secret.slice(0, -1)) }),
    () => ({ headers: withSecret(swapCase(tenant.secret)) }),
    () => ({ headers: withSecret(`${junk}${"z".repeat(prng.int(100, 4000))}`), junk }),
    () => ({ headers: withSecret("") }),
    () => ({ headers: { authorization: `Bearer ${junk}` }, junk }),
    () => ({ headers: { authorization: `Basic ${Buffer.from(`user:${junk}`).toString("base64")}` }, junk })
  ]
  const chosen = prng.pick(options)()
  // A replaced secret that equals the real one is no bad credential (a secret without letters, say).
  return JSON.stringify(chosen.headers) === JSON.stringify(tenant.headers) ? { headers: {} } : chosen
}

const swapCase = (text: string) =>
  [...text].map((char) => (char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase())).join("")

/** One generated request of `category`. */
export const generate = (category: Category, context: GeneratorContext, prng: Prng): BadRequest => {
  const [first, second] = context.tenants
  const writes = context.routes.filter(hasBody)
  const route = prng.pick(
    ["malformed-json", "truncated-json", "wrong-type", "wrong-shape", "content-type", "oversized", "deep-nesting"]
        .includes(category) && writes.length > 0
      ? writes
      : context.routes
  )
  const valid = route.body === undefined ? undefined : JSON.stringify(route.body)
  const base = { category, method: route.method, path: route.path, headers: { ...first.headers, ...json } }
  switch (category) {
    case "malformed-json":
      return { ...base, body: malformed(valid ?? "{}", prng) }
    case "truncated-json": {
      const text = valid ?? "{\"a\":1}"
      return { ...base, body: text.slice(0, prng.int(1, Math.max(1, text.length - 1))) }
    }
    case "wrong-type":
      return { ...base, body: JSON.stringify(retype(route.body ?? {}, route, prng)) }
    case "wrong-shape":
      return { ...base, body: prng.pick(["42", "\"text\"", "true", "-0.5", "null", `[${valid ?? "{}"}]`, "[1,2]"]) }
    case "content-type": {
      const contentType = prng.pick(context.foreignContentTypes)
      const headers: Record<string, string> = { ...first.headers }
      if (contentType !== undefined) headers["content-type"] = contentType
      return { ...base, headers, body: valid ?? "{}" }
    }
    case "oversized": {
      const size = context.maxBodyBytes + prng.int(1, 256 * 1024)
      return prng.chance(0.5)
        ? { ...base, body: JSON.stringify({ value: "x".repeat(size) }) }
        : { ...base, body: undefined, chunkedBytes: size + 64 * 1024 }
    }
    case "deep-nesting": {
      const deep = nested(prng.pick([513, 600, 5_000, 20_000]))
      const record = route.body !== null && typeof route.body === "object" && !Array.isArray(route.body)
        ? (route.body as Record<string, unknown>)
        : {}
      const key = prng.pick([...Object.keys(record), "value"])
      return {
        ...base,
        body: prng.chance(0.5) ? deep : JSON.stringify({ ...record, [key]: "__deep__" }).replace("\"__deep__\"", deep)
      }
    }
    case "hostile-path":
      return { ...base, path: hostilePath(route.path, prng, context.caseInsensitivePaths), body: valid }
    case "method": {
      const allowed = context.allowedMethods(route.path)
      const method = prng.pick(unknownMethods.filter((candidate) => !allowed.includes(candidate)))
      return { ...base, method, body: valid }
    }
    case "bad-credentials": {
      const { headers, junk } = badCredentials(first, prng)
      return {
        ...base,
        headers: { ...headers, ...json },
        body: valid,
        ...(junk === undefined ? {} : { junkSecret: junk })
      }
    }
    case "other-tenant": {
      const closed = context.routes.filter((candidate) => candidate.openToOtherTenant !== true)
      if (closed.length === 0) return generate("bad-credentials", context, prng)
      const target = prng.pick(closed)
      const body = target.body === undefined ? undefined : JSON.stringify(target.body)
      return { ...base, method: target.method, path: target.path, headers: { ...second.headers, ...json }, body }
    }
  }
}
