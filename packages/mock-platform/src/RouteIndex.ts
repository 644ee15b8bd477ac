/**
 * The routes of one mock as the one lookup a request needs: which route `method url` reaches, with its pattern (for
 * per-route rate limits and the request log), its path parameters and its query (what the route's handler reads),
 * and which methods a path allows when the request's method is not one of them (so a wrong or unknown method gets
 * the vendor's 405 rather than a 404). It is built with the same matcher and settings as Effect's router, so a
 * request is matched once and the platform dispatches it itself (RouteDispatch.ts).
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

/** A request matched to one of the routes: what Effect's router would give the route's handler. */
export interface RouteMatch {
  readonly route: HttpRouter.Route<any, any>
  readonly params: Readonly<Record<string, string | undefined>>
  readonly searchParams: Readonly<Record<string, string | Array<string>>>
}

export interface RouteIndex {
  /** The route `method url` reaches (HEAD falls back to GET, as the router does), if any. */
  readonly find: (method: string, url: string) => RouteMatch | undefined
  /** The pattern of the route `method url` reaches, if any. */
  readonly pattern: (method: string, url: string) => string | undefined
  /** The methods some route accepts for `url`, in the usual order; empty when no route has this path. */
  readonly allowedMethods: (url: string) => ReadonlyArray<string>
  /**
   * Whether `find` reaches every route exactly as Effect's router would: true unless a route answers any method
   * (`"*"`), ends in a wildcard (`/*`) or carries a prefix — shapes the router treats specially, which no mock
   * uses, and for which the platform leaves dispatch to the router.
   */
  readonly direct: boolean
}

const isPlain = (route: HttpRouter.Route<any, any>) =>
  route.method !== "*" && !route.path.endsWith("/*") && route.prefix._tag === "None"

export const makeRouteIndex = (
  routes: ReadonlyArray<HttpRouter.Route<any, any>>,
  options: { readonly caseInsensitive?: boolean } = {}
): RouteIndex => {
  const router = FindMyWay.make<HttpRouter.Route<any, any>>(routerConfig(options.caseInsensitive ?? false))
  const methods = new Set<string>()
  for (const route of routes) {
    if (route.method === "*") continue
    router.on(route.method, route.path, route)
    methods.add(route.method)
  }
  if (methods.has("GET")) methods.add("HEAD")
  const ordered = [...methods].sort((a, b) => rank(a) - rank(b))
  const find = (method: string, url: string): RouteMatch | undefined => {
    const found = router.find(method, url) ?? (method === "HEAD" ? router.find("GET", url) : undefined)
    return found === undefined
      ? undefined
      : { route: found.handler, params: found.params, searchParams: found.searchParams }
  }
  const pattern = (method: string, url: string) => find(method, url)?.route.path
  return {
    find,
    pattern,
    allowedMethods: (url) => ordered.filter((method) => pattern(method, url) !== undefined),
    direct: routes.every(isPlain)
  }
}

const rank = (method: string) => {
  const index = methodOrder.indexOf(method)
  return index === -1 ? methodOrder.length : index
}
