/**
 * What one contact becomes on its way to a target, decided from the target's Capabilities alone before anything
 * is written: the draft that will be sent (`project` of the source: what the target can hold), everything lost
 * on the way, whether the target refuses the contact outright (`validate` of what is left), and the fingerprint
 * by which the written contact is recognised at the target when a write's outcome is unknown.
 */
import {
  type Capabilities,
  type Contact,
  type ContactDraft,
  draftIssues,
  type Issue,
  project,
  rejectionIssues,
  toDraft,
  withoutId
} from "@contactkit/domain"
import { createHash } from "node:crypto"

export interface WritePlan {
  /** Stable across runs: the source contact's id, or the card's key in an input file. */
  readonly key: string
  /** A name a person recognises, for reports. */
  readonly label: string
  /** The source draft, for naming losses by field kind. */
  readonly source: ContactDraft
  /** What is sent to the target. */
  readonly draft: ContactDraft
  readonly losses: ReadonlyArray<Issue>
  /** Why the target would refuse even the projected contact (a required name it lacks); empty when it is written. */
  readonly refusal: ReadonlyArray<Issue>
  readonly fingerprint: string
}

/** The draft without vendor field ids (the target assigns its own) or anything beyond the model. */
export const sourceDraft = (contact: Contact | ContactDraft): ContactDraft => {
  const draft = toDraft(contact)
  return { ...draft, fields: draft.fields.map(withoutId) }
}

/** JSON with keys sorted at every depth, so equal values hash equally. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a < b ? -1 : 1)
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`
  }
  return JSON.stringify(value)
}

/**
 * What identifies a stored contact by content: kind, name, organisation and the fields as a set (vendors may
 * return them in another order), without ids or timestamps. A contact read back from the target has the same
 * fingerprint as the projection it was written from — the conformance suite holds every adapter to that.
 */
export const fingerprint = (contact: Contact | ContactDraft): string => {
  const draft = sourceDraft(contact)
  const fields = draft.fields.map(canonical).sort()
  return createHash("sha256")
    .update(canonical({ kind: draft.kind, name: draft.name, organization: draft.organization, fields }))
    .digest("hex")
}

/** A name for reports: the display name, else name parts, organisation, first e-mail, or the key. */
export const displayName = (draft: ContactDraft, fallback: string): string => {
  const parts = [draft.name.given, draft.name.family].filter((p) => p !== undefined).join(" ")
  const email = draft.fields.find((field) => field._tag === "Email")
  return draft.name.full ?? (parts || draft.organization.name || email?.address || fallback)
}

export const planWrite = (target: Capabilities, key: string, source: ContactDraft): WritePlan => {
  const projection = project(target, source)
  const draft = toDraft(projection.contact)
  const refusal = [...draftIssues(draft), ...rejectionIssues(project(target, draft).rejected)]
  return {
    key,
    label: displayName(source, key),
    source,
    draft,
    losses: projection.losses,
    refusal,
    fingerprint: fingerprint(project(target, draft).contact)
  }
}
