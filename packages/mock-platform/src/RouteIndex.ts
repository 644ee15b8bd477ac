/**
 * The routes of one mock as a lookup the platform can ask before dispatching: which route pattern a request
 * matches (for per-route rate limits and the request log), and which methods a path allows when the request's
 * method is not one of them (so a wrong or unknown method gets the vendor's 405 rather than a 404). It uses the
 * same matcher and settings as the router that dispatches, so the two always agree.
 */
import type { HttpRouter } from "effect/http"
import { FindMyWay } from "effect/http"

/** Exact matching: case-sensitive unless the vendor's server is not, no merged slashes; a trailing slash is ignored. */
export const routerConfig = (caseInsensitive: boolean): Partial<FindMyWay.RouterConfig> => ({
  caseSensitive: !caseInsensitive,
  ignoreDuplicateSlashes: false,
  ignoreTrailingSlash: true
})

// The order in which Laravel (and most servers) list allowed methods.
const methodOrder = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

export interface RouteIndex {
  /** The pattern of the route `method url` reaches (HEAD falls back to GET, as the router does), if any. */
  readonly pattern: (method: string, url: string) => string | undefined
  /** The methods some route accepts for `url`, in the usual order; empty when no route has this path. */
  readonly allowedMethods: (url: string) => ReadonlyArray<string>
}

export const makeRouteIndex = (
  routes: ReadonlyArray<HttpRouter.Route<any, any>>,
  options: { readonly caseInsensitive?: boolean } = {}
): RouteIndex => {
  const router = FindMyWay.make<string>(routerConfig(options.caseInsensitive ?? false))
  const methods = new Set<string>()
  for (const route of routes) {
    if (route.method === "*") continue
    router.on(route.method, route.path, route.path)
    methods.add(route.method)
  }
  if (methods.has("GET")) methods.add("HEAD")
  const ordered = [...methods].sort((a, b) => rank(a) - rank(b))
  const pattern = (method: string, url: string) =>
    router.find(method, url)?.handler ?? (method === "HEAD" ? router.find("GET", url)?.handler : undefined)
  return {
    pattern,
    allowedMethods: (url) => ordered.filter((method) => pattern(method, url) !== undefined)
  }
}

const rank = (method: string) => {
  const index = methodOrder.indexOf(method)
  return index === -1 ? methodOrder.length : index
}
