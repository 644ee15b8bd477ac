/**
 * What a raw request target means, decided once before any router sees it, so every mock matches paths exactly:
 *
 * - the admin API answers only under the exact, case-sensitive prefix `/__admin` (never `//__admin`, `/__ADMIN` or
 *   `/%5F_admin`), and nothing else reaches it;
 * - a path with a fragment, a bad percent-escape, an encoded control character, NUL, slash or backslash, or a dot
 *   segment (`.`, `..`, also encoded) names no resource: it is refused with the vendor's own 404, never normalised
 *   into another path;
 * - `;` is part of its segment (a real server does not treat it as a query delimiter, Effect's router does), so it
 *   is escaped before routing and a handler sees the id `1;2`, which it rejects, instead of `1`.
 */

export type RequestTarget =
  | { readonly _tag: "Admin"; readonly url: string }
  | { readonly _tag: "Vendor"; readonly url: string; readonly path: string }
  | { readonly _tag: "Refused"; readonly path: string; readonly reason: string }

const adminPrefix = "/__admin"

// Bytes that may never appear in a path segment once decoded: C0 controls, DEL, "/" and "\".
const forbiddenEscape = /%(?:[01][0-9a-f]|7f|2f|5c)/iu
const badEscape = /%(?![0-9a-f]{2})/iu

const isDotSegment = (segment: string) => /^(?:\.|%2e){1,2}$/iu.test(segment)

const decodes = (path: string) => {
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}

// A path of letters, digits and the punctuation ids and names mostly use — no `%`, `#`, `.`, `;` or `\` — can meet
// none of the refusals and needs no escaping: most requests, classified by this one test instead of all of them.
const plainPath = /^\/[A-Za-z0-9_~!$&'()*+,=:@/-]*$/u

/** Classifies `url` (path and query, as on the request line). */
export const requestTarget = (url: string): RequestTarget => {
  const queryAt = url.indexOf("?")
  const path = queryAt === -1 ? url : url.slice(0, queryAt)
  if (plainPath.test(path) && path !== adminPrefix && !path.startsWith(`${adminPrefix}/`)) {
    return { _tag: "Vendor", url, path }
  }
  return checkedTarget(url)
}

/** `requestTarget` by every rule, for any path (exported for the test that the shortcut answers alike). */
export const checkedTarget = (url: string): RequestTarget => {
  const queryAt = url.indexOf("?")
  const path = queryAt === -1 ? url : url.slice(0, queryAt)
  const query = queryAt === -1 ? "" : url.slice(queryAt)
  if (path === adminPrefix || path.startsWith(`${adminPrefix}/`)) return { _tag: "Admin", url }
  const refuse = (reason: string): RequestTarget => ({ _tag: "Refused", path, reason })
  if (!path.startsWith("/")) return refuse("not an origin-form path")
  if (path.includes("#")) return refuse("a fragment")
  if (badEscape.test(path) || !decodes(path)) return refuse("a malformed percent-escape")
  if (forbiddenEscape.test(path)) return refuse("an encoded control character, NUL, slash or backslash")
  if (path.split("/").some(isDotSegment)) return refuse("a dot segment")
  return { _tag: "Vendor", url: path.replaceAll(";", "%3B") + query, path }
}
