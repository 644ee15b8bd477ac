/**
 * Creating a Monica contact takes several requests — the contact, its work (company, job), then each field —
 * and a failure between them must not leave half a contact behind:
 *
 * - A later step fails: the contact is deleted again, and its fields with it. The step's own reason is returned,
 *   except an unknown outcome (`mayHaveSucceeded`), which the deletion has settled: nothing remains, so the create
 *   fails as one that did not happen and may be retried. If the deletion fails too, the error is
 *   `VendorUnavailable{mayHaveSucceeded: true}` naming the contact left behind.
 * - The contact's own POST has an unknown outcome (its answer was cut off, garbled or never came): the contact may
 *   exist under an id the adapter never saw. The account's newest contacts are read; if exactly one holds what was
 *   sent and nothing else yet, it is the one, and the create carries on with it. Otherwise — none found (the write
 *   may not have landed yet), or several alike — the create fails as it came, `mayHaveSucceeded: true`.
 */
import {
  type ContactDraft,
  type ContactErrorReason,
  type CreateResult,
  validate,
  VendorUnavailable
} from "@contactkit/domain"
import { Clock, Effect } from "effect"
import { capabilities } from "./MonicaCapabilities.ts"
import type { MonicaClient, Read } from "./MonicaClient.ts"
import { toMonicaContactInput, toWorkInput } from "./MonicaContactInput.ts"
import type { MonicaFieldWrites } from "./MonicaFieldWrites.ts"
import { toContact } from "./MonicaMapping.ts"
import type { MonicaContact, MonicaContactInput } from "./MonicaSchema.ts"

/** How many of the newest contacts are read to find one whose create answer was lost. */
export const lookupSize = 25

/** A contact created this long before the create started (clock skew) still counts as possibly this one. */
const skewMillis = 10 * 60 * 1000

const isUnknownOutcome = (reason: ContactErrorReason): reason is VendorUnavailable =>
  reason._tag === "VendorUnavailable" && reason.mayHaveSucceeded

/** Monica trims text and stores "" as null (Laravel's TrimStrings, ConvertEmptyStringsToNull). */
const stored = (value: string | null | undefined): string => value?.trim() ?? ""

/** Whether `contact` is what the POST of `input` would have made, with nothing added since. */
const isFreshCopy = (contact: MonicaContact, input: MonicaContactInput, startedAt: number): boolean => {
  const created = Date.parse(contact.created_at ?? "")
  const career = contact.information?.career
  return contact.is_partial !== true &&
    stored(contact.first_name) === stored(input.first_name) &&
    stored(contact.last_name) === stored(input.last_name) &&
    stored(contact.nickname) === stored(input.nickname) &&
    (contact.contactFields ?? []).length === 0 &&
    stored(career?.job) === "" && stored(career?.company) === "" &&
    (Number.isNaN(created) || created >= startedAt - skewMillis)
}

/** The contact a POST with a lost answer created, when the newest contacts show exactly one. */
const findCreated =
  (client: MonicaClient, input: MonicaContactInput, startedAt: number) =>
  (lost: VendorUnavailable): Effect.Effect<Read<MonicaContact>, ContactErrorReason> =>
    Effect.gen(function*() {
      const newest = yield* Effect.mapError(client.newestContacts(lookupSize), () => lost)
      const matches = newest.filter(({ value }) => isFreshCopy(value, input, startedAt))
      const [match] = matches
      if (match !== undefined && matches.length === 1) {
        yield* Effect.logInfo(
          `monica: the answer to creating a contact was lost; found it as contact ${match.value.id}`
        )
        return match
      }
      const found = matches.length === 0
        ? "no new contact holding it was found"
        : `contacts ${matches.map((m) => m.value.id).join(", ")} all hold it`
      return yield* new VendorUnavailable({
        ...(lost.status === undefined ? {} : { status: lost.status }),
        detail: `${lost.detail ?? "the answer was lost"}; ${found}`,
        mayHaveSucceeded: true
      })
    })

/** The steps after the contact's own POST: its work, then each field. */
const finish = (client: MonicaClient, writes: MonicaFieldWrites, created: MonicaContact, valid: ContactDraft) =>
  Effect.gen(function*() {
    const id = String(created.id)
    const hasWork = valid.organization.name !== undefined || valid.organization.title !== undefined
    const withWork = hasWork ? (yield* client.updateWork(id, toWorkInput(valid.organization))).value : created
    const fields = yield* Effect.forEach(valid.fields, (field, i) => writes.add(id, field, ["fields", i]))
    return { contact: toContact({ ...withWork, contactFields: fields }), outcome: "created" as const }
  })

/** Deletes a half-created contact; the reason it failed when that works, an honest one when not. */
const rollback = (client: MonicaClient, id: string) => (reason: ContactErrorReason) =>
  client.deleteContact(id).pipe(
    Effect.matchEffect({
      onSuccess: () =>
        Effect.fail(
          isUnknownOutcome(reason)
            ? new VendorUnavailable({
              ...(reason.status === undefined ? {} : { status: reason.status }),
              detail: `${
                reason.detail ?? "a write's answer was lost"
              }; contact ${id} was deleted again: nothing was created`,
              mayHaveSucceeded: false
            })
            : reason
        ),
      onFailure: () =>
        Effect.fail(
          new VendorUnavailable({
            mayHaveSucceeded: true,
            detail: `contact ${id} was created, then writing it failed (${reason._tag}: ${reason.message}) ` +
              `and deleting it failed too: it may remain in Monica, incomplete`
          })
        )
    })
  )

export const make =
  (client: MonicaClient, writes: MonicaFieldWrites) =>
  (draft: ContactDraft): Effect.Effect<CreateResult, ContactErrorReason> =>
    Effect.gen(function*() {
      const valid = yield* validate(capabilities, draft)
      const input = toMonicaContactInput(valid)
      const startedAt = yield* Clock.currentTimeMillis
      const created = yield* client.createContact(input).pipe(
        Effect.catchIf(isUnknownOutcome, findCreated(client, input, startedAt))
      )
      return yield* finish(client, writes, created.value, valid).pipe(
        Effect.catch(rollback(client, String(created.value.id)))
      )
    })
