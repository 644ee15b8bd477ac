/**
 * How generated bad requests present a tenant's credential, and the bad credentials made from it. A tenant always
 * has its `headers`; a vendor that takes the same credential other ways (HTTP Basic, a query parameter, a field of
 * a form body) lists them in `otherAuth`, each built from a secret, so every way is exercised with the real secret,
 * the other tenant's, and secrets no one has.
 *
 * ```ts
 * const tenant: BadInputTenant = {
 *   headers: { "x-api-key": "1:key-a" },
 *   secret: "1:key-a",
 *   otherAuth: [
 *     (secret) => ({ query: { "API-KEY": secret } }),
 *     (secret) => ({ form: { "API-KEY": secret } }), // only on form-encoded bodies
 *     (secret) => ({ headers: { authorization: `Basic ${Buffer.from(secret).toString("base64")}` } })
 *   ]
 * }
 * ```
 */
import type { Prng } from "./Prng.ts"
import type { RawRequest } from "./RawClient.ts"

/** Where a credential travels: headers, query parameters appended to the path, or fields of a form body. */
export interface BadInputAuth {
  readonly headers?: Readonly<Record<string, string>>
  readonly query?: Readonly<Record<string, string>>
  /** Used only on requests whose body is form-encoded (`BadInputOptions.formBodies`). */
  readonly form?: Readonly<Record<string, string>>
}

/** One way of presenting a credential, built from its secret. */
export type AuthForm = (secret: string) => BadInputAuth

export interface BadInputTenant {
  /** The headers that authenticate as this tenant, exactly as a client sends them. */
  readonly headers: Readonly<Record<string, string>>
  /** The secret inside those headers; it must never come back in an answer. */
  readonly secret: string
  /** Other ways the vendor accepts this tenant's credential; requests use `headers` or one of these at random. */
  readonly otherAuth?: ReadonlyArray<AuthForm>
}

/** The tenant's `headers` with its secret replaced by `secret`. */
const headerForm = (tenant: BadInputTenant): AuthForm => (secret) => ({
  headers: Object.fromEntries(
    Object.entries(tenant.headers).map(([name, value]) => [name, value.split(tenant.secret).join(secret)])
  )
})

/** Every way the tenant can present its credential, `headers` first. */
export const authForms = (tenant: BadInputTenant): ReadonlyArray<AuthForm> => [
  headerForm(tenant),
  ...(tenant.otherAuth ?? [])
]

/**
 * A way to present the tenant and its place in `authForms` (0: `headers`); always `headers` for a tenant without
 * `otherAuth`, with no random draw then. A way with a form field is picked only for a form body.
 */
export const pickAuthForm = (tenant: BadInputTenant, prng: Prng, formBody: boolean): readonly [AuthForm, number] => {
  if (tenant.otherAuth === undefined || tenant.otherAuth.length === 0) return [headerForm(tenant), 0]
  const usable = authForms(tenant).flatMap((form, i) =>
    formBody || form(tenant.secret).form === undefined ? [[form, i] as const] : []
  )
  return prng.pick(usable)
}

const swapCase = (text: string) =>
  [...text].map((char) => (char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase())).join("")

/** A credential no one has, presented one of the tenant's ways (or none at all); `junk` must not come back. */
export const badCredentials = (
  tenant: BadInputTenant,
  prng: Prng,
  formBody: boolean
): { readonly auth: BadInputAuth; readonly junk?: string; readonly via?: number } => {
  const junk = `junk-${prng.int(0, 1e9).toString(36)}-${prng.int(0, 1e9).toString(36)}`
  const options: ReadonlyArray<() => { auth: BadInputAuth; junk?: string; secret?: string }> = [
    () => ({ auth: {} }),
    () => ({ auth: {}, secret: junk, junk }),
    () => ({ auth: {}, secret: `${tenant.secret}x` }),
    () => ({ auth: {}, secret: tenant.secret.slice(0, -1) }),
    () => ({ auth: {}, secret: swapCase(tenant.secret) }),
    () => {
      const long = `${junk}${"z".repeat(prng.int(100, 4000))}`
      return { auth: {}, secret: long, junk }
    },
    () => ({ auth: {}, secret: "" }),
    () => ({ auth: { headers: { authorization: `Bearer ${junk}` } }, junk }),
    () => ({ auth: { headers: { authorization: `Basic ${Buffer.from(`user:${junk}`).toString("base64")}` } }, junk })
  ]
  const chosen = prng.pick(options)()
  if (chosen.secret === undefined) return chosen.junk === undefined ? { auth: chosen.auth } : chosen
  const [form, via] = pickAuthForm(tenant, prng, formBody)
  const auth = form(chosen.secret)
  // A replaced secret that presents exactly the real credential is no bad credential (a secret without letters).
  if (JSON.stringify(auth) === JSON.stringify(form(tenant.secret))) return { auth: {} }
  return chosen.junk === undefined ? { auth, via } : { auth, via, junk: chosen.junk }
}

const queryText = (query: Readonly<Record<string, string>>) =>
  Object.entries(query).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join("&")

/** `request` carrying `auth`: its headers added, its query appended to the path, its form fields to the body. */
export const present = <R extends RawRequest>(
  request: R,
  auth: BadInputAuth
): R => {
  const path = auth.query === undefined
    ? request.path
    : `${request.path}${request.path.includes("?") ? "&" : "?"}${queryText(auth.query)}`
  const body = auth.form === undefined || request.body === undefined
    ? request.body
    : `${request.body}${request.body === "" ? "" : "&"}${queryText(auth.form)}`
  return {
    ...request,
    path,
    headers: { ...auth.headers, ...request.headers },
    ...(body === undefined ? {} : { body })
  }
}
