/**
 * NGP data the domain does not model — contact codes, a disclosure field, an external link, and an email's
 * opt-out and email lists — set and checked through the mock's own API (not through the adapter), so the
 * conformance suite's `patch-preserves` scenario can prove an update keeps them. A call the mock refuses is a
 * defect, never a pass: data that was never set cannot pass as data that survived.
 */
import type { ContactId } from "@contactkit/domain"
import type { Unmodelled } from "@contactkit/vendor-kit"
import { Effect } from "effect"

const apiKey = "11111111-1111-4111-8111-111111111111"

const call = (url: string, method: "GET" | "POST", body?: unknown) =>
  Effect.tryPromise(() =>
    fetch(url, {
      method,
      headers: { apiKey, "content-type": "application/json", accept: "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    }).then((response) =>
      response.text().then((text) => {
        if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 300)}`)
        return JSON.parse(text) as Record<string, any>
      })
    )
  ).pipe(Effect.orDie)

const codes = [{ contactCodeId: 37653 }, { contactCodeId: 27 }]
const disclosures = [{ disclosureFieldId: 2114, designationId: 8, value: 2013 }]
const links = [{ externalSourceTypeId: "13", externalId: "conformance" }]
const lists = [{ emailListId: 12 }, { emailListId: 14 }]

/** Gives the contact (tenant A) codes, a disclosure, a link, and opts its first email out of mail with two lists. */
export const ngpvanCodesAndOptOuts = (mockUrl: string): Unmodelled => {
  const url = (id: ContactId) => `${mockUrl}/v2/contacts/${id}`
  const firstEmailOf = (contact: Record<string, any>) => (contact["emails"] ?? [])[0] as Record<string, any> | undefined
  return {
    attach: (id: ContactId) =>
      Effect.gen(function*() {
        const contact = yield* call(url(id), "GET")
        const [first, ...rest] = contact["emails"] ?? []
        yield* call(url(id), "POST", {
          contactCodes: codes,
          disclosureFields: disclosures,
          externalLinks: links,
          ...(first === undefined ? {} : {
            emails: [{ ...first, doNotEmail: true, appliedEmailLists: lists }, ...rest]
          })
        })
      }),
    isIntact: (id: ContactId) =>
      Effect.map(call(url(id), "GET"), (contact) => {
        const first = firstEmailOf(contact)
        const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
        return same(contact["contactCodes"], codes) && same(contact["disclosureFields"], disclosures) &&
          same(contact["externalLinks"], links) &&
          (first === undefined || (first["doNotEmail"] === true && same(first["appliedEmailLists"], lists)))
      })
  }
}
