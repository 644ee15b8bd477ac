/**
 * What one run will do, decided before any write from the complete source listing, the links the last runs left
 * and the target's Capabilities alone: a create for a source contact with no link, an update for one whose content
 * hash changed, a remove for a link whose source contact is gone (absent from the complete listing), nothing for
 * the unchanged; what the target would refuse outright is refused here and never sent, and what it cannot hold is
 * named per contact (`project`'s losses). Pure, so the rules are tested for all inputs; the plan is the result of
 * the run's first activity, so a resumed run replays exactly the writes it planned.
 */
import {
  type Capabilities,
  ContactDraft,
  draftIssues,
  formatIssue,
  project,
  rejectionIssues,
  toDraft
} from "@contactkit/domain"
import { Schema } from "effect"
import { contentHash, contentOf } from "./ContentHash.ts"

/** A source contact as the plan sees it: its id, its content, and a name a person recognises. */
export interface SourceEntry {
  readonly sourceId: string
  readonly content: ContactDraft
  readonly hash: string
}

/** What the last runs left for one source contact (see SyncStore). */
export interface Link {
  readonly sourceId: string
  /** The target contact, once written. */
  readonly targetId: string | null
  /** The content hash last written to the target. */
  readonly hash: string | null
  /** The fingerprint of a write whose outcome is not known yet (checked at the target before anything else). */
  readonly pendingFingerprint: string | null
}

export const Create = Schema.TaggedStruct("Create", {
  sourceId: Schema.String,
  label: Schema.String,
  hash: Schema.String,
  draft: ContactDraft,
  /** The content hash of `draft`: how the written contact is recognised at the target. */
  fingerprint: Schema.String
})
export const Update = Schema.TaggedStruct("Update", {
  sourceId: Schema.String,
  label: Schema.String,
  targetId: Schema.String,
  hash: Schema.String,
  draft: ContactDraft,
  fingerprint: Schema.String
})
export const Remove = Schema.TaggedStruct("Remove", {
  sourceId: Schema.String,
  /** Null when only a create of unknown outcome links it: the target is searched for `fingerprint`. */
  targetId: Schema.NullOr(Schema.String),
  fingerprint: Schema.NullOr(Schema.String)
})
export const Operation = Schema.Union([Create, Update, Remove])
export type Operation = typeof Operation.Type

export const ContactIssues = Schema.Struct({
  sourceId: Schema.String,
  label: Schema.String,
  issues: Schema.Array(Schema.String)
})
export type ContactIssues = typeof ContactIssues.Type

export const SyncPlan = Schema.Struct({
  operations: Schema.Array(Operation),
  unchanged: Schema.Number,
  /** Contacts the target would refuse even after projection, and removals it cannot make: never sent. */
  refused: Schema.Array(ContactIssues),
  /** What the target cannot hold of each contact written by this run. */
  losses: Schema.Array(ContactIssues)
})
export type SyncPlan = typeof SyncPlan.Type

/** A name for reports: the full name, else name parts, organisation, first e-mail, or the id. */
export const labelOf = (draft: ContactDraft, fallback: string): string => {
  const parts = [draft.name.given, draft.name.family].filter((p) => p !== undefined).join(" ")
  const email = draft.fields.find((field) => field._tag === "Email")
  return draft.name.full ?? (parts || draft.organization.name || email?.address || fallback)
}

export const sourceEntry = (sourceId: string, contact: ContactDraft): SourceEntry => {
  const content = contentOf(contact)
  return { sourceId, content, hash: contentHash(content) }
}

/** Why the target refuses this projected draft, even though projection dropped what it cannot hold. */
const refusalOf = (target: Capabilities, draft: ContactDraft): ReadonlyArray<string> =>
  [...draftIssues(draft), ...rejectionIssues(project(target, draft).rejected)].map(formatIssue)

type Decision =
  | { readonly _tag: "Unchanged" }
  | { readonly _tag: "Refused"; readonly issues: ContactIssues }
  | { readonly _tag: "Write"; readonly operation: Operation; readonly losses: ContactIssues | undefined }

/** The decision for one listed source contact, given its link. */
export const decide = (target: Capabilities, entry: SourceEntry, link: Link | undefined): Decision => {
  if (link !== undefined && link.targetId !== null && link.hash === entry.hash && link.pendingFingerprint === null) {
    return { _tag: "Unchanged" }
  }
  const label = labelOf(entry.content, entry.sourceId)
  const projection = project(target, entry.content)
  const draft = toDraft(projection.contact)
  const refusal = refusalOf(target, draft)
  if (refusal.length > 0) {
    return { _tag: "Refused", issues: { sourceId: entry.sourceId, label, issues: refusal } }
  }
  const losses = projection.losses.length === 0
    ? undefined
    : { sourceId: entry.sourceId, label, issues: projection.losses.map(formatIssue) }
  const base = { sourceId: entry.sourceId, label, hash: entry.hash, draft, fingerprint: contentHash(draft) }
  const operation: Operation = link?.targetId === null || link === undefined
    ? { _tag: "Create", ...base }
    : { _tag: "Update", ...base, targetId: link.targetId }
  return { _tag: "Write", operation, losses }
}

/** The removal a link needs when its source contact was not in the complete listing, or why it cannot be made. */
export const removal = (target: Capabilities, link: Link): Decision => {
  if (!target.remove) {
    return {
      _tag: "Refused",
      issues: {
        sourceId: link.sourceId,
        label: link.targetId ?? link.sourceId,
        issues: [`deleted at the source, but ${target.vendor} cannot delete contacts`]
      }
    }
  }
  return {
    _tag: "Write",
    operation: {
      _tag: "Remove",
      sourceId: link.sourceId,
      targetId: link.targetId,
      fingerprint: link.pendingFingerprint
    },
    losses: undefined
  }
}

/** Gathers decisions into a plan. */
export const collect = (decisions: Iterable<Decision>): SyncPlan => {
  const operations: Array<Operation> = []
  const refused: Array<ContactIssues> = []
  const losses: Array<ContactIssues> = []
  let unchanged = 0
  for (const decision of decisions) {
    if (decision._tag === "Unchanged") unchanged++
    else if (decision._tag === "Refused") refused.push(decision.issues)
    else {
      operations.push(decision.operation)
      if (decision.losses !== undefined) losses.push(decision.losses)
    }
  }
  return { operations, unchanged, refused, losses }
}

/**
 * The whole plan from a complete listing: one decision per listed contact, then a removal for every link whose
 * source contact was not listed. Only a complete listing may decide removals; a failed listing plans nothing.
 */
export const plan = (
  target: Capabilities,
  listing: ReadonlyArray<SourceEntry>,
  links: ReadonlyMap<string, Link>
): SyncPlan => {
  const listed = new Set(listing.map((entry) => entry.sourceId))
  const gone = [...links.values()].filter((link) =>
    !listed.has(link.sourceId) && (link.targetId !== null || link.pendingFingerprint !== null)
  )
  return collect([
    ...listing.map((entry) => decide(target, entry, links.get(entry.sourceId))),
    ...gone.map((link) => removal(target, link))
  ])
}
