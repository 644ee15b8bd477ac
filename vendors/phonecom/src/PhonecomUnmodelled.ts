/**
 * Phone.com data the domain does not model — the contact group — set and checked through the mock's own API (not
 * through the adapter), so the conformance suite's `patch-preserves` scenario can prove an update does not wipe it.
 * Every call must answer 2xx (`mockRequest`): a group that was never attached cannot pass as one that survived.
 */
import type { ContactId } from "@contactkit/domain"
import { mockRequest, type Unmodelled } from "@contactkit/vendor-kit"
import { Effect } from "effect"

/** Puts the contact in a Phone.com contact group (account 1001, extension 1). */
export const phonecomGroup = (mockUrl: string): Unmodelled => {
  const base = `${mockUrl}/v4/accounts/1001/extensions/1`
  const headers = { authorization: "Bearer phonecom-token-a" }
  const groups = new Map<ContactId, number>()
  const readContact = (id: ContactId) => mockRequest(`${base}/contacts/${id}`, { method: "GET", headers })
  return {
    attach: (id: ContactId) =>
      Effect.gen(function*() {
        const group = yield* mockRequest(`${base}/contact-groups`, {
          method: "POST",
          headers,
          body: { name: `conformance ${id}` }
        })
        const groupId = group["id"]
        if (typeof groupId !== "number") {
          return yield* Effect.fail(new Error(`the new contact group has no id: ${JSON.stringify(group)}`))
        }
        const contact = yield* readContact(id)
        const { id: _id, created_at: _c, updated_at: _u, ...input } = contact
        const strip = (items: ReadonlyArray<Record<string, unknown>>) =>
          items.map(({ normalized: _n, ...item }) => item)
        yield* mockRequest(`${base}/contacts/${id}`, {
          method: "PUT",
          headers,
          body: { ...input, phone_numbers: strip(contact["phone_numbers"] ?? []), group: { id: groupId } }
        })
        groups.set(id, groupId)
      }),
    isIntact: (id: ContactId) => {
      const groupId = groups.get(id)
      if (groupId === undefined) return Effect.succeed(false)
      return Effect.map(readContact(id), (contact) => contact["group"]?.["id"] === groupId)
    }
  }
}
