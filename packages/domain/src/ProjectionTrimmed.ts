/**
 * The `trimsText` rule: a vendor that trims every text stores the contact with its surrounding
 * spaces gone, so the trimmed spaces are losses, a blank optional text is dropped and a blank
 * required value is rejected.
 */
import type { Capabilities } from "./Capabilities.ts"
import type { ContactDraft } from "./Contact.ts"
import type { ContactField } from "./ContactField.ts"
import { structuralKeys, textKeys } from "./ProjectionKeys.ts"
import { type Mutable, type Path, reject, type Walk } from "./ProjectionWalk.ts"

/**
 * The contact as a vendor that trims every text would store it. Paths are unchanged, so the
 * rest of `project` reports against the caller's contact.
 */
export const trimmed = <A extends ContactDraft>(capabilities: Capabilities, contact: A, walk: Walk): A => {
  const vendor = capabilities.vendor
  const trimText = (path: Path, text: string, required: boolean): string | undefined => {
    const trim = text.trim()
    if (trim === text) return text
    if (trim === "" && required) {
      reject(walk, path, `is blank once ${vendor} trims it`, "InvalidContact", false)
      return text
    }
    walk.losses.push({ path, message: `${vendor} trims surrounding whitespace` })
    return trim === "" ? undefined : trim
  }
  const components = <K extends string>(part: "name" | "organization", value: Partial<Record<K, string>>) => {
    const out: Partial<Record<K, string>> = {}
    for (const [key, text] of Object.entries(value) as Array<[K, string | undefined]>) {
      const kept = text === undefined ? undefined : trimText([part, key], text, false)
      if (kept !== undefined) out[key] = kept
    }
    return out
  }
  const name = components("name", contact.name)
  const organization = components("organization", contact.organization)
  const fields = contact.fields.map((field, index) => {
    const out: Mutable = {}
    for (const [key, value] of Object.entries(field)) {
      const text = typeof value === "string" && (textKeys.has(key) || key === "label")
      const kept = text ? trimText(["fields", index, key], value, structuralKeys[field._tag].includes(key)) : value
      if (kept !== undefined) out[key] = kept
    }
    return out as ContactField
  })
  return { ...contact, name, organization, fields }
}
