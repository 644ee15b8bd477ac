/**
 * Validating an update: the vendor's rules apply to what the caller changes, not to what the
 * vendor already holds. A contact read from a vendor can carry values the domain would refuse
 * today (a vendor may store e-mail addresses unchecked, or may hold more fields than it
 * documents); an update that does not touch them sends them back as they are, so a rename is
 * never blocked by an old, untouched value. Anything the change adds or alters is held to every
 * rule, exactly as `validate` would.
 */
import { Effect } from "effect"
import type { Capabilities } from "./Capabilities.ts"
import type { ContactDraft } from "./Contact.ts"
import { InvalidContact, type Issue, Unsupported } from "./ContactError.ts"
import { type ContactField, fieldKinds, withE164 } from "./ContactField.ts"
import { draftIssues } from "./Decode.ts"
import { project } from "./Projection.ts"

/** Structural equality of plain data (what fields and name parts are), ignoring a field's vendor id. */
const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a).filter((k) => k !== "id")
  const keysB = Object.keys(b).filter((k) => k !== "id")
  return keysA.length === keysB.length &&
    keysA.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** Whether an issue is about a part of `after` that `before` already had, unchanged. */
const isUntouched = (before: ContactDraft, after: ContactDraft) => {
  const unchangedFields = new Set(
    after.fields.flatMap((field, index) => before.fields.some((old: ContactField) => same(old, field)) ? [index] : [])
  )
  return (issue: Issue): boolean => {
    const [head, key] = issue.path
    switch (head) {
      case "fields":
        return typeof key === "number" && unchangedFields.has(key)
      case "name":
        return typeof key === "string" &&
          same(before.name[key as keyof ContactDraft["name"]], after.name[key as keyof ContactDraft["name"]])
      case "organization":
        return typeof key === "string" &&
          same(
            before.organization[key as keyof ContactDraft["organization"]],
            after.organization[key as keyof ContactDraft["organization"]]
          )
      case "kind":
        return before.kind === after.kind
      default:
        return false
    }
  }
}

/**
 * `project` counts a kind's fields among those that pass their own checks; here the untouched
 * ones that do not are sent back too, so they count. A kind that grows past its maximum is
 * reported at its first field too many (unless `project` already did).
 */
const samePath = (a: ReadonlyArray<PropertyKey>, b: ReadonlyArray<PropertyKey>) =>
  a.length === b.length && a.every((part, i) => part === b[i])

const overCounts = (capabilities: Capabilities, before: ContactDraft, after: ContactDraft): ReadonlyArray<Issue> =>
  fieldKinds.flatMap((kind) => {
    const max = capabilities.fields[kind].maxCount
    const indexes = after.fields.flatMap((field, index) => (field._tag === kind ? [index] : []))
    const had = before.fields.filter((field) => field._tag === kind).length
    if (max === undefined || indexes.length <= max || indexes.length <= had) return []
    const index = indexes[max]!
    return [{ path: ["fields", index], message: `${capabilities.vendor} keeps at most ${max} ${kind} fields` }]
  })

/**
 * `validate(capabilities, after)`, less the value problems (`InvalidContact`: a malformed or too
 * long value, a number without E.164) in parts `before` already held unchanged. What the vendor
 * cannot hold at all (`Unsupported`: a kind, a service, a count, a duplicate) is always reported,
 * since those rules are about the whole contact, not one value.
 */
export const validateChange = <A extends ContactDraft>(
  capabilities: Capabilities,
  before: ContactDraft,
  after: A
): Effect.Effect<A, InvalidContact | Unsupported> => {
  const untouched = isUntouched(before, after)
  const { rejected } = project(capabilities, after)
  const invalid = [...draftIssues(after), ...rejected.filter((r) => r.reason === "InvalidContact")]
    .filter((issue) => !untouched(issue))
  const refused = rejected.filter((r) => r.reason === "Unsupported")
  const unsupported = [
    ...refused,
    ...overCounts(capabilities, before, after).filter((issue) => !refused.some((r) => samePath(r.path, issue.path)))
  ]
  if (invalid.length === 0 && unsupported.length === 0) {
    return Effect.succeed({ ...after, fields: after.fields.map((f) => withE164(f)) })
  }
  const issues = [...invalid, ...unsupported].map(({ path, message }) => ({ path, message }))
  return Effect.fail(invalid.length > 0 ? new InvalidContact({ issues }) : new Unsupported({ issues }))
}
