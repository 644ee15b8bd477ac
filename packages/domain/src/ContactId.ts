/**
 * The identity of a contact: the vendor's own id, always carried as a string so that
 * integer ids and opaque ones look the same to callers.
 */
import { Schema } from "effect"

export const ContactId = Schema.NonEmptyString.pipe(Schema.brand("ContactId"))
export type ContactId = typeof ContactId.Type

/** The vendor's id of one contact field (some vendors keep them, others do not). */
export const FieldId = Schema.NonEmptyString.pipe(Schema.brand("FieldId"))
export type FieldId = typeof FieldId.Type
