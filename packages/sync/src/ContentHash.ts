/**
 * What a contact is, by content: a hash of the domain contact's kind, name, organisation and fields, without the
 * vendor's ids, timestamps or remote record. The sync keeps it beside each source-id → target-id link, so a run
 * knows a contact is unchanged without touching the target; and the same hash of the projection the target was
 * sent recognises the written contact at the target when a write's outcome is unknown (the conformance suite holds
 * every adapter to returning exactly `project(draft)`).
 */
import { type Contact, type ContactDraft, toDraft, withE164, withoutId } from "@contactkit/domain"
import { createHash } from "node:crypto"

/** The draft without vendor field ids (the target assigns its own) or anything beyond the model. */
export const contentOf = (contact: Contact | ContactDraft): ContactDraft => {
  const draft = toDraft(contact)
  return { ...draft, fields: draft.fields.map((field) => withE164(withoutId(field))) }
}

/** JSON with keys sorted at every depth and undefined values left out, so equal values serialise equally. */
export const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a < b ? -1 : 1)
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`
  }
  return JSON.stringify(value)
}

/**
 * The content hash. Fields count as a set: a vendor may return them in another order than they were written, and
 * that is no change.
 */
export const contentHash = (contact: Contact | ContactDraft): string => {
  const draft = contentOf(contact)
  const fields = draft.fields.map(canonical).sort()
  return createHash("sha256")
    .update(canonical({ kind: draft.kind, name: draft.name, organization: draft.organization, fields }))
    .digest("hex")
}
