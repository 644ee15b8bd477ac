/**
 * Applying a `ContactPatch` to a contact, by the rules documented on `ContactPatch` in
 * `Contact.ts`: absent keys leave a part alone, `name` and `organization` are patched component
 * by component (`null` clears one), `kind` and `fields` are replaced whole.
 */
import type { ContactDraft, ContactPatch } from "./Contact.ts"

const patchComponents = <K extends string>(
  current: Partial<Record<K, string>>,
  patch: Partial<Record<K, string | null>> | undefined
): Partial<Record<K, string>> => {
  if (patch === undefined) return current
  const next: Partial<Record<K, string>> = { ...current }
  for (const key of Object.keys(patch) as Array<K>) {
    const value = patch[key]
    // An explicit `undefined` reads as an absent key: only `null` clears.
    if (value === null) delete next[key]
    else if (value !== undefined) next[key] = value
  }
  return next
}

/** The contact after the patch; every part the patch does not name is returned as it was. */
export const applyPatch = <A extends ContactDraft>(contact: A, patch: ContactPatch): A => ({
  ...contact,
  kind: patch.kind ?? contact.kind,
  name: patchComponents(contact.name, patch.name),
  organization: patchComponents(contact.organization, patch.organization),
  fields: patch.fields ?? contact.fields
})
