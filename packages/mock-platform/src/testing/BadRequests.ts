/**
 * The generator behind `badInputSuite`: from a vendor's routes (each with a body the vendor accepts) and its two
 * tenants, requests that no vendor may act on — malformed and truncated JSON, wrong types and shapes, foreign
 * content types, oversized and deeply nested bodies, hostile ids and paths, methods the path does not route, bad
 * credentials and the other tenant's — each tagged with its category. Every one must be refused (or, for reads,
 * answered) without a 5xx and without changing any tenant's state. A tenant is presented each way the vendor takes
 * its credential (BadAuth.ts); a vendor that reads forms also gets its bodies form-encoded and broken (BadForms.ts).
 */
import { badCredentials, type BadInputTenant, pickAuthForm, present } from "./BadAuth.ts"
import { deepForm, formContentType, formEncode, malformedForm, shapelessForm } from "./BadForms.ts"
import type { Prng } from "./Prng.ts"
import type { RawRequest } from "./RawClient.ts"

export type { BadInputTenant } from "./BadAuth.ts"

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
  /** Which of its tenant's ways (`authForms`, 0: `headers`) presents the credential; absent when none does. */
  readonly via?: number
}

export interface GeneratorContext {
  readonly routes: ReadonlyArray<BadInputRoute>
  readonly tenants: readonly [BadInputTenant, BadInputTenant]
  readonly foreignContentTypes: ReadonlyArray<string | undefined>
  /** The methods some route accepts for a path (the generator sends others). */
  readonly allowedMethods: (path: string) => ReadonlyArray<string>
  readonly caseInsensitivePaths: boolean
  readonly maxBodyBytes: number
  /** The vendor also reads form-encoded bodies: body categories are then sent as forms half the time. */
  readonly formBodies?: boolean
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

// Categories whose body is sent form-encoded half the time when the vendor reads forms (a cut form is still a form,
// so truncation stays JSON; the other tenant's request decides for its own route).
const formCategories: ReadonlyArray<Category> = [
  "malformed-json",
  "wrong-type",
  "wrong-shape",
  "oversized",
  "deep-nesting",
  "hostile-path",
  "method",
  "bad-credentials"
]

const form = { "content-type": formContentType }

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
  // Drawn only for a vendor that reads forms, so the requests of one that does not stay the same for a seed.
  const asForm = context.formBodies === true && hasBody(route) && formCategories.includes(category) &&
    prng.chance(0.5)
  const valid = route.body === undefined ? undefined : asForm ? formEncode(route.body) : JSON.stringify(route.body)
  const base = { category, method: route.method, path: route.path, headers: asForm ? form : json }
  /** The request presented as `tenant`, one of its ways (a form field only when the body is a form). */
  const as = (tenant: BadInputTenant, request: BadRequest, formBody = asForm): BadRequest => {
    const [form, via] = pickAuthForm(tenant, prng, formBody)
    return present({ ...request, via }, form(tenant.secret))
  }
  switch (category) {
    case "malformed-json":
      return as(first, { ...base, body: asForm ? malformedForm(route.body, prng) : malformed(valid ?? "{}", prng) })
    case "truncated-json": {
      const text = valid ?? "{\"a\":1}"
      return as(first, { ...base, body: text.slice(0, prng.int(1, Math.max(1, text.length - 1))) })
    }
    case "wrong-type": {
      const retyped = retype(route.body ?? {}, route, prng)
      return as(first, { ...base, body: asForm ? formEncode(retyped) : JSON.stringify(retyped) })
    }
    case "wrong-shape":
      return as(first, {
        ...base,
        body: asForm
          ? shapelessForm(route.body, prng)
          : prng.pick(["42", "\"text\"", "true", "-0.5", "null", `[${valid ?? "{}"}]`, "[1,2]"])
      })
    case "content-type": {
      // A vendor that reads forms gets a form sent as JSON half the time, else (like any vendor) JSON sent as other.
      if (context.formBodies === true && prng.chance(0.5)) {
        return as(first, { ...base, body: formEncode(route.body ?? { value: "x" }) }, false)
      }
      const contentType = prng.pick(context.foreignContentTypes)
      const headers: Record<string, string> = {}
      if (contentType !== undefined) headers["content-type"] = contentType
      return as(first, { ...base, headers, body: valid ?? "{}" }, false)
    }
    case "oversized": {
      const size = context.maxBodyBytes + prng.int(1, 256 * 1024)
      if (!prng.chance(0.5)) return as(first, { ...base, body: undefined, chunkedBytes: size + 64 * 1024 }, false)
      return as(first, {
        ...base,
        body: asForm ? `value=${"x".repeat(size)}` : JSON.stringify({ value: "x".repeat(size) })
      })
    }
    case "deep-nesting": {
      const depth = prng.pick([513, 600, 5_000, 20_000])
      if (asForm) return as(first, { ...base, body: deepForm(route.body, depth, prng) })
      const deep = nested(depth)
      const record = route.body !== null && typeof route.body === "object" && !Array.isArray(route.body)
        ? (route.body as Record<string, unknown>)
        : {}
      const key = prng.pick([...Object.keys(record), "value"])
      return as(first, {
        ...base,
        body: prng.chance(0.5) ? deep : JSON.stringify({ ...record, [key]: "__deep__" }).replace("\"__deep__\"", deep)
      })
    }
    case "hostile-path":
      return as(first, { ...base, path: hostilePath(route.path, prng, context.caseInsensitivePaths), body: valid })
    case "method": {
      const allowed = context.allowedMethods(route.path)
      const method = prng.pick(unknownMethods.filter((candidate) => !allowed.includes(candidate)))
      return as(first, { ...base, method, body: valid })
    }
    case "bad-credentials": {
      const { auth, junk, via } = badCredentials(first, prng, asForm)
      const tags = { ...(junk === undefined ? {} : { junkSecret: junk }), ...(via === undefined ? {} : { via }) }
      return present({ ...base, body: valid, ...tags }, auth)
    }
    case "other-tenant": {
      const closed = context.routes.filter((candidate) => candidate.openToOtherTenant !== true)
      if (closed.length === 0) return generate("bad-credentials", context, prng)
      const target = prng.pick(closed)
      const targetForm = context.formBodies === true && hasBody(target) && prng.chance(0.5)
      const body = target.body === undefined
        ? undefined
        : targetForm
        ? formEncode(target.body)
        : JSON.stringify(target.body)
      return as(second, {
        ...base,
        method: target.method,
        path: target.path,
        headers: targetForm ? form : json,
        body
      }, targetForm)
    }
  }
}
