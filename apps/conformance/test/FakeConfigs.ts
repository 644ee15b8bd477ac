/**
 * The vendors the saboteurs break, as capabilities of the fake vendor: the lossless reference, a strict one (one
 * e-mail, a required given name: so some input is unsupported and some generated patches are refused), one that
 * dedupes on create, and one without delete. Each runs every scenario unbroken as the positive control.
 */
import { type Capabilities, type ContactField, lossless } from "@contactkit/domain"

export const strict: Capabilities = {
  ...lossless,
  vendor: "strict",
  requiredName: ["given"],
  fields: { ...lossless.fields, Email: { ...lossless.fields.Email, maxCount: 1 } }
}

export const dedupes: Capabilities = { ...lossless, vendor: "dedupes", dedupeOnCreate: true }

export const noDelete: Capabilities = { ...lossless, vendor: "no-delete", remove: false }

export const withoutLabel = (field: ContactField): ContactField => {
  const { label: _, ...rest } = field
  return rest as ContactField
}
