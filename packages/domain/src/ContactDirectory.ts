/**
 * The port: the address book of one vendor account, seen through the vendor-neutral model.
 * Every adapter provides it; the conformance suite runs against it and nothing else.
 */
import { Context, type Effect, type Stream } from "effect"
import type { Capabilities } from "./Capabilities.ts"
import type { Contact, ContactDraft, ContactPatch } from "./Contact.ts"
import type { ContactError } from "./ContactError.ts"
import type { ContactField } from "./ContactField.ts"
import type { ContactId, FieldId } from "./ContactId.ts"

export interface ListOptions {
  /** How many contacts to ask the vendor for per page; adapters clamp it to the vendor's maximum. */
  readonly pageSize?: number
}

export interface CreateResult {
  readonly contact: Contact
  /** `merged` when the vendor deduplicated the draft into an existing contact. */
  readonly outcome: "created" | "merged"
}

export class ContactDirectory extends Context.Service<ContactDirectory, ContactDirectory.Service>()(
  "@contactkit/domain/ContactDirectory"
) {}

export declare namespace ContactDirectory {
  export interface Service {
    readonly vendor: string
    readonly capabilities: Capabilities
    /** Every contact, page by page as the vendor serves them, in bounded memory. */
    readonly list: (options?: ListOptions) => Stream.Stream<Contact, ContactError>
    readonly get: (id: ContactId) => Effect.Effect<Contact, ContactError>
    readonly create: (draft: ContactDraft) => Effect.Effect<CreateResult, ContactError>
    /** Applies a patch (see `ContactPatch` for the rules) and returns the contact as stored. */
    readonly update: (id: ContactId, patch: ContactPatch) => Effect.Effect<Contact, ContactError>
    readonly remove: (id: ContactId) => Effect.Effect<void, ContactError>
    readonly fields: {
      readonly list: (contactId: ContactId) => Effect.Effect<ReadonlyArray<ContactField>, ContactError>
      /** Adds one field and returns it as stored (with the vendor's field id where it has one). */
      readonly add: (contactId: ContactId, field: ContactField) => Effect.Effect<ContactField, ContactError>
      /** Replaces the field with this id (or, without vendor ids, at this position: see FieldRef). */
      readonly update: (
        contactId: ContactId,
        ref: FieldRef,
        field: ContactField
      ) => Effect.Effect<ContactField, ContactError>
      readonly remove: (contactId: ContactId, ref: FieldRef) => Effect.Effect<void, ContactError>
    }
  }
}

/**
 * Which field an operation means: the vendor's field id where it has one,
 * otherwise the field's index in `fields.list(contactId)` as read just before.
 */
export type FieldRef = FieldId | number
