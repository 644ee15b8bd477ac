/**
 * Writing planned contacts to the target through the journal, so that a rerun neither duplicates nor loses one:
 *
 * 1. A contact the journal has as `written` is skipped.
 * 2. One a previous run left `pending` or `uncertain` is first looked for at the target (one listing for all of
 *    them, before the first write); when it is there, it is recorded as written.
 * 3. Otherwise the journal records `pending`, the contact is created, and the journal records `written` with the
 *    target's id. A failure with `mayHaveSucceeded` is checked at the target before it is retried; one that
 *    cannot have stored anything is retried as it is. After the last attempt the contact stays `uncertain` or
 *    `failed`, listed with the vendor's reason, for the next run.
 */
import { ContactDirectory, type ContactError } from "@contactkit/domain"
import { Duration, Effect, Exit, Stream } from "effect"
import type { Journal, Route } from "./Journal.ts"
import type { Tracker } from "./Progress.ts"
import { findAtTarget } from "./TargetSearch.ts"
import type { WritePlan } from "./WritePlan.ts"

/** Create attempts per contact and run, the adapter's own retries of a call not counted. */
const attemptsPerRun = 3
const retryDelay = (attempt: number) => Duration.millis(200 * 2 ** attempt)

export interface Failure {
  readonly contact: string
  readonly key: string
  readonly reason: string
}

export interface WriteOutcome {
  /** Created by this run. */
  readonly created: number
  /** Merged by the target into a contact it had (vendors that deduplicate on create). */
  readonly merged: number
  /** Written by an earlier run with this state file. */
  readonly alreadyWritten: number
  /** Left open by an earlier run or a failed attempt, and found stored at the target. */
  readonly foundAtTarget: number
  readonly refused: number
  readonly failures: ReadonlyArray<Failure>
}

const reasonOf = (error: ContactError) => {
  const detail = error.reason.message
  return `${error.reason._tag}${detail ? `: ${detail.split("\n").join("; ")}` : ""}`
}

const mayHaveStored = (error: ContactError) =>
  error.reason._tag === "VendorUnavailable" && error.reason.mayHaveSucceeded

export const writeAll = <E, R>(
  plans: Stream.Stream<WritePlan, E, R>,
  journal: Journal,
  route: Route,
  tracker: Tracker
) =>
  Effect.gen(function*() {
    const directory = yield* ContactDirectory
    const counts = { created: 0, merged: 0, alreadyWritten: 0, foundAtTarget: 0, refused: 0 }
    const failures: Array<Failure> = []

    // Step 2, for every entry an earlier run left open, with one listing of the target.
    const open = yield* journal.open(route)
    const recovered = yield* findAtTarget(directory, journal, route, new Set(open.map((entry) => entry.fingerprint)))
    const recoveredKeys = new Set<string>()
    for (const entry of open) {
      const id = recovered.get(entry.fingerprint)?.shift()
      if (id === undefined) continue
      yield* journal.written(route, entry.sourceKey, id)
      recoveredKeys.add(entry.sourceKey)
      counts.foundAtTarget += 1
    }

    /** After a write whose outcome is unknown: stored (and now journaled), absent, or still unknown. */
    const lookUp = (plan: WritePlan) =>
      findAtTarget(directory, journal, route, new Set([plan.fingerprint])).pipe(
        Effect.flatMap((found) => {
          const id = found.get(plan.fingerprint)?.[0]
          if (id === undefined) return Effect.succeed("absent" as const)
          counts.foundAtTarget += 1
          return Effect.as(journal.written(route, plan.key, id), "stored" as const)
        }),
        Effect.orElseSucceed(() => "unknown" as const)
      )

    const give = (plan: WritePlan, state: "uncertain" | "failed", reason: string) =>
      Effect.sync(() => failures.push({ contact: plan.label, key: plan.key, reason })).pipe(
        Effect.andThen(journal.failed(route, plan.key, state, reason))
      )

    const write = (plan: WritePlan) =>
      Effect.gen(function*() {
        for (let attempt = 0; attempt < attemptsPerRun; attempt++) {
          if (attempt > 0) yield* Effect.sleep(retryDelay(attempt - 1))
          // A write once started is finished and journaled before an interruption (Ctrl-C) takes effect: a create
          // that takes several requests is never left half done, and its target id is never lost.
          const exit = yield* Effect.uninterruptible(
            Effect.gen(function*() {
              yield* journal.begin(route, plan.key, plan.fingerprint)
              const exit = yield* Effect.exit(directory.create(plan.draft))
              if (Exit.isSuccess(exit)) yield* journal.written(route, plan.key, exit.value.contact.id)
              return exit
            })
          )
          if (Exit.isSuccess(exit)) {
            counts[exit.value.outcome === "merged" ? "merged" : "created"] += 1
            return
          }
          const error = exit.cause.reasons.find((reason) => reason._tag === "Fail")?.error
          if (error === undefined) return yield* Effect.failCause(exit.cause)
          const reason = reasonOf(error)
          if (mayHaveStored(error)) {
            const outcome = yield* lookUp(plan)
            if (outcome === "stored") return
            // Without a listing to go by, a retry could duplicate: leave it to the next run to check.
            if (outcome === "unknown") return yield* give(plan, "uncertain", reason)
          } else if (!error.isRetryable) return yield* give(plan, "failed", reason)
          if (attempt === attemptsPerRun - 1) {
            return yield* give(plan, mayHaveStored(error) ? "uncertain" : "failed", reason)
          }
        }
      })

    yield* plans.pipe(
      Stream.runForEach((plan) =>
        Effect.gen(function*() {
          if (plan.refusal.length > 0) counts.refused += 1
          // Entries left open were all looked for above: one still open was not at the target, so it is written.
          else if ((yield* journal.get(route, plan.key))?.state === "written") {
            if (!recoveredKeys.has(plan.key)) counts.alreadyWritten += 1
          } else yield* write(plan)
          yield* tracker.tick
        })
      )
    )
    return { ...counts, failures } satisfies WriteOutcome
  })
