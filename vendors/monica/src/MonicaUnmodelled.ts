/**
 * Monica data the domain does not model — the contact's description — set and checked through the mock's own API
 * (not through the adapter), so the conformance suite's `patch-preserves` scenario can prove an update keeps it.
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

/** Gives the Monica contact a description (account 1). */
export const monicaDescription = (mockUrl: string): Unmodelled => {
  const token = "monica-token-a"
  const description = "Met at the Analytical Society, 1843 — not modelled by the domain"
  return {
    attach: (id: ContactId) =>
      Effect.gen(function*() {
        const { data } = yield* call(`${mockUrl}/api/contacts/${id}`, token, "GET")
        yield* call(`${mockUrl}/api/contacts/${id}`, token, "PUT", {
          first_name: data["first_name"],
          last_name: data["last_name"],
          nickname: data["nickname"],
          description,
          is_birthdate_known: false,
          is_deceased: false,
          is_deceased_date_known: false
        })
      }),
    isIntact: (id: ContactId) =>
      call(`${mockUrl}/api/contacts/${id}`, token, "GET").pipe(
        Effect.map(({ data }) => data["description"] === description)
      )
  }
}
