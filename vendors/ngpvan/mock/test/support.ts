/** The NGP VAN mock's test credentials, NGP's own example body, and a caller that sends the key as NGP expects. */
import { MockServer } from "@contactkit/mock-platform"
import { call as platformCall, type Reply } from "@contactkit/mock-platform/testing"
import { Effect } from "effect"

export const keyA = "11111111-1111-4111-8111-111111111111"
export const keyB = "22222222-2222-4222-8222-222222222222"
export const contacts = "/v2/contacts"

export const basic = (user: string, key: string) => `Basic ${Buffer.from(`${user}:${key}`).toString("base64")}`

/** A request with the key in the `apiKey` header (or none, with `key: undefined`). */
export const call = (
  method: string,
  path: string,
  options: { readonly key?: string | undefined; readonly body?: unknown; readonly headers?: Record<string, string> } =
    {}
) =>
  platformCall(method, path, {
    headers: { ...(options.key === undefined ? {} : { apiKey: options.key }), ...options.headers },
    ...(options.body === undefined ? {} : { body: options.body })
  })

/** A request whose redirects are not followed, to see NGP's 301 itself. */
export const callNoRedirect = (method: string, path: string, key: string, body: unknown) =>
  Effect.gen(function*() {
    const server = yield* MockServer
    const response = yield* Effect.promise(() =>
      fetch(`${server.url}${path}`, {
        method,
        redirect: "manual",
        headers: { apiKey: key, "content-type": "application/json" },
        body: JSON.stringify(body)
      })
    )
    const text = yield* Effect.promise(() => response.text())
    return { status: response.status, headers: response.headers, text, json: undefined } as Reply
  })

/**
 * NGP's Contacts example (docs.ngpvan.com/reference/common-models-40), made valid JSON: the page's capture has a
 * trailing comma after `"emailListId": 12` and an obfuscated email address.
 */
export const lefty = {
  type: "INDIVIDUAL",
  firstName: "Lefty",
  lastName: "McDonkey",
  emails: [{
    address: "lefty.mcdonkey@example.com",
    type: "MAIN",
    doNotEmail: false,
    appliedEmailLists: [{ emailListId: 12 }, { emailListId: 14 }]
  }],
  addresses: [{
    line1: "1203 12th St",
    line2: "Suite 525",
    city: "Washington",
    stateProvince: "DC",
    postalCode: "20005",
    type: "WORK"
  }],
  phones: [{ number: "2025557979", type: "MOBILE" }, { number: "3014884002", type: "HOME" }],
  externalLinks: [{ externalSourceTypeId: "13", externalId: "12345" }, {
    externalSourceTypeId: "15",
    externalId: "6789"
  }],
  contactCodes: [{ contactCodeId: 37653 }, { contactCodeId: 1022 }, { contactCodeId: 27 }],
  employer: "NGP VAN",
  occupation: "Mascot",
  facebookProfileUrl: "http://facebook.com/shia_labeouf",
  disclosureFields: [
    { disclosureFieldId: 1, designationId: 8, value: 702 },
    { disclosureFieldId: 2114, designationId: 8, value: 2013 }
  ]
}
