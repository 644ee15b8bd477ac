/**
 * How the fuzzer presents the mock's first test credential: as the mock module says (`authHeaders`), or else as
 * the vendor's OpenAPI document declares its security — a bearer token, or an API key in a header.
 */
import type { VendorModule } from "@contactkit/mock-platform"

interface SecurityScheme {
  readonly type?: string
  readonly scheme?: string
  readonly in?: string
  readonly name?: string
}

export interface SecuredDocument {
  readonly security?: ReadonlyArray<Readonly<Record<string, unknown>>>
  readonly components?: { readonly securitySchemes?: Readonly<Record<string, SecurityScheme>> }
}

const fromScheme = (scheme: SecurityScheme | undefined, token: string): Record<string, string> | undefined => {
  if (scheme?.type === "http" && scheme.scheme?.toLowerCase() === "bearer") return { authorization: `Bearer ${token}` }
  if (scheme?.type === "apiKey" && scheme.in === "header" && scheme.name !== undefined) return { [scheme.name]: token }
  return undefined
}

export const authHeaders = (module: VendorModule, document: SecuredDocument): Readonly<Record<string, string>> => {
  const token = module.credentials[0]?.token ?? ""
  if (module.authHeaders !== undefined) return module.authHeaders(token)
  const schemes = document.components?.securitySchemes ?? {}
  const required = (document.security ?? []).flatMap((requirement) => Object.keys(requirement))
  for (const name of [...required, ...Object.keys(schemes)]) {
    const headers = fromScheme(schemes[name], token)
    if (headers !== undefined) return headers
  }
  return { authorization: `Bearer ${token}` }
}
