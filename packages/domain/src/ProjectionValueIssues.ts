/**
 * The value rules of one kept field (`requires`, `maxLength`, `requiresOneOf`, `requiresE164`):
 * what a vendor refuses to store, each broken rule an `InvalidContact` issue at its domain path.
 */
import type { Issue } from "./ContactError.ts"
import type { ContactField } from "./ContactField.ts"
import { commonKeys } from "./ProjectionKeys.ts"
import type { Mutable, Path, Rule } from "./ProjectionWalk.ts"

/** The value rules of one kept field; each broken one is an `InvalidContact` issue. */
export const valueIssues = (vendor: string, rule: Rule, field: ContactField, path: Path): ReadonlyArray<Issue> => {
  const issues: Array<Issue> = []
  const values = field as unknown as Mutable
  for (const key of (rule.requires ?? []) as ReadonlyArray<string>) {
    if (values[key] === undefined) issues.push({ path: [...path, key], message: `is required by ${vendor}` })
  }
  if (rule.maxLength !== undefined) {
    for (const [key, value] of Object.entries(values)) {
      // E.164 is derived, never sent as typed; the number it comes from is checked instead.
      if (commonKeys.has(key) || key === "e164" || typeof value !== "string" || value.length <= rule.maxLength) continue
      issues.push({ path: [...path, key], message: `must be at most ${rule.maxLength} characters for ${vendor}` })
    }
  }
  const oneOf = (rule.requiresOneOf ?? []) as ReadonlyArray<string>
  if (oneOf.length > 0 && oneOf.every((key) => values[key] === undefined)) {
    issues.push({ path, message: `needs one of ${oneOf.join(", ")} for ${vendor}` })
  }
  if (field._tag === "Phone" && rule.requiresE164 === true && field.e164 === undefined) {
    issues.push({
      path: [...path, "number"],
      message: `must be a phone number with an E.164 form (such as +12025550123) for ${vendor}`
    })
  }
  return issues
}
