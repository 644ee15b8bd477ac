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

/**
 * `ContactId.make` and `FieldId.make` for adapters' read paths, which make one or more ids for every contact of every
 * page: a non-empty string is already a valid id (the brand exists only for the type checker), so it is taken as it
 * is without the schema's constructor; anything else goes to `make`, which throws as it always did. A property test
 * holds them to `make`'s answers.
 */
export const contactIdOf = (value: string): ContactId => value.length > 0 ? value as ContactId : ContactId.make(value)
export const fieldIdOf = (value: string): FieldId => value.length > 0 ? value as FieldId : FieldId.make(value)
