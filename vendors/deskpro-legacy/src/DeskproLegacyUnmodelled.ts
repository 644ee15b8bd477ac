/**
 * Deskpro Legacy data the domain does not model — the person's `summary` — set and checked through the mock's own
 * API (not through the adapter), so the conformance suite's `patch-preserves` scenario can prove an update does not
 * wipe it. Every call must answer 2xx (`mockRequest`): a summary that was never set cannot pass as one that survived.
 */
import type { ContactId } from "@contactkit/domain"
import { mockRequest, type Unmodelled } from "@contactkit/vendor-kit"
import { Effect } from "effect"

export const deskproLegacySummary = (mockUrl: string): Unmodelled => {
  const headers = { "x-deskpro-api-key": "1:legacy-key-a" }
  const summaryOf = (id: ContactId) => `conformance summary of person ${id}`
  return {
    attach: (id: ContactId) =>
      mockRequest(`${mockUrl}/api/people/${id}`, { method: "POST", headers, body: { summary: summaryOf(id) } }).pipe(
        Effect.asVoid
      ),
    isIntact: (id: ContactId) =>
      Effect.map(
        mockRequest(`${mockUrl}/api/people/${id}`, { method: "GET", headers }),
        (answer) => answer["person"]?.["summary"] === summaryOf(id)
      )
  }
}
