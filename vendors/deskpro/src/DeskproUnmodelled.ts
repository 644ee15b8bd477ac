/**
 * Deskpro data the domain does not model — the person's summary and labels, and twitter's `display_feed` on each
 * twitter record — set and checked through the mock's own API (not through the adapter), so the conformance
 * suite's `patch-preserves` scenario can prove an update keeps them. A call the mock refuses fails the hook.
 */
import type { ContactId } from "@contactkit/domain"
import { mockRequest, type Unmodelled } from "@contactkit/vendor-kit"
import { Effect } from "effect"

const headers = { authorization: "key 1:deskpro-key-a" }
const summary = "Met at the Analytical Society, 1843 — not modelled by the domain"
const labels = ["conformance", "vip"]

type Record = { readonly contact_type?: string; readonly display_feed?: boolean }

/** Gives the person (helpdesk A) a summary and labels, and turns `display_feed` on for its twitter records. */
export const deskproSummaryAndFeed = (mockUrl: string): Unmodelled => {
  const url = (id: ContactId) => `${mockUrl}/api/v2/people/${id}`
  const twitterOf = (data: { readonly contact_data?: ReadonlyArray<Record> }) =>
    (data.contact_data ?? []).filter((r) => r.contact_type === "twitter")
  return {
    attach: (id: ContactId) =>
      Effect.gen(function*() {
        const { data } = yield* mockRequest(url(id), { method: "GET", headers })
        const records: ReadonlyArray<Record & { readonly id?: number }> = data.contact_data ?? []
        // Sent back in the KB's write shape, keyed by type; only twitter records change.
        const byType: { [type: string]: Array<unknown> } = {}
        for (const { contact_type, id: _id, ...values } of records) {
          const type = contact_type ?? ""
          ;(byType[type] ??= []).push(type === "twitter" ? { ...values, display_feed: true } : values)
        }
        yield* mockRequest(url(id), { method: "PUT", headers, body: { summary, labels, contact_data: byType } })
      }),
    isIntact: (id: ContactId) =>
      Effect.map(mockRequest(url(id), { method: "GET", headers }), ({ data }) =>
        data.summary === summary &&
        JSON.stringify(data.labels) === JSON.stringify(labels) &&
        twitterOf(data).every((r) => r.display_feed === true))
  }
}
