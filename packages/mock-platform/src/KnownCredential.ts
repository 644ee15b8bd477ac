/**
 * Which of a vendor's documented test credentials a request carries, if any — what the platform's rate limiter keys
 * on, so only authenticated tenants ever get a counter. By default a credential counts when its token is exactly
 * one of the words of a header value (`Bearer <token>`, `key 1:<token>`, a bare API-key header), or of the
 * `user:password` of HTTP Basic; a module with another scheme gives its own `credentialOf`.
 */
import type { VendorModule } from "./VendorModule.ts"

type Headers = Readonly<Record<string, string | undefined>>

const words = (value: string): ReadonlyArray<string> => {
  const parts = value.trim().split(/\s+/u)
  const basic = parts[0]?.toLowerCase() === "basic" && parts[1] !== undefined
    ? [Buffer.from(parts[1], "base64").toString("utf8")]
    : []
  return [value.trim(), ...parts, ...basic].flatMap((part) => [part, ...part.split(":")])
}

export const knownCredential = (module: VendorModule, headers: Headers): string | undefined => {
  if (module.credentialOf !== undefined) return module.credentialOf(headers)
  const tokens = new Set(module.credentials.map((credential) => credential.token))
  for (const value of Object.values(headers)) {
    if (value === undefined) continue
    const found = words(value).find((word) => tokens.has(word))
    if (found !== undefined) return found
  }
  return undefined
}
