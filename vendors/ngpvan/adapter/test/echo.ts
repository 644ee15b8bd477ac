/**
 * What NGP's server stores for a body the adapter sends, written from the documented behaviour (and the mock's
 * README), independently of the adapter's mapping: a create keeps what it is sent with every array present and each
 * email's `doNotEmail` false and lists empty; an update replaces the text it is sent (`null` clears) and the arrays it
 * is sent, an email keeping the stored opt-out and lists of the same address unless it sends its own.
 */
import type { NgpvanSchema } from "../src/index.ts"

type Wire = Record<string, unknown>

const storedEmail = (email: NgpvanSchema.NgpvanEmailInput, before: ReadonlyArray<NgpvanSchema.NgpvanEmail> = []) => {
  const same = before.find((b) => b.address.toLowerCase() === email.address.toLowerCase())
  return {
    address: email.address,
    type: email.type,
    doNotEmail: email.doNotEmail ?? same?.doNotEmail ?? false,
    appliedEmailLists: email.appliedEmailLists ?? same?.appliedEmailLists ?? []
  }
}

export const echoCreate = (input: NgpvanSchema.NgpvanContactInput, contactId: string): NgpvanSchema.NgpvanContact =>
  ({
    contactId,
    ...input,
    emails: input.emails.map((e) => storedEmail(e)),
    externalLinks: [],
    contactCodes: [],
    disclosureFields: []
  }) as unknown as NgpvanSchema.NgpvanContact

export const echoUpdate = (
  stored: NgpvanSchema.NgpvanContact,
  update: NgpvanSchema.NgpvanContactUpdate
): NgpvanSchema.NgpvanContact => {
  const out: Wire = { ...stored }
  for (const [key, value] of Object.entries(update)) {
    if (key === "emails") continue
    if (value === null) delete out[key]
    else out[key] = value
  }
  out["emails"] = update.emails.map((e) => storedEmail(e, stored.emails ?? []))
  return out as unknown as NgpvanSchema.NgpvanContact
}
