/**
 * Bringing a person's e-mail and contact-data records to a target list of fields with the legacy API's own calls.
 * The API has no way to change or reorder a record: a record is kept, deleted, or added at the end (the highest
 * id). So, per kind, the longest start of the target that the current records already hold in order is kept, the
 * rest deleted, and the remaining targets added in order — an update is a delete and an add, and the field comes
 * back with a new id. E-mails also keep at least one address at every step (the server refuses to remove the
 * last), are matched by address (a changed comment is set in place), and end with the target's preferred e-mail
 * as the primary.
 */
import type { ContactErrorReason, ContactField, FieldKind } from "@contactkit/domain"
import { Effect } from "effect"
import type { DeskproLegacyClient, Path } from "./DeskproLegacyClient.ts"
import { parseFieldId, toDetailInput } from "./DeskproLegacyMapping.ts"

type Email = Extract<ContactField, { readonly _tag: "Email" }>
type Record = Exclude<ContactField, Email>

/** A target field and the domain path its refusal is reported at. */
export interface Target {
  readonly field: ContactField
  readonly at: Path
}

const comparable = (field: ContactField) => {
  const { id: _, ...rest } = field
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** How many of `targets` (from the start) appear in `current` in order, and which current ones those are. */
const keptPrefix = <A, B>(current: ReadonlyArray<A>, targets: ReadonlyArray<B>, same: (a: A, b: B) => boolean) => {
  const kept: Array<number> = []
  let from = 0
  for (const target of targets) {
    const at = current.findIndex((candidate, i) => i >= from && same(candidate, target))
    if (at < 0) break
    kept.push(at)
    from = at + 1
  }
  return kept
}

const idOf = (field: ContactField) => parseFieldId(field.id ?? "")?.id ?? 0

const detailKinds: ReadonlyArray<FieldKind> = ["Phone", "Address", "OnlineService", "Link"]

/** Contact data of one kind: keep the longest matching start, delete the rest, add the remaining targets. */
const reconcileKind = (
  client: DeskproLegacyClient,
  personId: string,
  current: ReadonlyArray<Record>,
  targets: ReadonlyArray<Target>
) =>
  Effect.gen(function*() {
    const kept = keptPrefix(current, targets, (a, b) => comparable(a) === comparable(b.field))
    for (const [i, field] of current.entries()) {
      if (!kept.includes(i)) yield* client.deleteDetail(personId, idOf(field), field.id ?? "")
    }
    for (const target of targets.slice(kept.length)) {
      yield* client.addDetail(personId, toDetailInput(target.field as Record), target.at)
    }
  })

const sameAddress = (a: Email, b: Email) => a.address.toLowerCase() === b.address.toLowerCase()

/** E-mails: the same rule, never below one address, comments set in place, the preferred one made primary. */
const reconcileEmails = (
  client: DeskproLegacyClient,
  personId: string,
  current: ReadonlyArray<Email>,
  targets: ReadonlyArray<Target>
): Effect.Effect<void, ContactErrorReason> =>
  Effect.gen(function*() {
    const wanted = targets.map((t) => t.field as Email)
    const kept = keptPrefix(current, wanted, sameAddress)
    // Records by id in the person's order; the server promotes the next one when the primary goes.
    let records = current.map((email) => ({ id: idOf(email), email }))
    let primary: string | undefined = current.find((email) => email.preferred === true)?.id
    const ids: Array<number> = kept.map((i) => idOf(current[i]!))
    const add = (target: Target) =>
      Effect.gen(function*() {
        const email = target.field as Email
        const id = yield* client.addEmail(personId, { email: email.address, comment: email.label ?? "" }, target.at)
        records = [...records, { id, email }]
        ids.push(id)
      })
    let next = kept.length
    // With nothing kept, the first target (an address the person lacks) goes in first, so one always remains.
    if (kept.length === 0 && targets[0] !== undefined) {
      yield* add(targets[0])
      next = 1
    }
    for (const [i, email] of current.entries()) {
      if (kept.includes(i)) continue
      yield* client.deleteEmail(personId, idOf(email), email.id ?? "")
      records = records.filter((r) => r.id !== idOf(email))
      if (primary === email.id) primary = records[0] === undefined ? undefined : `email:${records[0].id}`
    }
    for (const target of targets.slice(next)) yield* add(target)
    for (const [i, index] of kept.entries()) {
      const before = current[index]!
      const comment = wanted[i]!.label ?? ""
      if ((before.label ?? "") !== comment) yield* client.updateEmail(personId, idOf(before), { comment })
    }
    const winner = wanted.findIndex((email) => email.preferred === true)
    const winnerId = ids[winner < 0 ? 0 : winner]
    if (winnerId !== undefined && primary !== `email:${winnerId}`) {
      yield* client.updateEmail(personId, winnerId, { set_primary: true })
    }
  })

/** Makes the person's records match `targets` (fields as projected for this vendor). */
export const reconcile = (
  client: DeskproLegacyClient,
  personId: string,
  current: ReadonlyArray<ContactField>,
  targets: ReadonlyArray<Target>
): Effect.Effect<void, ContactErrorReason> =>
  Effect.gen(function*() {
    const ofKind = (kind: FieldKind) => targets.filter((t) => t.field._tag === kind)
    const emails = current.filter((f): f is Email => f._tag === "Email")
    yield* reconcileEmails(client, personId, emails, ofKind("Email"))
    for (const kind of detailKinds) {
      const records = current.filter((f): f is Record => f._tag === kind)
      yield* reconcileKind(client, personId, records, ofKind(kind))
    }
  })
