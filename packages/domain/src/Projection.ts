/**
 * The two readings of a vendor's `Capabilities` (see the header of `Capabilities.ts`):
 *
 * - `validate`: would this vendor accept the draft? It fails with every problem at once, each
 *   at its domain path — `InvalidContact` when any value rule is broken (too long, missing,
 *   no E.164), otherwise `Unsupported` (a kind, service, count or duplicate it cannot hold).
 * - `project`: what would come back from this vendor. It is total: what `validate` would
 *   reject is dropped and listed among the losses at the same path, next to what the vendor
 *   merely flattens (labels, contexts, features, name components…).
 *
 * Both are computed by one walk over the contact, so they cannot disagree: `validate(c)`
 * fails exactly when `project(c).rejected` is non-empty, with exactly those issues. Each rule
 * family is its own `Projection*` module; this one runs them in order.
 */
import { Effect } from "effect"
import type { Capabilities } from "./Capabilities.ts"
import type { ContactDraft } from "./Contact.ts"
import { InvalidContact, type Issue, Unsupported } from "./ContactError.ts"
import { withE164 } from "./ContactField.ts"
import { draftIssues } from "./Decode.ts"
import { projectFields } from "./ProjectionFields.ts"
import { projectParts } from "./ProjectionParts.ts"
import { trimmed } from "./ProjectionTrimmed.ts"
import type { Rejection, Walk } from "./ProjectionWalk.ts"

export type { Rejection } from "./ProjectionWalk.ts"

export interface Projection<A> {
  /** What the vendor would return. */
  readonly contact: A
  /** Everything dropped or changed on the way, including what `validate` would reject. */
  readonly losses: ReadonlyArray<Issue>
  /**
   * What `validate` would reject. All of them are also losses, except a missing required name
   * component: nothing can be dropped to repair that one.
   */
  readonly rejected: ReadonlyArray<Rejection>
  /** For each field of `contact`, its index among the input's fields. */
  readonly origins: ReadonlyArray<number>
}

/** What survives a round trip through a vendor with these capabilities, and what does not. */
export const project = <A extends ContactDraft>(capabilities: Capabilities, given: A): Projection<A> => {
  const walk: Walk = { losses: [], rejected: [] }
  const contact = capabilities.trimsText === true ? trimmed(capabilities, given, walk) : given
  let kind = contact.kind
  const fallback = capabilities.kinds[0]
  if (!capabilities.kinds.includes(kind) && fallback !== undefined) {
    const message = `${capabilities.vendor} stores every contact as ${JSON.stringify(fallback)}`
    walk.losses.push({ path: ["kind"], message })
    kind = fallback
  }
  const { name, organization } = projectParts(capabilities, contact, walk)
  const kept = projectFields(capabilities, contact.fields, walk)
  return {
    contact: { ...contact, kind, name, organization, fields: kept.map((k) => k.field) },
    losses: walk.losses,
    rejected: walk.rejected,
    origins: kept.map((k) => k.origin)
  }
}

/** The `Issue`s of rejections, without the reason they were sorted by. */
export const rejectionIssues = (rejected: ReadonlyArray<Rejection>): ReadonlyArray<Issue> =>
  rejected.map(({ message, path }) => ({ path, message }))

/**
 * Whether a vendor would accept the draft; succeeds with the draft, phones' E.164 derived.
 * The port is typed, but a caller can still build a value the domain Schemas reject (an empty
 * number, an address that is no e-mail address), so the Schemas are checked here too: every
 * Schema issue and every capability rejection is reported together.
 */
export const validate = <A extends ContactDraft>(
  capabilities: Capabilities,
  draft: A
): Effect.Effect<A, InvalidContact | Unsupported> => {
  const schemaIssues = draftIssues(draft)
  const { rejected } = project(capabilities, draft)
  if (schemaIssues.length === 0 && rejected.length === 0) {
    return Effect.succeed({ ...draft, fields: draft.fields.map((f) => withE164(f)) })
  }
  const issues = [...schemaIssues, ...rejectionIssues(rejected)]
  return Effect.fail(
    schemaIssues.length > 0 || rejected.some((r) => r.reason === "InvalidContact")
      ? new InvalidContact({ issues })
      : new Unsupported({ issues })
  )
}
