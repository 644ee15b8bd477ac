/**
 * Phone.com data the domain does not model — the contact group — set and checked through the mock's own API (not
 * through the adapter), so the conformance suite's `patch-preserves` scenario can prove an update does not wipe it.
 */
import type { ContactId } from "@contactkit/domain"
import type { Unmodelled } from "@contactkit/vendor-kit"
import { Effect } from "effect"

const call = (url: string, token: string, method: string, body?: unknown) =>
  Effect.promise(() =>
    fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    }).then((response) => response.json() as Promise<Record<string, any>>)
  )

/** Puts the contact in a Phone.com contact group (account 1001, extension 1). */
export const phonecomGroup = (mockUrl: string): Unmodelled => {
  const base = `${mockUrl}/v4/accounts/1001/extensions/1`
  const token = "phonecom-token-a"
  const groups = new Map<ContactId, number>()
  return {
    attach: (id: ContactId) =>
      Effect.gen(function*() {
        const group = yield* call(`${base}/contact-groups`, token, "POST", { name: `conformance ${id}` })
        const contact = yield* call(`${base}/contacts/${id}`, token, "GET")
        const { id: _id, created_at: _c, updated_at: _u, ...input } = contact
        const strip = (items: ReadonlyArray<Record<string, unknown>>) =>
          items.map(({ normalized: _n, ...item }) => item)
        yield* call(`${base}/contacts/${id}`, token, "PUT", {
          ...input,
          phone_numbers: strip(contact["phone_numbers"] ?? []),
          group: { id: group["id"] }
        })
        groups.set(id, group["id"])
      }),
    isIntact: (id: ContactId) =>
      call(`${base}/contacts/${id}`, token, "GET").pipe(
        Effect.map((contact) => contact["group"]?.["id"] === groups.get(id))
      )
  }
}
