/**
 * Reading the target to settle a write whose outcome is unknown — a crash between sending and recording it, or a
 * vendor answer that was lost (`VendorUnavailable{mayHaveSucceeded}`) — instead of sending it again: a create
 * happened when the target holds a contact with the fingerprint of what was sent that no other link claims; an
 * update when the contact reads back with that fingerprint; a remove when the contact is gone.
 *
 * Limit: two source contacts the target would hold identically (same projection) cannot be told apart there; if
 * both are being created when one's outcome is lost, the check may take the other's contact for it.
 */
import { type Contact, type ContactDirectory, type ContactError, ContactId } from "@contactkit/domain"
import { Effect, Option, Stream } from "effect"
import { contentHash } from "./ContentHash.ts"

/** The unclaimed target contact holding exactly `fingerprint`, if any. */
export const findCreated = (
  target: ContactDirectory.Service,
  fingerprint: string,
  claimed: ReadonlySet<string>
): Effect.Effect<Option.Option<Contact>, ContactError> =>
  target.list().pipe(
    Stream.filter((contact) => !claimed.has(contact.id) && contentHash(contact) === fingerprint),
    Stream.runHead
  )

/** Whether the target contact now reads back as `fingerprint`; false when it is gone. */
export const holds = (
  target: ContactDirectory.Service,
  targetId: string,
  fingerprint: string
): Effect.Effect<boolean, ContactError> =>
  target.get(ContactId.make(targetId)).pipe(
    Effect.map((contact) => contentHash(contact) === fingerprint),
    Effect.catchIf((error) => error.reason._tag === "ContactNotFound", () => Effect.succeed(false))
  )

/** Whether the target contact is gone. */
export const isGone = (target: ContactDirectory.Service, targetId: string): Effect.Effect<boolean, ContactError> =>
  target.get(ContactId.make(targetId)).pipe(
    Effect.as(false),
    Effect.catchIf((error) => error.reason._tag === "ContactNotFound", () => Effect.succeed(true))
  )
