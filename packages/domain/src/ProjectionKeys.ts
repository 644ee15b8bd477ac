/**
 * The value keys of a field that the projection rules treat apart from the rest: those a field
 * cannot exist without, the attributes every kind shares, and those that hold text.
 */
import type { FieldKind } from "./ContactField.ts"

/** Value keys a field cannot exist without; always kept whatever the rule says. */
export const structuralKeys: Record<FieldKind, ReadonlyArray<string>> = {
  Email: ["address"],
  Phone: ["number"],
  Address: [],
  OnlineService: ["service"],
  Link: ["uri"]
}

/** The tag and the attributes of every kind, which the per-kind rules (`keeps`, `maxLength`) do not cover. */
export const commonKeys = new Set(["_tag", "id", "label", "context", "preferred"])

/** Value keys that are text (not `service`, `kind` or `features`). */
export const textKeys = new Set([
  "address",
  "number",
  "street",
  "locality",
  "region",
  "postcode",
  "country",
  "user",
  "uri"
])
