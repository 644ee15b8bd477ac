/**
 * One target write, as the body of its activity. The write is journaled in `ck_sync_links` before it is sent and
 * after it is answered, so that an activity run again — the workflow resumed on another runner after a crash at
 * any point — neither repeats a write that happened nor skips one that did not: a link already at the planned hash
 * means the write is done; a link still carrying a pending write means its outcome is unknown, and the target is
 * read (TargetCheck) before anything is sent again. A vendor failure that may have stored the write
 * (`mayHaveSucceeded`) is settled the same way; a failure that cannot have stored it is retried with backoff;
 * a refusal is reported, never retried.
 */
import {
  type ContactDirectory,
  type ContactDraft,
  type ContactError,
  ContactId,
  type ContactPatch,
  formatIssue
} from "@contactkit/domain"
import { Effect, Option, Schedule } from "effect"
import type { Operation } from "./SyncPlan.ts"
import { SyncStore } from "./SyncStore.ts"
import { findCreated, holds, isGone } from "./TargetCheck.ts"
import type { WriteOutcome } from "./WriteOutcome.ts"

export interface WriteContext {
  readonly jobId: string
  readonly target: ContactDirectory.Service
  /** The write's idempotency key (derived from the workflow execution and the activity name). */
  readonly key: string
}

/** How often an answer may be lost before the write is reported failed (and left pending for the next run). */
const maxUncertain = 3

const retried = <A>(effect: Effect.Effect<A, ContactError>) =>
  effect.pipe(
    Effect.retry({
      schedule: Schedule.exponential("250 millis").pipe(Schedule.jittered),
      times: 4,
      while: (error) => error.isRetryable
    })
  )

const mayHaveSucceeded = (error: ContactError) =>
  error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded

const issuesOf = (error: ContactError): ReadonlyArray<string> =>
  error.reason._tag === "InvalidContact" || error.reason._tag === "Unsupported"
    ? error.reason.issues.map(formatIssue)
    : [error.message]

/** A patch that makes the target contact exactly `draft`: every component the target holds set or cleared. */
export const replacement = (target: ContactDirectory.Service, draft: ContactDraft): ContactPatch => ({
  kind: draft.kind,
  name: Object.fromEntries(target.capabilities.name.map((part) => [part, draft.name[part] ?? null])),
  organization: Object.fromEntries(
    target.capabilities.organization.map((part) => [part, draft.organization[part] ?? null])
  ),
  fields: draft.fields
})

type CreateOp = Extract<Operation, { readonly _tag: "Create" }>
type UpdateOp = Extract<Operation, { readonly _tag: "Update" }>
type RemoveOp = Extract<Operation, { readonly _tag: "Remove" }>

const failed = (op: { readonly sourceId: string }, label: string, error: ContactError): WriteOutcome => ({
  _tag: "Failed",
  sourceId: op.sourceId,
  label,
  reason: error.message
})

const create = (ctx: WriteContext, op: CreateOp): Effect.Effect<WriteOutcome, ContactError, SyncStore> =>
  Effect.gen(function*() {
    const store = yield* SyncStore
    const pending = { key: ctx.key, hash: op.hash, fingerprint: op.fingerprint }
    const recover = Effect.gen(function*() {
      const claimed = yield* store.claimed(ctx.jobId)
      const found = yield* findCreated(ctx.target, op.fingerprint, claimed)
      if (Option.isNone(found)) return Option.none<WriteOutcome>()
      yield* store.written(ctx.jobId, op.sourceId, found.value.id, op.hash)
      return Option.some<WriteOutcome>({
        _tag: "Created",
        sourceId: op.sourceId,
        targetId: found.value.id,
        merged: false,
        checked: true
      })
    })
    // No link yet (every first write of a contact): journaled in the same statement that finds out. Otherwise the
    // link decides: written already, a write of unknown outcome to settle first, or one to begin over it.
    if (!(yield* store.beginNew(ctx.jobId, op.sourceId, pending))) {
      const link = yield* store.link(ctx.jobId, op.sourceId)
      if (link?.targetId != null && link.hash === op.hash && link.pendingKey === null) {
        return { _tag: "Created", sourceId: op.sourceId, targetId: link.targetId, merged: false, checked: false }
      }
      if (link?.pendingFingerprint != null) {
        const settled = yield* recover
        if (Option.isSome(settled)) return settled.value
      }
      yield* store.begin(ctx.jobId, op.sourceId, pending)
    }
    let uncertain = 0
    while (true) {
      const result = yield* Effect.result(retried(ctx.target.create(op.draft)))
      if (result._tag === "Success") {
        yield* store.written(ctx.jobId, op.sourceId, result.success.contact.id, op.hash)
        return {
          _tag: "Created",
          sourceId: op.sourceId,
          targetId: result.success.contact.id,
          merged: result.success.outcome === "merged",
          checked: false
        }
      }
      const error = result.failure
      if (!mayHaveSucceeded(error)) {
        // Nothing was stored by this attempt; an earlier uncertain one may still land, so its mark stays.
        if (uncertain === 0) yield* store.abandon(ctx.jobId, op.sourceId)
        return error.isRetryable ? failed(op, op.label, error) : refused(op.sourceId, op.label, error)
      }
      const settled = yield* recover
      if (Option.isSome(settled)) return settled.value
      if (++uncertain >= maxUncertain) return failed(op, op.label, error)
    }
  })

