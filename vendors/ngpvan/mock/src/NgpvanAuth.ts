/**
 * NGP's two ways to send the API key (docs.everyaction.com/reference/authentication-1): Basic authentication with
 * the user name `apiuser` and the key as password, or the key alone in a header named `apiKey`. The key is a GUID,
 * case-insensitive, and tied to one tenant.
 */
import { type Tenant, tenantsByKey } from "./NgpvanState.ts"

const tenantOfKey = (key: string | undefined): Tenant | undefined =>
  key === undefined ? undefined : tenantsByKey.get(key.trim().toLowerCase())

const basicKey = (authorization: string | undefined): string | undefined => {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/iu.exec(authorization ?? "")
  if (match === null) return undefined
  const decoded = Buffer.from(match[1] ?? "", "base64").toString("utf8")
  const colon = decoded.indexOf(":")
  return colon !== -1 && decoded.slice(0, colon).toLowerCase() === "apiuser" ? decoded.slice(colon + 1) : undefined
}

// The tenant of each `Authorization` value seen: a client sends the same one on every request, and decoding it was
// a visible share of a GET. Bounded (emptied at 256 values), so junk credentials cannot grow it.
const byAuthorization = new Map<string, Tenant | null>()
const tenantOfAuthorization = (authorization: string | undefined): Tenant | undefined => {
  if (authorization === undefined) return undefined
  const known = byAuthorization.get(authorization)
  if (known !== undefined) return known ?? undefined
  const tenant = tenantOfKey(basicKey(authorization))
  if (byAuthorization.size >= 256) byAuthorization.clear()
  byAuthorization.set(authorization, tenant ?? null)
  return tenant
}

/** The tenant the request's credential belongs to, or undefined (401). Header names arrive lower-cased. */
export const tenantOf = (headers: Readonly<Record<string, string | undefined>>): Tenant | undefined =>
  tenantOfKey(headers["apikey"]) ?? tenantOfAuthorization(headers["authorization"])
