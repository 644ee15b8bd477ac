/**
 * Whether a fault can ever fire, asked of the mock's own routes when the fault is set: a method no server knows
 * (`FETCH`) or a path no route of this vendor can have (`/v4/acounts`) would wait forever, so the admin API refuses
 * it with the reason instead of answering 201 and leaving a test to wonder why nothing failed.
 *
 * A fault's `path` is a route pattern (`/contacts/:id`) or a plain prefix (`/v4/accounts`), as `Faults.matches`
 * reads it; this compares it with each route segment by segment, a parameter on either side matching anything.
 */
import type { FaultSpec } from "./Faults.ts"

export interface RouteShape {
  readonly method: string
  readonly path: string
}

export const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const

const isParam = (segment: string) =>
  segment.startsWith(":") || (segment.startsWith("{") && segment.endsWith("}")) || segment === "*"

const segments = (path: string) => path.split("?")[0]!.split("/").slice(1)

/** A concrete path of `route` starts with the text `prefix`. */
const prefixFits = (prefix: string, route: string, same: (a: string, b: string) => boolean) => {
  const wanted = segments(prefix)
  const have = segments(route)
  if (wanted.length > have.length && have.at(-1) !== "*") return false
  return wanted.every((segment, i) => {
    const own = have[i] ?? "*"
    if (isParam(own)) return true
    // The prefix may end inside a segment (`/v4/acc`): only that much of the route's segment must agree.
    return i === wanted.length - 1 ? same(own.slice(0, segment.length), segment) : same(own, segment)
  })
}

/** Some concrete path matches both patterns. */
const patternFits = (pattern: string, route: string, same: (a: string, b: string) => boolean) => {
  const wanted = segments(pattern)
  const have = segments(route)
  if (wanted.length !== have.length && have.at(-1) !== "*") return false
  return wanted.every((segment, i) => {
    const own = have[i] ?? "*"
    return isParam(segment) || isParam(own) || same(own, segment)
  })
}

/**
 * Why the fault can never match a request to these routes, or `undefined` when it can. The path is checked
 * against the routes of the fault's method only, when it names one.
 */
export const unmatchableFault = (
  spec: Pick<FaultSpec, "method" | "path">,
  routes: ReadonlyArray<RouteShape>,
  options: { readonly vendor: string; readonly caseInsensitive?: boolean }
): string | undefined => {
  const method = spec.method?.toUpperCase()
  if (method !== undefined && !(httpMethods as ReadonlyArray<string>).includes(method)) {
    return `method ${spec.method} is not an HTTP method a client sends: use one of ${httpMethods.join(", ")}, ` +
      "or leave method out to match every method."
  }
  if (spec.path === undefined) return undefined
  const same = options.caseInsensitive === true
    ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
    : (a: string, b: string) => a === b
  const candidates = routes.filter((route) => method === undefined || route.method === "*" || route.method === method)
  const fits = /[:{]/u.test(spec.path) ? patternFits : prefixFits
  if (candidates.some((route) => fits(spec.path!, route.path, same))) return undefined
  const known = [...new Set(candidates.map((route) => route.path))].slice(0, 6).join(", ")
  return `path ${spec.path} matches no route of the ${options.vendor} mock${
    method === undefined ? "" : ` for ${method}`
  }, so the fault would never fire. Its routes include ${known || "none"}; a fault's path is a route pattern ` +
    "(with :param segments) or a prefix of the request path, base path included."
}
