/**
 * A write whose client gave up: the vendor takes longer than the client's timeout, but finishes the write anyway
 * (as a real server finishes work its client stopped waiting for). The client must report it as one that may have
 * succeeded — never as a success, never as one that cannot have happened — and must not have sent it twice: once
 * the vendor is done, the contact is there exactly once.
 */
import { type Contact, ContactDirectory, type ContactField } from "@contactkit/domain"
import { assert } from "@effect/vitest"
import { Clock, Duration, Effect, Schedule, Stream } from "effect"
import { type Check, type ChecksFor, refusal } from "./CheckSupport.ts"
import { sampleDraft } from "./Drafts.ts"
import { HarnessControl } from "./Harness.ts"

export interface WriteTiming {
  /** The client's per-request timeout. */
  readonly timeout: Duration.Input
  /** How long the vendor takes to answer the write (longer than `timeout`). */
  readonly latency: Duration.Input
  /** After `latency`, how long to wait before counting: a write sent twice has landed twice by then. */
  readonly margin: Duration.Input
  /** After that, how long the vendor may still take to store it before the contact counts as missing. */
  readonly settle: Duration.Input
}

/** Short enough to keep the run quick, long enough that an ordinary request through Prism is not cut off. */
export const suiteTiming: WriteTiming = {
  timeout: "400 millis",
  latency: "900 millis",
  margin: "200 millis",
  settle: "5 seconds"
}

export const timedOutWrite = (timing: WriteTiming = suiteTiming): Check => (next) =>
  Effect.gen(function*() {
    const directory = yield* ContactDirectory
    const control = yield* HarnessControl
    assert.isDefined(control.withTimeout, "harness cannot build the directory with a shorter timeout")
    assert.isDefined(control.injectFault, "harness cannot inject faults")
    const impatient = yield* control.withTimeout!(timing.timeout)
    // Only the fields the vendor requires: the create is then one POST even where fields are a resource of their
    // own, and the delay lands on it.
    const sample = sampleDraft(directory.capabilities, next())
    const minCount = (field: ContactField) => directory.capabilities.fields[field._tag].minCount ?? 0
    const ofKind = (field: ContactField) => sample.fields.filter((f) => f._tag === field._tag)
    const draft = { ...sample, fields: sample.fields.filter((field) => ofKind(field).indexOf(field) < minCount(field)) }
    const latency = Duration.toMillis(Duration.fromInputUnsafe(timing.latency))
    const started = yield* Clock.currentTimeMillis
    yield* control.injectFault!({ kind: "latency", latencyMs: latency, completeWrite: true, method: "POST", count: 1 })
    const error = yield* refusal(impatient.create(draft), "a create whose client gave up").pipe(
      Effect.ensuring(control.clearFaults ?? Effect.void)
    )
    assert.strictEqual(error.reason._tag, "VendorUnavailable", "a create whose client gave up failed with")
    assert.isTrue(
      error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded,
      "a create whose client gave up was not reported as one that may have succeeded"
    )
    // Wait out the vendor's delay and a margin, then for the write to show (a slow machine may need more).
    const elapsed = (yield* Clock.currentTimeMillis) - started
    yield* Effect.sleep(
      Duration.sum(Duration.millis(Math.max(0, latency - elapsed)), Duration.fromInputUnsafe(timing.margin))
    )
    const same = (c: Contact) => c.name.given === draft.name.given && c.name.family === draft.name.family
    const holding = Stream.runCollect(directory.list({ pageSize: 100 })).pipe(
      Effect.map((all) => Array.from(all).filter(same))
    )
    const found = yield* holding.pipe(
      Effect.repeat({ schedule: Schedule.spaced("50 millis"), until: (contacts) => contacts.length > 0 }),
      Effect.timeoutOrElse({ duration: timing.settle, orElse: () => holding })
    )
    assert.isAbove(found.length, 0, "the write whose client gave up never arrived")
    assert.strictEqual(found.length, 1, "contacts holding the write whose client gave up")
  })

export const timedOutWriteChecks: ChecksFor<"timed-out-write"> = { "timed-out-write": timedOutWrite() }