const refused = (sourceId: string, label: string, error: ContactError): WriteOutcome => ({
  _tag: "Refused",
  sourceId,
  label,
  issues: issuesOf(error)
})

const update = (ctx: WriteContext, op: UpdateOp): Effect.Effect<WriteOutcome, ContactError, SyncStore> =>
  Effect.gen(function*() {
    const store = yield* SyncStore
    const done = (checked: boolean) =>
      Effect.as(store.written(ctx.jobId, op.sourceId, op.targetId, op.hash), {
        _tag: "Updated" as const,
        sourceId: op.sourceId,
        targetId: op.targetId,
        checked
      })
    const pending = { key: ctx.key, hash: op.hash, fingerprint: op.fingerprint }
    // The link as the plan saw it (settled at the planned target, another hash): journaled in the statement that
    // finds out. Otherwise the link decides, as it would have been read first.
    if (!(yield* store.beginOver(ctx.jobId, op.sourceId, op.targetId, pending))) {
      const link = yield* store.link(ctx.jobId, op.sourceId)
      if (link?.targetId == null) return yield* create(ctx, { ...op, _tag: "Create" })
      if (link.hash === op.hash && link.pendingKey === null) {
        return { _tag: "Updated", sourceId: op.sourceId, targetId: link.targetId, checked: false }
      }
      if (link.pendingFingerprint === op.fingerprint && (yield* holds(ctx.target, op.targetId, op.fingerprint))) {
        return yield* done(true)
      }
      yield* store.begin(ctx.jobId, op.sourceId, pending)
    }
    let uncertain = 0
    while (true) {
      const result = yield* Effect.result(
        retried(ctx.target.update(ContactId.make(op.targetId), replacement(ctx.target, op.draft)))
      )
      if (result._tag === "Success") return yield* done(false)
      const error = result.failure
      if (error.reason._tag === "ContactNotFound") {
        // Deleted at the target behind the sync's back: the source still has it, so it is created again.
        yield* store.forget(ctx.jobId, op.sourceId)
        return yield* create(ctx, { ...op, _tag: "Create" })
      }
      if (!mayHaveSucceeded(error)) {
        if (uncertain === 0) yield* store.abandon(ctx.jobId, op.sourceId)
        return error.isRetryable ? failed(op, op.label, error) : refused(op.sourceId, op.label, error)
      }
      if (yield* holds(ctx.target, op.targetId, op.fingerprint)) return yield* done(true)
      if (++uncertain >= maxUncertain) return failed(op, op.label, error)
    }
  })

const remove = (ctx: WriteContext, op: RemoveOp): Effect.Effect<WriteOutcome, ContactError, SyncStore> =>
  Effect.gen(function*() {
    const store = yield* SyncStore
    const link = yield* store.link(ctx.jobId, op.sourceId)
    const gone = (checked: boolean) =>
      Effect.as(store.forget(ctx.jobId, op.sourceId), { _tag: "Removed" as const, sourceId: op.sourceId, checked })
    if (link === undefined) return { _tag: "Removed", sourceId: op.sourceId, checked: false }
    let targetId = link.targetId
    if (targetId === null && link.pendingFingerprint !== null) {
      // A create of unknown outcome for a contact since deleted at the source: find what it may have left.
      const found = yield* findCreated(ctx.target, link.pendingFingerprint, yield* store.claimed(ctx.jobId))
      targetId = Option.isSome(found) ? found.value.id : null
    }
    if (targetId === null) return yield* gone(true)
    const id = ContactId.make(targetId)
    let uncertain = 0
    while (true) {
      const result = yield* Effect.result(retried(ctx.target.remove(id)))
      if (result._tag === "Success") return yield* gone(false)
      const error = result.failure
      if (error.reason._tag === "ContactNotFound") return yield* gone(true)
      if (!mayHaveSucceeded(error)) {
        return error.isRetryable ? failed(op, targetId, error) : refused(op.sourceId, targetId, error)
      }
      if (yield* isGone(ctx.target, targetId)) return yield* gone(true)
      if (++uncertain >= maxUncertain) return failed(op, targetId, error)
    }
  })

/**
 * The write for one planned operation. A vendor failure while reading the target to settle an unknown outcome is
 * reported as a failed write; the pending mark stays, so the next run settles it first.
 */
export const write = (ctx: WriteContext, op: Operation): Effect.Effect<WriteOutcome, never, SyncStore> => {
  const label = op._tag === "Remove" ? (op.targetId ?? op.sourceId) : op.label
  const run = op._tag === "Create" ? create(ctx, op) : op._tag === "Update" ? update(ctx, op) : remove(ctx, op)
  return run.pipe(Effect.catch((error) => Effect.succeed(failed(op, label, error))))
}
