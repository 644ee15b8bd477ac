/**
 * Before the generated run: proof that every way a tenant is presented really authenticates, so that a mistyped
 * `otherAuth` cannot make the run pass by being refused everywhere with a 401. Each way, on one route, must get the
 * answer the tenant's `headers` get, and that answer must differ from the one a request without any credential
 * gets. A way that puts the credential in a form body is tried on the first route with a body, with an empty form.
 */
import { Effect } from "effect"
import { authForms, type BadInputTenant, present } from "./BadAuth.ts"
import { formContentType } from "./BadForms.ts"
import type { BadInputRoute } from "./BadRequests.ts"
import type { RawClient, RawRequest } from "./RawClient.ts"

export interface AuthFormCheck {
  /** How many ways of presenting a credential were tried (over both tenants). */
  readonly checked: number
  readonly problems: ReadonlyArray<string>
}

export const checkAuthForms = (
  client: RawClient,
  tenants: ReadonlyArray<BadInputTenant>,
  routes: ReadonlyArray<BadInputRoute>
): Effect.Effect<AuthFormCheck> =>
  Effect.gen(function*() {
    const read = routes.find((route) => route.body === undefined) ?? routes[0]
    const write = routes.find((route) => route.body !== undefined)
    const problems: Array<string> = []
    let checked = 0
    const status = (request: RawRequest) => Effect.promise(() => client.send(request)).pipe(Effect.map((r) => r.status))
    for (const [t, tenant] of tenants.entries()) {
      const [headerForm, ...others] = authForms(tenant)
      if (headerForm === undefined) continue
      for (const [i, form] of others.entries()) {
        const auth = form(tenant.secret)
        const route = auth.form === undefined ? read : write
        if (route === undefined) continue
        const probe: RawRequest = auth.form === undefined
          ? { method: route.method, path: route.path, headers: {} }
          : { method: route.method, path: route.path, headers: { "content-type": formContentType }, body: "" }
        const none = yield* status(probe)
        const expected = yield* status(present(probe, headerForm(tenant.secret)))
        const got = yield* status(present(probe, auth))
        checked++
        if (got !== expected || expected === none) {
          problems.push(
            `tenant ${t + 1}, other way ${i + 1} (${JSON.stringify(Object.keys(auth))}) on ${route.method} ` +
              `${route.path}: ${got}, where its headers get ${expected} and no credential ${none}`
          )
        }
      }
    }
    return { checked, problems }
  })
