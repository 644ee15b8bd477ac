/**
 * The name and the organisation as a vendor keeps them: the components it has a place for
 * (`name`, `organization`), the name components it requires (`requiredName`), their length
 * (`nameMaxLength`), and, for a vendor that stores one name and splits it itself, its own
 * reading of them (`normalizeParts`).
 */
import type { Capabilities } from "./Capabilities.ts"
import { type ContactDraft, type Name, nameComponents, type Organization, organizationComponents } from "./Contact.ts"
import { reject, type Walk } from "./ProjectionWalk.ts"

/** The components of one part the vendor keeps; the others lost, a too long one rejected. */
const projectComponents = <K extends string>(
  capabilities: Capabilities,
  part: "name" | "organization",
  value: Partial<Record<K, string>>,
  kept: ReadonlyArray<K>,
  all: ReadonlyArray<K>,
  walk: Walk
): Partial<Record<K, string>> => {
  const out: Partial<Record<K, string>> = {}
  const max = capabilities.nameMaxLength
  for (const component of all) {
    const text = value[component]
    if (text === undefined) continue
    const path = [part, component]
    if (!kept.includes(component)) {
      walk.losses.push({ path, message: `${capabilities.vendor} does not keep ${component}` })
    } else if (max !== undefined && text.length > max) {
      reject(walk, path, `must be at most ${max} characters for ${capabilities.vendor}`, "InvalidContact")
    } else out[component] = text
  }
  return out
}

/** The name and organisation as the vendor's own `normalizeParts` reads them, its losses recorded. */
const readParts = (capabilities: Capabilities, contact: ContactDraft, walk: Walk) => {
  if (capabilities.normalizeParts === undefined) return { name: contact.name, organization: contact.organization }
  const parts = capabilities.normalizeParts({ name: contact.name, organization: contact.organization })
  walk.losses.push(...parts.losses)
  return parts
}

/** The name and organisation the vendor would return; a missing required name component is rejected. */
export const projectParts = (
  capabilities: Capabilities,
  contact: ContactDraft,
  walk: Walk
): { readonly name: Name; readonly organization: Organization } => {
  const parts = readParts(capabilities, contact, walk)
  const name: Name = projectComponents(capabilities, "name", parts.name, capabilities.name, nameComponents, walk)
  for (const component of capabilities.requiredName ?? []) {
    if (parts.name[component] === undefined) {
      reject(walk, ["name", component], `is required by ${capabilities.vendor}`, "InvalidContact", false)
    }
  }
  const organization: Organization = projectComponents(
    capabilities,
    "organization",
    parts.organization,
    capabilities.organization,
    organizationComponents,
    walk
  )
  return { name, organization }
}
