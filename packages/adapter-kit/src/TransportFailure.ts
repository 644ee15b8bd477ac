/**
 * What went wrong on the wire, in words a newcomer can act on. `fetch` reports every transport failure as
 * "fetch failed" and Effect's client as "Transport error"; the system error code under it (`ECONNREFUSED`,
 * `ECONNRESET`, …, or undici's own) says whether nothing listens there, the server cut the connection, or it
 * never answered. Messages carry the request's URL without its credentials or query (where keys may travel).
 */

/** The system or undici error codes found anywhere in a failure's cause chain. */
const codesOf = (cause: unknown, depth = 0): ReadonlyArray<string> => {
  if (depth > 6 || typeof cause !== "object" || cause === null) return []
  const c = cause as { readonly code?: unknown; readonly cause?: unknown; readonly errors?: unknown }
  const own = typeof c.code === "string" ? [c.code] : []
  const nested = Array.isArray(c.errors) ? c.errors.flatMap((e) => codesOf(e, depth + 1)) : []
  return [...own, ...nested, ...codesOf(c.cause, depth + 1)]
}

/** Whether a transport failure is a refused connection: the request never reached the vendor. */
export const isConnectionRefused = (cause: unknown): boolean => codesOf(cause).includes("ECONNREFUSED")

const kinds: ReadonlyArray<readonly [ReadonlyArray<string>, (origin: string) => string]> = [
  [["ECONNREFUSED"], (origin) => `connection refused: nothing is listening at ${origin} (is the server running?)`],
  [
    ["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"],
    (origin) => `connection reset: ${origin} closed the connection before answering`
  ],
  [
    ["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"],
    (origin) => `timed out: ${origin} did not answer`
  ],
  [["ENOTFOUND", "EAI_AGAIN"], (origin) => `host not found: ${origin} does not resolve (is the URL right?)`],
  [["EHOSTUNREACH", "ENETUNREACH"], (origin) => `host unreachable: no route to ${origin}`]
]

/** A URL as it may be shown: no user or password, no query string, no fragment. */
export const safeUrl = (url: string): string => {
  if (!URL.canParse(url)) return url.replace(/[?#].*$/su, "")
  const parsed = new URL(url)
  return `${parsed.origin}${parsed.pathname === "/" ? "" : parsed.pathname}`
}

/** The innermost message of a cause chain (`fetch failed` → `bad port`), the most specific words there are. */
const innermost = (cause: unknown, depth = 0): string | undefined => {
  if (depth > 6 || typeof cause !== "object" || cause === null) return undefined
  const c = cause as { readonly message?: unknown; readonly cause?: unknown }
  const deeper = innermost(c.cause, depth + 1)
  return deeper ?? (typeof c.message === "string" && c.message !== "" ? c.message : undefined)
}

/**
 * One line: what happened to `method url`, from the failure's cause chain; else the failure's own message with
 * the request it repeats taken out (it carries the full URL, query included) and the innermost cause added.
 */
export const describeTransportFailure = (method: string, url: string, cause: unknown, fallback: string): string => {
  const codes = codesOf(cause)
  const origin = URL.canParse(url) ? new URL(url).origin : safeUrl(url)
  const kind = kinds.find(([names]) => names.some((name) => codes.includes(name)))
  if (kind !== undefined) return `${method} ${safeUrl(url)}: ${kind[1](origin)}`
  const general = fallback.replace(/\s*\([A-Z]+ [^)]*\)\s*$/u, "")
  const specific = innermost((cause as { readonly cause?: unknown } | null)?.cause)
  return `${method} ${safeUrl(url)}: ${
    specific === undefined || general.includes(specific) ? general : `${general}: ${specific}`
  }`
}
