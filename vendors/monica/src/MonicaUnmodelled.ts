/**
 * Monica data the domain does not model — the contact's description — set and checked through the mock's own API
 * (not through the adapter), so the conformance suite's `patch-preserves` scenario can prove an update keeps it.
 * Every call must answer 2xx (`mockRequest`): a description that was never set cannot pass as one that survived.
 */
import type { ContactId } from "@contactkit/domain"
import { mockRequest, type Unmodelled } from "@contactkit/vendor-kit"
import { Effect } from "effect"

/** Gives the Monica contact a description (account 1). */
export const monicaDescription = (mockUrl: string): Unmodelled => {
  const headers = { authorization: "Bearer monica-token-a" }
  const description = "Met at the Analytical Society, 1843 — not modelled by the domain"
  const url = (id: ContactId) => `${mockUrl}/api/contacts/${id}`
  return {
    attach: (id: ContactId) =>
      Effect.gen(function*() {
        const { data } = yield* mockRequest(url(id), { method: "GET", headers })
        yield* mockRequest(url(id), {
          method: "PUT",
          headers,
          body: {
            first_name: data["first_name"],
            last_name: data["last_name"],
            nickname: data["nickname"],
            description,
            is_birthdate_known: false,
            is_deceased: false,
            is_deceased_date_known: false
          }
        })
      }),
    isIntact: (id: ContactId) =>
      Effect.map(mockRequest(url(id), { method: "GET", headers }), ({ data }) => data?.["description"] === description)
  }
}
